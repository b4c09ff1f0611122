"""Object-level denial on every filing page that is not a transition: attachments, reports, export.

Another enterprise gets 404 (it must not even learn the filing exists); a city bureau gets 404 on
another city's filing; a reviewer who can see a filing but is not the one to act gets 403.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from filings.models import FilingAttachment, FilingReport, ReportState, State
from uploads.tests.samples import PDF

pytestmark = pytest.mark.django_db


def rows(response):
    from io import BytesIO

    return [r[2] for r in load_workbook(BytesIO(response.content)).active.iter_rows(min_row=2, values_only=True)]


def test_another_enterprise_cannot_touch_attachments(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.RETURNED, materials=False)
    attachment = FilingAttachment.objects.create(filing=filing, label="证明", file=SimpleUploadedFile("a.pdf", PDF), original_name="a.pdf", size=len(PDF))
    client.force_login(people["other"])
    upload = {"label": "冒名材料", "file": SimpleUploadedFile("b.pdf", PDF)}
    assert client.post(f"/filings/{filing.pk}/attachments/", upload).status_code == 404
    assert client.get(f"/filings/{filing.pk}/attachments/{attachment.pk}/").status_code == 404
    assert client.post(f"/filings/{filing.pk}/attachments/{attachment.pk}/delete/").status_code == 404
    assert list(FilingAttachment.objects.values_list("label", flat=True)) == ["证明"]


def test_a_reviewer_who_may_read_a_filing_still_cannot_change_its_attachments(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.RETURNED, materials=False)
    attachment = FilingAttachment.objects.create(filing=filing, label="证明", file=SimpleUploadedFile("a.pdf", PDF), original_name="a.pdf", size=len(PDF))
    client.force_login(people["city"])
    client.post(f"/filings/{filing.pk}/attachments/", {"label": "审核人上传", "file": SimpleUploadedFile("c.pdf", PDF)})
    client.post(f"/filings/{filing.pk}/attachments/{attachment.pk}/delete/")
    assert list(FilingAttachment.objects.values_list("label", flat=True)) == ["证明"]


def test_another_citys_bureau_cannot_download_attachments_or_export_by_id(client, people, make_filing):
    filing = make_filing(people["other"], state=State.SUBMITTED, project_name="邵阳项目")
    attachment = FilingAttachment.objects.create(filing=filing, label="证明", file=SimpleUploadedFile("a.pdf", PDF), original_name="a.pdf", size=len(PDF))
    make_filing(people["owner"], state=State.SUBMITTED, project_name="长沙项目")
    client.force_login(people["city"])
    assert client.get(f"/filings/{filing.pk}/attachments/{attachment.pk}/").status_code == 404
    assert rows(client.get("/filings/queue/export.xlsx", {"ids": [filing.pk]})) == []
    assert rows(client.get("/filings/queue/export.xlsx")) == ["长沙项目"]
    client.force_login(people["other_city"])
    assert rows(client.get("/filings/queue/export.xlsx")) == ["邵阳项目"]


def test_reports_another_enterprise_cannot_file_and_only_the_department_confirms(client, people, make_filing):
    filing = make_filing(people["owner"], state=State.FILED)
    client.force_login(people["other"])
    assert client.get(f"/filings/{filing.pk}/reports/new/progress/").status_code == 404
    client.force_login(people["city"])  # sees its city's filing, but only the enterprise reports
    assert client.post(f"/filings/{filing.pk}/reports/new/progress/", {"period": "2026", "summary": "代报"}).status_code == 403
    client.force_login(people["owner"])
    client.post(f"/filings/{filing.pk}/reports/new/progress/", {"period": "2026年上半年", "summary": "已投产"})
    report = FilingReport.objects.get()
    for name in ("owner", "city", "other_city", "other"):
        client.force_login(people[name])
        client.post(f"/filings/{filing.pk}/reports/{report.pk}/review/", {"decision": "accept"})
        report.refresh_from_db()
        assert report.state == ReportState.SUBMITTED, name
    client.force_login(people["dept"])
    client.post(f"/filings/{filing.pk}/reports/{report.pk}/review/", {"decision": "accept"})
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED and report.reviewed_by == people["dept"]
