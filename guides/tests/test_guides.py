import pytest
from django.urls import reverse

from guides.content import GUIDES, FormLink, Guide
from guides.views import resolve_forms

pytestmark = pytest.mark.django_db

REQUIRED_KINDS = {"investment", "contracting", "labour", "institution", "aid", "zones", "finance"}


def test_every_business_kind_has_a_guide():
    assert {g.slug for g in GUIDES} >= REQUIRED_KINDS


def test_every_guide_cites_a_regulation_lists_documents_office_and_duration():
    for g in GUIDES:
        assert any("《" in r for r in g.regulations), g.slug
        assert len(g.steps) >= 3 and g.documents and g.office and g.duration, g.slug


def test_every_form_link_resolves_on_this_site():
    for g in GUIDES:
        for link in resolve_forms(g):
            assert link["url"], f"{g.slug}: {link['label']}"


def test_filing_guides_lead_into_the_matching_filing_form():
    by_slug = {g.slug: resolve_forms(g) for g in GUIDES}
    assert by_slug["investment"][0]["url"] == reverse("filings:create", args=["investment"])
    assert reverse("filings:create", args=["contracting"]) in [f["url"] for f in by_slug["contracting"]]
    assert reverse("labour:mine") in [f["url"] for f in by_slug["labour"]]


def test_missing_form_falls_back_to_text():
    guide = Guide("x", "x", "", [], "", [], [], "", "", forms=[FormLink("未来的表单", "nowhere:create")])
    assert resolve_forms(guide) == [{"label": "未来的表单", "url": None}]


def test_guide_page_shows_steps_and_links(client):
    body = client.get(reverse("guides:detail", args=["labour"])).content.decode()
    assert "《对外劳务合作管理条例》" in body and "导入人员名单" in body and reverse("labour:mine") in body
    assert client.get(reverse("guides:detail", args=["nope"])).status_code == 404
    assert "境外投资备案" in client.get(reverse("guides:index")).content.decode()
