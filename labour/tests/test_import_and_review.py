import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.roles import DEPT_REVIEWER, city_bureau_role
from audit.models import AuditEntry
from labour import services
from labour.models import State, Worker, WorkerImport
from labour.spreadsheet import SpreadsheetError
from labour.tests.conftest import id_number, worker_row, xlsx
from labour.workers import mask_id_number
from notifications.models import Message

pytestmark = pytest.mark.django_db


def test_good_file_is_checked_then_imported(labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    pending = services.check_upload(filing, xlsx([worker_row(1), worker_row(2, "赵六")]), by=labour_user)
    assert pending.errors == [] and filing.workers.count() == 0
    assert services.apply_import(pending, by=labour_user) == {"created": 2, "updated": 0, "skipped": 0}
    assert filing.workers.count() == 2
    assert AuditEntry.objects.filter(action="labour.import").exists()


def test_repeated_file_updates_instead_of_duplicating(labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    services.apply_import(services.check_upload(filing, xlsx([worker_row(1)]), by=labour_user), by=labour_user)
    changed = worker_row(1)
    changed[4] = "电工"
    result = services.apply_import(services.check_upload(filing, xlsx([changed, worker_row(2)]), by=labour_user), by=labour_user)
    assert result == {"created": 1, "updated": 1, "skipped": 0}
    assert Worker.objects.get(filing=filing, id_number=id_number(1)).job == "电工"


def test_pending_import_cannot_be_applied_twice(labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    pending = services.check_upload(filing, xlsx([worker_row(1)]), by=labour_user)
    services.apply_import(pending, by=labour_user)
    with pytest.raises(ValidationError):
        services.apply_import(pending, by=labour_user)


def test_wrong_headers_and_non_excel_files_are_refused(labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    with pytest.raises(SpreadsheetError, match="表头缺少"):
        services.check_upload(filing, xlsx([["x"]], headers=["名字"]), by=labour_user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(SpreadsheetError, match="xlsx"):
        services.check_upload(filing, SimpleUploadedFile("a.csv", b"a,b"), by=labour_user)
    with pytest.raises(SpreadsheetError, match="无法读取"):
        services.check_upload(filing, SimpleUploadedFile("a.xlsx", b"not a zip"), by=labour_user)


def test_upload_with_a_bad_row_imports_nothing_and_reports_row_numbers(client, labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    client.force_login(labour_user)
    bad = worker_row(2, "钱七", id="430102199001011230")
    response = client.post(reverse("labour:upload", args=[filing.pk]), {"file": xlsx([worker_row(1), bad, worker_row(3, "孙八")])}, follow=True)
    assert filing.workers.count() == 0
    body = response.content.decode()
    assert "第 3 行" in body and "校验位" in body and "仅导入 2 行有效数据" in body
    pending = WorkerImport.objects.get(filing=filing)
    client.post(reverse("labour:apply_import", args=[filing.pk, pending.pk]))
    assert filing.workers.count() == 2


def test_worker_list_shows_masked_numbers_only(client, labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    number = id_number(5)
    Worker.objects.create(filing=filing, name="周九", gender="男", id_number=number, birth_date="1990-01-01", passport_no="E87654321")
    client.force_login(labour_user)
    body = client.get(reverse("labour:detail", args=[filing.pk])).content.decode()
    assert number not in body and "E87654321" not in body
    assert f"{number[:4]}**********{number[-4:]}" in body and "周*" in body


def test_enterprise_without_qualification_cannot_create(make_org, make_user, country):
    org = make_org("无资质公司")
    user = make_user("noqual", org=org)
    with pytest.raises(PermissionDenied):
        services.create_filing(by=user, data={})


def test_enterprise_never_sees_another_enterprises_filing(client, labour_org, make_org, make_user, make_dispatch):
    filing = make_dispatch(labour_org)
    other = make_user("other_ent", org=make_org("别家公司"))
    client.force_login(other)
    assert client.get(reverse("labour:detail", args=[filing.pk])).status_code == 404
    assert client.post(reverse("labour:upload", args=[filing.pk]), {"file": xlsx([worker_row(1)])}).status_code == 404


def _submitted(labour_user, labour_org, make_dispatch):
    filing = make_dispatch(labour_org)
    services.apply_import(services.check_upload(filing, xlsx([worker_row(1)]), by=labour_user), by=labour_user)
    services.submit(filing, by=labour_user)
    return filing


def test_submit_needs_workers(labour_user, labour_org, make_dispatch):
    with pytest.raises(ValidationError, match="名单"):
        services.submit(make_dispatch(labour_org), by=labour_user)


def test_submit_notifies_city_bureau_and_department(labour_user, labour_org, make_dispatch, make_user):
    bureau = make_user("cs_bureau", role=city_bureau_role("changsha"))
    dept = make_user("dept_r", role=DEPT_REVIEWER)
    other_city = make_user("sy_bureau", role=city_bureau_role("shaoyang"))
    filing = _submitted(labour_user, labour_org, make_dispatch)
    assert filing.state == State.SUBMITTED
    recipients = set(Message.objects.filter(kind="labour.submitted").values_list("recipient__username", flat=True))
    assert recipients == {bureau.username, dept.username} and other_city.username not in recipients


def test_city_bureau_approves_its_citys_filing_and_enterprise_is_notified(labour_user, labour_org, make_dispatch, make_user):
    bureau = make_user("cs_bureau", role=city_bureau_role("changsha"))
    filing = _submitted(labour_user, labour_org, make_dispatch)
    services.review(filing, by=bureau, decision="approve")
    filing.refresh_from_db()
    assert filing.state == State.APPROVED and filing.number.startswith("LW")
    assert Message.objects.filter(recipient=labour_user, kind="labour.approve").exists()
    assert AuditEntry.objects.filter(action="labour.approve", actor=bureau).exists()


def test_other_city_bureau_cannot_review_or_see(client, labour_user, labour_org, make_dispatch, make_user):
    other = make_user("sy_bureau", role=city_bureau_role("shaoyang"))
    filing = _submitted(labour_user, labour_org, make_dispatch)
    with pytest.raises(PermissionDenied):
        services.review(filing, by=other, decision="approve")
    client.force_login(other)
    assert client.get(reverse("labour:detail", args=[filing.pk])).status_code == 404
    assert filing.project_name not in client.get(reverse("labour:queue")).content.decode()


def test_return_requires_reason_and_reopens_editing(labour_user, labour_org, make_dispatch, make_user):
    dept = make_user("dept_r", role=DEPT_REVIEWER)
    filing = _submitted(labour_user, labour_org, make_dispatch)
    with pytest.raises(ValidationError):
        services.review(filing, by=dept, decision="return", comment=" ")
    services.review(filing, by=dept, decision="return", comment="名单人数与计划不符")
    filing.refresh_from_db()
    assert filing.state == State.RETURNED and filing.editable


def test_enterprise_cannot_review_its_own_filing(labour_user, labour_org, make_dispatch):
    filing = _submitted(labour_user, labour_org, make_dispatch)
    with pytest.raises(PermissionDenied):
        services.review(filing, by=labour_user, decision="approve")


def test_queue_is_closed_to_enterprises(client, labour_user):
    client.force_login(labour_user)
    assert client.get(reverse("labour:queue")).status_code == 403


def test_department_admin_records_qualification_and_enterprise_can_then_file(client, make_org, make_user, country):
    from datetime import date

    from accounts.roles import DEPT_ADMIN
    from labour.models import Qualification

    org = make_org("新取得资格公司")
    client.force_login(make_user("dept_admin", role=DEPT_ADMIN))
    bad = client.post(reverse("labour:qualifications"), {"credit_code": "91430100000000000X", "certificate_no": "X", "valid_until": "2030-01-01"})
    assert bad.status_code == 400 and "没有这个统一社会信用代码" in bad.content.decode()
    client.post(reverse("labour:qualifications"), {"credit_code": org.credit_code, "certificate_no": "湘劳合-9", "valid_until": "2030-01-01"})
    assert Qualification.objects.get(organization=org).valid_until == date(2030, 1, 1)
    assert AuditEntry.objects.filter(action="labour.qualification").exists()
    filing = services.create_filing(by=make_user("new_ent", org=org), data={"country": country, "employer": "E", "project_name": "P", "job_category": "J",
                                                                           "planned_workers": 1, "start_date": date(2027, 1, 1), "end_date": date(2028, 1, 1),
                                                                           "contact_name": "C", "contact_phone": "1"})
    assert filing.jurisdiction == org.jurisdiction


def test_expired_qualification_blocks_new_filings(labour_user, labour_org):
    from datetime import date, timedelta

    labour_org.labour_qualification.valid_until = date.today() - timedelta(days=1)
    labour_org.labour_qualification.save()
    with pytest.raises(PermissionDenied, match="资格"):
        services.create_filing(by=labour_user, data={})


def test_enterprise_cannot_open_qualification_register(client, labour_user):
    client.force_login(labour_user)
    assert client.get(reverse("labour:qualifications")).status_code == 403


def test_worker_export_full_for_enterprise_masked_for_reviewer(client, labour_user, labour_org, make_dispatch, make_user):
    from io import BytesIO

    from openpyxl import load_workbook

    filing = _submitted(labour_user, labour_org, make_dispatch)
    number = id_number(1)

    def cells(user):
        client.force_login(user)
        response = client.get(reverse("labour:export_workers", args=[filing.pk]))
        return [c for row in load_workbook(BytesIO(response.content)).active.iter_rows(min_row=2, values_only=True) for c in row]

    assert number in cells(labour_user)
    reviewer_cells = cells(make_user("cs_bureau", role=city_bureau_role("changsha")))
    assert number not in reviewer_cells and mask_id_number(number) in reviewer_cells
    assert AuditEntry.objects.filter(action="labour.export").count() == 2
