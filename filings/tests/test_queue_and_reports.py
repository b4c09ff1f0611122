"""Review queues, XLSX export with masking, attachments, change/progress reports, next-step helper."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from openpyxl import load_workbook

from audit.models import AuditEntry
from filings import services
from filings.models import FilingAttachment, FilingReport, ReportKind, State
from filings.selectors import filings_for_org, filings_visible_to, next_step
from uploads.tests.samples import PDF


def test_visibility_by_role(people, make_filing):
    own_draft = make_filing(people["owner"], state=State.DRAFT)
    own_submitted = make_filing(people["owner"], state=State.SUBMITTED)
    shaoyang = make_filing(people["other"], state=State.SUBMITTED)
    provincial = make_filing(people["provincial_ent"], state=State.PROVINCIAL_REVIEW)
    seen = {name: set(filings_visible_to(people[name])) for name in ["owner", "other", "city", "other_city", "dept", "outsider"]}
    assert seen["owner"] == {own_draft, own_submitted}
    assert seen["other"] == {shaoyang}
    assert seen["city"] == {own_submitted}
    assert seen["other_city"] == {shaoyang}
    assert seen["dept"] == {own_submitted, shaoyang, provincial}
    assert seen["outsider"] == set()
    assert set(filings_for_org(people["owner"].organization)) == {own_draft, own_submitted}


def test_city_queue_shows_only_its_city_and_the_department_filters_by_city(client, people, make_filing):
    make_filing(people["owner"], state=State.SUBMITTED, project_name="长沙项目")
    make_filing(people["other"], state=State.SUBMITTED, project_name="邵阳项目")
    client.force_login(people["city"])
    html = client.get("/filings/queue/").content.decode()
    assert "长沙项目" in html and "邵阳项目" not in html
    assert client.get("/filings/queue/", {"city": "shaoyang"}).content.decode().count("邵阳项目") == 0
    client.force_login(people["dept"])  # both are at the cities' step: not 待我处理 for the department, so every state
    html = client.get("/filings/queue/", {"city": "shaoyang", "state": ""}).content.decode()
    assert "邵阳项目" in html and "长沙项目" not in html
    html = client.get("/filings/queue/", {"q": "长沙", "state": ""}).content.decode()
    assert "长沙项目" in html and "邵阳项目" not in html


def test_queue_shows_time_in_state(client, people, make_filing):
    make_filing(people["owner"], state=State.SUBMITTED, state_changed_at=timezone.now() - datetime.timedelta(days=9, hours=2))
    client.force_login(people["city"])
    assert "9 天" in client.get("/filings/queue/").content.decode()


def test_enterprises_and_individuals_have_no_queue(client, people):
    for name in ["owner", "outsider"]:
        client.force_login(people[name])
        assert client.get("/filings/queue/").status_code == 403
        assert client.get("/filings/queue/export.xlsx").status_code == 403


def _rows(response):
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_export_masks_personal_data_for_reviewers_without_permission(client, people, make_filing):
    make_filing(people["owner"], state=State.SUBMITTED, project_name="导出项目")
    make_filing(people["other"], state=State.SUBMITTED, project_name="他市项目")
    client.force_login(people["city"])
    response = client.get("/filings/queue/export.xlsx")
    header, rows = _rows(response)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert [r[2] for r in rows] == ["导出项目"]
    row = dict(zip(header, rows[0], strict=True))
    assert (row["联系人"], row["联系电话"], row["联系人身份证号"]) == ("张*", "138****5678", "110105********002X")
    assert row["折合美元"] == 2000000.0 and row["东道国(地区)"] == "越南"
    assert AuditEntry.objects.filter(action="filing.export", actor=people["city"]).exists()


def test_export_is_unmasked_for_users_with_the_permission(client, people, make_filing):
    make_filing(people["owner"], state=State.SUBMITTED)
    people["admin"].user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    client.force_login(people["admin"])
    header, rows = _rows(client.get("/filings/queue/export.xlsx"))
    row = dict(zip(header, rows[0], strict=True))
    assert (row["联系人"], row["联系电话"], row["联系人身份证号"]) == ("张三", "13812345678", "11010519491231002X")


def test_bulk_export_of_selected_filings(client, people, make_filing):
    first = make_filing(people["owner"], state=State.SUBMITTED, project_name="甲")
    make_filing(people["owner"], state=State.SUBMITTED, project_name="乙")
    client.force_login(people["dept"])
    _, rows = _rows(client.get("/filings/queue/export.xlsx", {"ids": [first.pk]}))
    assert [r[2] for r in rows] == ["甲"]


def _upload(name, content, label="境外企业注册证明"):
    return {"label": label, "file": SimpleUploadedFile(name, content)}


def test_enterprise_attaches_a_pdf_and_reviewers_can_download_it(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.DRAFT, materials=False)
    client.force_login(people["owner"])
    client.post(f"/filings/{filing.pk}/attachments/", _upload("证明.pdf", PDF))
    attachment = FilingAttachment.objects.get()
    assert attachment.size == len(PDF) and attachment.original_name == "证明.pdf"
    from filings.materials import attach_samples

    attach_samples(filing)  # the guide's required materials
    services.submit_filing(filing, by=people["owner"])
    client.force_login(people["city"])
    response = client.get(f"/filings/{filing.pk}/attachments/{attachment.pk}/")
    assert b"".join(response.streaming_content) == PDF
    client.force_login(people["other"])
    assert client.get(f"/filings/{filing.pk}/attachments/{attachment.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("run.exe", b"MZ\x90\x00", "的类型“.exe”不支持"),
        ("fake.pdf", b"<html>not a pdf</html>", "的内容与扩展名“.pdf”不符"),
        ("empty.png", b"", "空文件"),
        ("big.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 10), "过大（1.0 MB），单个文件不超过 1 MB"),
    ],
)
@override_settings(FILINGS_ATTACHMENT_MAX_MB=1)
def test_bad_attachments_are_refused_with_a_reason(name, content, message, client, people, make_filing):
    filing = make_filing(people["owner"], state=State.DRAFT, materials=False)
    client.force_login(people["owner"])
    response = client.post(f"/filings/{filing.pk}/attachments/", _upload(name, content), follow=True)
    assert not FilingAttachment.objects.exists()
    assert message in response.content.decode()


def test_attachments_cannot_change_once_submitted(people, make_filing):
    filing = make_filing(people["owner"], state=State.SUBMITTED)
    with pytest.raises(services.InvalidTransition):
        services.add_attachment(filing, by=people["owner"], upload=SimpleUploadedFile("a.pdf", PDF), label="补充")


def test_accepted_change_report_updates_the_filed_project(client, people, make_filing, rates):
    filing = make_filing(people["owner"], state=State.FILED, amount="1000000", currency="CNY", amount_usd="140000")
    client.force_login(people["owner"])
    response = client.post(f"/filings/{filing.pk}/reports/new/change/", {"summary": "增资扩产", "new_amount": "20000000", "new_end_date": ""})
    assert response.status_code == 302
    report = FilingReport.objects.get()
    client.force_login(people["city"])
    client.post(f"/filings/{filing.pk}/reports/{report.pk}/review/", {"decision": "accept"})
    report.refresh_from_db()
    assert report.state == "submitted"  # a city bureau cannot confirm reports
    client.force_login(people["dept"])
    client.post(f"/filings/{filing.pk}/reports/{report.pk}/review/", {"decision": "accept", "comment": "同意"})
    filing.refresh_from_db()
    assert filing.amount == Decimal("20000000") and filing.amount_usd == Decimal("2800000.00")


def test_progress_report_resets_the_next_deadline(people, make_filing):
    filed_at = timezone.now() - datetime.timedelta(days=200)
    filing = make_filing(people["owner"], state=State.FILED, filed_at=filed_at)
    assert next_step(filing)["overdue"] is True
    services.submit_report(filing, by=people["owner"], kind=ReportKind.PROGRESS, data={"period": "2026年上半年", "summary": "厂房已建成", "invested_usd": Decimal("800000")})
    step = next_step(filing)
    assert step["text"] == "报送项目进展报告" and step["overdue"] is False
    assert step["deadline"] == (timezone.now() + datetime.timedelta(days=180)).date()


def test_reports_only_for_filed_projects_and_only_by_the_owner(people, make_filing):
    draft = make_filing(people["owner"], state=State.DRAFT)
    with pytest.raises(services.InvalidTransition):
        services.submit_report(draft, by=people["owner"], kind=ReportKind.PROGRESS, data={"period": "2026", "summary": "x"})
    filed = make_filing(people["owner"], state=State.FILED)
    with pytest.raises(services.PermissionDenied):
        services.submit_report(filed, by=people["other"], kind=ReportKind.PROGRESS, data={"period": "2026", "summary": "x"})
    with pytest.raises(services.InvalidTransition, match="至少填写"):
        services.submit_report(filed, by=people["owner"], kind=ReportKind.CHANGE, data={"summary": "无变化"})


@pytest.mark.parametrize(
    ("state", "actor", "days"),
    [(State.RETURNED, "enterprise", 15), (State.SUBMITTED, "city", 7), (State.CITY_REVIEW, "city", 7), (State.PROVINCIAL_REVIEW, "province", 10)],
)
def test_next_step_names_who_acts_and_the_deadline(state, actor, days, people, make_filing):
    changed = timezone.now() - datetime.timedelta(days=1)
    step = next_step(make_filing(people["owner"], state=state, state_changed_at=changed))
    assert step["actor"] == actor and step["deadline"] == (changed + datetime.timedelta(days=days)).date()


def test_nothing_is_due_on_a_rejected_filing(people, make_filing):
    assert next_step(make_filing(people["owner"], state=State.REJECTED)) == {"text": "无需操作", "actor": "", "deadline": None, "overdue": False}


def test_next_step_reads_the_annotated_last_report_the_same_as_it_queries_it(people, make_filing, django_assert_max_num_queries):
    from filings.models import Filing
    from filings.selectors import with_last_progress

    owner = people["owner"]
    filed_at = timezone.now() - datetime.timedelta(days=200)
    filings = [make_filing(owner, state=State.FILED, filed_at=filed_at, project_name=f"项目{i}") for i in range(4)]
    for filing in filings[:2]:
        services.submit_report(filing, by=owner, kind=ReportKind.PROGRESS, data={"period": "2026年上半年", "summary": "进展顺利", "invested_usd": Decimal("1000")})
    now = timezone.now()
    queried = {f.pk: next_step(f, now) for f in Filing.objects.filter(pk__in=[f.pk for f in filings])}
    with django_assert_max_num_queries(1):  # one query for every filing and its last report
        annotated = {f.pk: next_step(f, now) for f in with_last_progress(Filing.objects.filter(pk__in=[f.pk for f in filings]))}
    assert annotated == queried
    assert [queried[f.pk]["overdue"] for f in filings] == [False, False, True, True]
