from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from accounts.roles import DEPT_ADMIN, city_bureau_role
from aid.importing import PROJECT_COLUMNS, TRAINEE_COLUMNS, import_file
from aid.models import AidKind, AidProject, AidTrainee
from aid.selectors import statistics

pytestmark = pytest.mark.django_db


def xlsx(headers, rows, name="aid.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def project(code, kind="援外成套项目", country="坦桑尼亚", year=2023, city="长沙", amount="1200"):
    return [code, f"示范项目{code}", kind, country, year, city, "湖南建工示范公司", amount, "已完工", ""]


def trainee(passport, course="HN2024-01", country="KE"):
    return [course, "杂交水稻技术培训班", passport, "Amani Otieno", "男", country, 2024, "长沙", "湖南农业示范学院"]


def test_good_project_file_is_imported(make_user):
    admin = make_user("aid_admin", role=DEPT_ADMIN)
    run = import_file("projects", xlsx(list(PROJECT_COLUMNS), [project("P1"), project("P2", kind="technical", country="TZ")]), by=admin)
    assert run.applied and (run.created, run.updated, run.errors) == (2, 0, [])
    assert AidProject.objects.get(code="P2").kind == AidKind.TECHNICAL


def test_repeated_project_file_updates_rather_than_duplicates(make_user):
    admin = make_user("aid_admin", role=DEPT_ADMIN)
    import_file("projects", xlsx(list(PROJECT_COLUMNS), [project("P1")]), by=admin)
    run = import_file("projects", xlsx(list(PROJECT_COLUMNS), [project("P1", amount="1500")]), by=admin)
    assert (run.created, run.updated) == (0, 1)
    assert AidProject.objects.count() == 1 and AidProject.objects.get().amount_wan == 1500


def test_bad_rows_block_the_whole_file_unless_valid_rows_chosen(make_user):
    admin = make_user("aid_admin", role=DEPT_ADMIN)
    rows = [project("P1"), project("P2", kind="贸易"), project("P3", country="火星"), project("P4", year="二〇二三")]
    run = import_file("projects", xlsx(list(PROJECT_COLUMNS), rows), by=admin)
    assert not run.applied and AidProject.objects.count() == 0
    assert [e["row"] for e in run.errors] == [3, 4, 5]
    assert "援助方式" in run.errors[0]["messages"][0] and "受援国" in run.errors[1]["messages"][0]
    run = import_file("projects", xlsx(list(PROJECT_COLUMNS), rows), by=admin, skip_invalid=True)
    assert run.applied and run.created == 1 and list(AidProject.objects.values_list("code", flat=True)) == ["P1"]


def test_trainees_keyed_by_course_and_passport(make_user):
    admin = make_user("aid_admin", role=DEPT_ADMIN)
    import_file("trainees", xlsx(list(TRAINEE_COLUMNS), [trainee("A1234567"), trainee("A1234567", course="HN2024-02")]), by=admin)
    run = import_file("trainees", xlsx(list(TRAINEE_COLUMNS), [trainee("a1234567")]), by=admin)
    assert (run.created, run.updated, run.unchanged) == (0, 0, 1) and AidTrainee.objects.count() == 2
    changed = trainee("A1234567")
    changed[3] = "Amani O. Otieno"
    run = import_file("trainees", xlsx(list(TRAINEE_COLUMNS), [changed]), by=admin)
    assert (run.created, run.updated) == (0, 1) and AidTrainee.objects.get(course_code="HN2024-01").name == "Amani O. Otieno"


def test_duplicate_key_within_file_is_a_row_error(make_user):
    admin = make_user("aid_admin", role=DEPT_ADMIN)
    run = import_file("projects", xlsx(list(PROJECT_COLUMNS), [project("P1"), project("P1")]), by=admin)
    assert run.errors == [{"row": 3, "messages": ["与第 2 行重复"]}]


def test_statistics_count_by_kind_country_year_and_city(make_user):
    admin = make_user("aid_admin", role=DEPT_ADMIN)
    rows = [project("P1"), project("P2", country="TZ", year=2024), project("P3", kind="援外技术合作项目", country="KE", city="邵阳", amount="")]
    import_file("projects", xlsx(list(PROJECT_COLUMNS), rows), by=admin)
    stats = statistics(AidProject.objects.all(), AidTrainee.objects.all())
    assert stats["totals"] == {"projects": 3, "trainees": 0, "amount_wan": 2400.0}
    assert {r["key"]: r["n"] for r in stats["by_kind"]} == {"turnkey": 2, "technical": 1}
    assert {r["label"]: r["n"] for r in stats["by_city"]} == {"长沙市": 2, "邵阳市": 1}
    assert stats["by_country"][0]["n"] == 2
    assert [(r["label"], r["projects"]) for r in stats["by_year"]] == [("2023", 2), ("2024", 1)]


def test_every_aid_kind_has_a_public_showcase_page(client):
    AidProject.objects.create(code="X1", name="示范医院", kind="turnkey", country_id="TZ", year=2022, city="changsha", implementer="某单位")
    for kind in AidKind.values:
        response = client.get(reverse("aid:showcase", args=[kind]))
        assert response.status_code == 200 and str(AidKind(kind).label) in response.content.decode()
    assert "示范医院" in client.get(reverse("aid:showcase", args=["turnkey"])).content.decode()
    assert client.get(reverse("aid:showcase", args=["nope"])).status_code == 404


def test_databases_closed_to_public_and_enterprises(client, make_user, make_org):
    assert client.get(reverse("aid:projects")).status_code == 302
    client.force_login(make_user("ent", org=make_org()))
    assert client.get(reverse("aid:trainees")).status_code == 403
    assert client.get(reverse("aid:import")).status_code == 403


def test_city_bureau_sees_only_its_citys_records_and_trainee_data_is_masked(client, make_user):
    AidTrainee.objects.create(course_code="C1", course_name="长沙班", passport_no="K99887766", name="Grace Wanjiru", country_id="KE", year=2024, city="changsha", organiser="甲")
    AidTrainee.objects.create(course_code="C2", course_name="邵阳班", passport_no="K11223344", name="Peter Mwangi", country_id="KE", year=2024, city="shaoyang", organiser="乙")
    client.force_login(make_user("cs", role=city_bureau_role("changsha")))
    body = client.get(reverse("aid:trainees")).content.decode()
    assert "长沙班" in body and "邵阳班" not in body
    assert "K99887766" not in body and "K*****766" in body and "Grace Wanjiru" not in body
    assert client.get(reverse("aid:import")).status_code == 403


def test_import_page_reports_rows_to_department_admin(client, make_user):
    client.force_login(make_user("aid_admin", role=DEPT_ADMIN))
    response = client.post(reverse("aid:import"), {"dataset": "projects", "file": xlsx(list(PROJECT_COLUMNS), [project("P1"), project("P2", city="火星")])})
    body = response.content.decode()
    assert "第 3 行" in body and "市州" in body and AidProject.objects.count() == 0
