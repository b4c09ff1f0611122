"""Project filing in English: the enterprise's list, form, detail and report pages and the reviewers'
queue are English; what the enterprise wrote (project and party names, comments), organisation,
city and industry names and filing numbers stay Chinese, marked lang="zh-Hans"; amounts keep their
thousands separators and units; the export's headings follow the user's language."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from openpyxl import load_workbook

from config.tests.english import unmarked_chinese
from filings.models import FilingAttachment, FilingEvent, FilingReport, Kind, ReportKind, State


@pytest.fixture
def filed(people, make_filing):
    """A filed investment with its history, a progress report and an attachment."""
    filing = make_filing(people["owner"], state=State.FILED, number="湘境投备〔2026〕00001号", amount="2950000", financing_sources=["own_funds", "bank_loan"],
                         end_date="2028-12-31", description="新建饲料生产线")
    FilingEvent.objects.create(filing=filing, action="file", from_state=State.PROVINCIAL_REVIEW, to_state=State.FILED, actor=people["dept"], comment="材料齐全")
    FilingReport.objects.create(filing=filing, kind=ReportKind.PROGRESS, period="2026年上半年", summary="厂房已开工", invested_usd=1250000, workers_on_site=12,
                                submitted_by=people["owner"])
    FilingAttachment.objects.create(filing=filing, label="可行性研究报告", file=ContentFile(b"%PDF-1.4", name="study.pdf"), original_name="可研.pdf", size=2048)
    return filing


@pytest.fixture
def submitted(people, make_filing):
    return make_filing(people["owner"], kind=Kind.CONTRACTING, state=State.PROVINCIAL_REVIEW, project_name="肯尼亚公路项目", country="KE", amount="6000000")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_enterprise_pages_are_english_with_chinese_content_marked(english, people, filed, submitted):
    english.force_login(people["owner"])
    mine = page(english, "/filings/")
    assert unmarked_chinese(mine) == []
    assert "<h1>My project filings</h1>" in mine and "New project: Outward investment" in mine and "USD equivalent" in mine
    assert "2,950,000.00" in mine and "Vietnam" in mine and '<small class="muted" lang="zh-Hans">湘境投备〔2026〕00001号</small>' in mine

    detail = page(english, f"/filings/{filed.pk}/")
    assert unmarked_chinese(detail) == []
    assert "Project details" in detail and "Host country (region)" in detail and "Submit a progress report" in detail
    assert "2,950,000.00 US dollars (USD 2,950,000.00)" in detail and "; USD 1,250,000.00 to date" in detail and "; 12 workers abroad" in detail
    assert "Reporting required: The Chinese investment comes to USD 2,950,000.00, which reaches USD 1,000,000" in detail
    assert "Own funds, Bank loans" in detail and "12 workers" in detail
    assert '<h1 lang="zh-Hans">越南年产十万吨饲料厂</h1>' in detail

    form = page(english, "/filings/new/investment/")
    assert unmarked_chinese(form) == []
    assert "New project filing: Outward investment" in form and "Chinese investment amount" in form and "Save draft" in form
    assert '<option value="C" lang="zh-Hans">' in form  # industry names are Chinese reference data

    report = page(english, f"/filings/{filed.pk}/reports/new/progress/")
    assert unmarked_chinese(report) == []
    assert "Progress report: " in report and "Reporting period" in report

    notice = page(english, "/filings/threshold/contracting/?amount=4000000&currency=USD")
    assert "<strong>Reporting voluntary</strong>: The contract value comes to USD 4,000,000.00, below USD 5,000,000: reporting is voluntary." in notice


def test_reviewer_queue_and_detail_are_english(english, people, filed, submitted):
    english.force_login(people["dept"])
    queue = page(english, "/filings/queue/")
    assert unmarked_chinese(queue) == []
    assert "<h1>Filing review queue</h1>" in queue and "Waiting for me (1)" in queue and "Overseas contracted project" in queue
    assert '<option value="changsha" lang="zh-Hans">' in page(english, "/filings/queue/?state=")

    detail = page(english, f"/filings/{submitted.pk}/")
    assert unmarked_chinese(detail) == []
    assert "Approve filing" in detail and "Return for revision" in detail and "Reject filing" in detail and "In final review (province)" in detail
    assert "Kenya" in detail and "USD 6,000,000.00" in detail


def test_export_headings_follow_the_language(english, people, submitted):
    english.force_login(people["dept"])
    response = english.get("/filings/queue/export.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    headings = [c.value for c in sheet[1]]
    assert sheet.title == "Project filing" and headings[:3] == ["Filing number", "Project type", "Project name"]
    assert sheet.cell(2, 8).value == "Kenya" and sheet.cell(2, 18).value == "In final review (province)"


def test_the_chinese_pages_stay_chinese(client, people, filed):
    client.force_login(people["owner"])
    html = page(client, f"/filings/{filed.pk}/")
    assert 'lang="zh-Hans"' not in html
    assert "项目信息" in html and "2,950,000.00 美元（折合 2,950,000.00 美元）" in html and "报送进展报告" in html
    assert "须报送：中方投资额折合 2,950,000.00 美元，达到 100 万美元：须在核准/备案前完成报送。" in html
