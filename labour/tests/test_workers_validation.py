from datetime import date

from labour.tests.conftest import id_number
from labour.workers import check_id_number, check_row, check_rows, mask_id_number, mask_name, mask_passport


def row(**kw):
    data = {"name": "李四", "gender": "男", "id_number": id_number(1), "passport_no": "E12345678", "job": "焊工", "phone": ""}
    data.update(kw)
    return data


def test_valid_id_number_gives_birth_date():
    number, birth, error = check_id_number(id_number(1, birth="19851120"))
    assert error == "" and birth == date(1985, 11, 20)


def test_id_number_with_wrong_check_digit_is_rejected():
    good = id_number(1)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert "校验位" in check_id_number(bad)[2]


def test_id_number_with_impossible_birth_date_is_rejected():
    from stdnum.cn import ric

    body = "43010219901340" + "123"
    assert "出生日期" in check_id_number(body + ric.calc_check_digit(body + "0"))[2]


def test_short_id_number_is_rejected():
    assert check_id_number("43010219900101")[2] == "身份证号应为 18 位"


def test_lowercase_x_check_digit_is_accepted():
    assert check_id_number("11010519491231002x")[0] == "11010519491231002X"


def test_passport_patterns():
    assert check_row(row(passport_no="EA1234567"))[1] == []
    assert check_row(row(passport_no="e12345678"))[0]["passport_no"] == "E12345678"
    assert any("护照号" in m for m in check_row(row(passport_no="123456"))[1])


def test_gender_must_match_id_number():
    female_id = id_number(2, male=False)
    assert any("性别与身份证号不符" in m for m in check_row(row(id_number=female_id))[1])


def test_minors_cannot_be_dispatched():
    young = id_number(3, birth="20150101")
    assert any("未满 18 周岁" in m for m in check_row(row(id_number=young), today=date(2026, 1, 1))[1])


def test_duplicate_id_in_same_file_is_an_error_naming_the_first_row():
    valid, errors = check_rows([(2, row()), (3, row(name="王五"))])
    assert len(valid) == 1 and errors[0]["row"] == 3 and "第 2 行" in errors[0]["messages"][0]


def test_masking_keeps_prefix_and_last_four():
    assert mask_id_number("430102199001011234") == "4301**********1234"
    assert mask_passport("E12345678") == "E*****678"
    assert mask_name("欧阳娜娜") == "欧***"
