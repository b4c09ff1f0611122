"""The filing form lists the materials the service guide requires, and a filing is not submitted
without them: the department's edits to the guide change what is asked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from filings import materials, services
from filings.models import Kind, State
from guides.models import GuideMaterial

pytestmark = pytest.mark.django_db


def test_the_form_lists_the_guides_required_materials(client, people):
    client.force_login(people["owner"])
    html = client.get(f"/filings/new/{Kind.INVESTMENT}/").content.decode()
    assert "提交前需上传的材料" in html and "资金来源说明" in html and "/guides/investment/" in html


def test_a_filing_without_its_materials_is_not_submitted_and_says_which_are_missing(people, make_filing):
    filing = make_filing(people["owner"], materials=False)
    with pytest.raises(services.InvalidTransition, match="资金来源说明"):
        services.submit_filing(filing, by=people["owner"])
    filing.refresh_from_db()
    assert filing.state == State.DRAFT


def test_uploading_each_material_by_its_name_then_submitting(client, people, make_filing):
    filing = make_filing(people["owner"], materials=False)
    client.force_login(people["owner"])
    page = client.get(f"/filings/{filing.pk}/").content.decode()
    assert page.count("待上传") == len(materials.missing(filing)) and '<option value="资金来源说明"' in page
    pdf = materials.sample_pdf("x")
    for name in materials.missing(filing):
        response = client.post(f"/filings/{filing.pk}/attachments/", {"material": name, "file": SimpleUploadedFile("scan.pdf", pdf, "application/pdf")})
        assert response.status_code == 302
    assert materials.missing(filing) == [] and "已上传" in client.get(f"/filings/{filing.pk}/").content.decode()
    client.post(f"/filings/{filing.pk}/do/submit/")
    filing.refresh_from_db()
    assert filing.state != State.DRAFT


def test_another_material_needs_a_name(client, people, make_filing):
    filing = make_filing(people["owner"], materials=False)
    client.force_login(people["owner"])
    pdf = SimpleUploadedFile("scan.pdf", materials.sample_pdf("x"), "application/pdf")
    response = client.post(f"/filings/{filing.pk}/attachments/", {"material": "__other__", "file": pdf}, follow=True)
    assert "请选择材料，或填写其他材料的名称" in response.content.decode() and not filing.attachments.exists()
    pdf.seek(0)
    client.post(f"/filings/{filing.pk}/attachments/", {"material": "__other__", "label": "项目照片", "file": pdf})
    assert list(filing.attachments.values_list("label", flat=True)) == ["项目照片"]


def test_what_the_department_marks_required_is_what_is_checked(people, make_filing):
    filing = make_filing(people["owner"], materials=False)
    GuideMaterial.objects.filter(guide__slug="investment").update(required_for_filing=False)
    assert materials.missing(filing) == []
    services.submit_filing(filing, by=people["owner"])
    assert filing.state != State.DRAFT


def test_deadlines_are_shanghai_calendar_days(people, make_filing, settings):
    """A filing returned at 07:00 Shanghai (23:00 UTC the day before) is due N Shanghai days later,
    and is overdue from Shanghai's midnight, not from 08:00."""
    from datetime import UTC, datetime, timedelta

    from filings.selectors import next_step

    settings.FILINGS_RESUBMIT_DAYS = 10
    returned_at = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)  # 2026-03-02 07:00 in Shanghai
    filing = make_filing(people["owner"], state=State.RETURNED, state_changed_at=returned_at)
    step = next_step(filing, now=returned_at)
    assert str(step["deadline"]) == "2026-03-12"
    just_after_midnight = datetime(2026, 3, 12, 16, 30, tzinfo=UTC)  # 2026-03-13 00:30 in Shanghai
    assert next_step(filing, now=just_after_midnight)["overdue"] is True
    assert next_step(filing, now=just_after_midnight - timedelta(hours=1))["overdue"] is False
