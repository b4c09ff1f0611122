import pytest
from django.urls import reverse

from guides import content
from guides.models import GuideMaterial, ServiceGuide
from guides.selectors import required_materials
from guides.views import resolve_forms

pytestmark = pytest.mark.django_db

REQUIRED_KINDS = {"investment", "contracting", "labour", "institution", "aid", "zones", "finance"}


def test_every_business_kind_has_a_guide_after_migrating():
    assert set(ServiceGuide.objects.values_list("slug", flat=True)) >= REQUIRED_KINDS


def test_every_guide_cites_a_regulation_lists_documents_office_and_duration():
    for g in ServiceGuide.objects.all():
        assert any("《" in r for r in g.regulation_list), g.slug
        assert g.steps.count() >= 3 and g.materials.exists() and g.office and g.duration, g.slug


def test_seeding_creates_only_missing_guides_and_keeps_edits():
    from guides.seeding import ensure_guides

    ServiceGuide.objects.filter(slug="investment").update(title="境外投资备案（已修改）")
    ServiceGuide.objects.filter(slug="aid").delete()
    assert ensure_guides() == 1
    assert ServiceGuide.objects.get(slug="investment").title == "境外投资备案（已修改）"
    assert ServiceGuide.objects.get(slug="aid").steps.exists()


def test_every_form_link_resolves_on_this_site():
    for slug in content.BY_SLUG:
        for link in resolve_forms(slug):
            assert link["url"], f"{slug}: {link['label']}"


def test_filing_guides_lead_into_the_matching_filing_form():
    assert resolve_forms("investment")[0]["url"] == reverse("filings:create", args=["investment"])
    assert reverse("filings:create", args=["contracting"]) in [f["url"] for f in resolve_forms("contracting")]
    assert reverse("labour:mine") in [f["url"] for f in resolve_forms("labour")]


def test_missing_form_falls_back_to_text(monkeypatch):
    guide = content.Guide("x", "x", "", [], "", [], [], "", "", forms=[content.FormLink("未来的表单", "nowhere:create")])
    monkeypatch.setitem(content.BY_SLUG, "x", guide)
    assert resolve_forms("x") == [{"label": "未来的表单", "url": None}]


def test_guide_page_shows_steps_materials_and_links(client):
    body = client.get(reverse("guides:detail", args=["labour"])).content.decode()
    assert "《对外劳务合作管理条例》" in body and "导入人员名单" in body and reverse("labour:mine") in body
    assert "与境外雇主签订的劳务合作合同" in body and "备案必交" in body
    assert client.get(reverse("guides:detail", args=["nope"])).status_code == 404
    assert "境外投资备案" in client.get(reverse("guides:index")).content.decode()


def test_a_guide_switched_off_is_not_shown():
    ServiceGuide.objects.filter(slug="aid").update(live=False)
    from django.test import Client

    client = Client()
    assert client.get(reverse("guides:detail", args=["aid"])).status_code == 404
    assert reverse("guides:detail", args=["aid"]) not in client.get(reverse("guides:index")).content.decode()


def test_required_materials_follow_the_guide_as_edited():
    names = [m.name for m in required_materials("investment")]
    assert "资金来源说明" in names and "境外投资备案表（系统生成，加盖公章）" not in names
    GuideMaterial.objects.filter(guide__slug="investment", name="资金来源说明").update(required_for_filing=False)
    assert "资金来源说明" not in [m.name for m in required_materials("investment")]
    assert required_materials("no-such-kind") == []


def test_guides_are_found_by_site_search(client, django_capture_on_commit_callbacks):
    from search.services import rebuild

    rebuild(["guide"])
    html = client.get("/search/", {"q": "资金来源说明"}).content.decode()
    assert reverse("guides:detail", args=["investment"]) in html
    with django_capture_on_commit_callbacks(execute=True):
        guide = ServiceGuide.objects.get(slug="zones")
        guide.summary += "园区需报送东道国营商环境变化说明。"
        guide.save()
    assert reverse("guides:detail", args=["zones"]) in client.get("/search/", {"q": "营商环境变化说明"}).content.decode()


def test_operators_edit_guides_in_the_admin_and_enterprises_cannot(client, make_user, make_org):
    from accounts.roles import OPERATOR

    url = reverse("wagtailsnippets_guides_serviceguide:list")
    client.force_login(make_user("ent", org=make_org("湘江机械")))
    assert client.get(url).status_code in (302, 403)
    client.force_login(make_user("op", role=OPERATOR))
    assert client.get(url).status_code == 200
