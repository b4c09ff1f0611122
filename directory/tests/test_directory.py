from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from audit.models import AuditEntry
from directory import chinese_text, selectors
from directory.models import EnterpriseProfile, Visibility
from rating.models import CycleStatus, RatingCycle, Submission, SubmissionState

pytestmark = pytest.mark.django_db


def _names(qs):
    return sorted(p.organization.name for p in qs)


def test_filters_by_industry_country_and_city(add_profile):
    add_profile("甲工程公司", city="changsha", countries=["KE", "ET"], industries=["E"])
    add_profile("乙农业公司", city="yueyang", countries=["KE"], industries=["A"])
    add_profile("丙制造公司", city="changsha", countries=["VN"], industries=["C"])
    assert _names(selectors.search_profiles(country="KE")) == ["乙农业公司", "甲工程公司"]
    assert _names(selectors.search_profiles(country="KE", industry="E")) == ["甲工程公司"]
    assert _names(selectors.search_profiles(city="changsha")) == ["丙制造公司", "甲工程公司"]
    assert _names(selectors.search_profiles(city="yueyang", industry="C")) == []


def test_unlisted_and_uncertified_enterprises_stay_out_of_the_directory(add_profile):
    add_profile("公开企业")
    add_profile("隐藏企业", listed=False)
    add_profile("未认证企业", certified=False)
    assert _names(selectors.search_profiles()) == ["公开企业"]


def test_chinese_search_matches_words_not_only_whole_substrings(add_profile):
    add_profile("湘江重工有限公司", business="在肯尼亚、坦桑尼亚销售和租赁工程机械，提供售后服务。")
    add_profile("洞庭茶业有限公司", business="向中亚出口黑茶。")
    # “肯尼亚工程机械” is not a substring of either text; segmented, both words are found.
    assert _names(selectors.search_profiles(q="肯尼亚工程机械")) == ["湘江重工有限公司"]
    assert _names(selectors.search_profiles(q="黑茶 中亚")) == ["洞庭茶业有限公司"]
    assert _names(selectors.search_profiles(q="肯尼亚 黑茶")) == []
    assert _names(selectors.search_profiles(q="洞庭")) == ["洞庭茶业有限公司"]


def test_query_words_drop_punctuation_and_stopwords():
    assert chinese_text.query_words("肯尼亚的工程机械！") == ["肯尼亚", "工程机械"]


def test_directory_page_filters_by_country_and_shows_a_published_grade(add_profile, client):
    kenya = add_profile("甲工程公司", countries=["KE"])
    add_profile("丙制造公司", countries=["VN"])
    cycle = RatingCycle.objects.create(year=2025, title="2025年度", opens_on=date(2025, 3, 1), closes_on=date(2025, 4, 30), status=CycleStatus.PUBLISHED)
    Submission.objects.create(cycle=cycle, organization=kenya.organization, state=SubmissionState.SCORED, total_score=Decimal("88"), grade="A")
    page = client.get(reverse("directory:index"), {"country": "KE"}).content.decode()
    assert "甲工程公司" in page and "丙制造公司" not in page
    assert "grade-A" in page
    assert "共找到 1 家企业" in page


def test_unknown_filter_values_are_ignored_but_other_filters_still_apply(add_profile, client):
    add_profile("甲工程公司", countries=["KE"])
    add_profile("乙工程公司", countries=["VN"])
    page = client.get(reverse("directory:index"), {"country": "ZZ", "q": "甲工程"}).content.decode()
    assert "甲工程公司" in page and "乙工程公司" not in page


def test_grade_badge_is_hidden_until_the_cycle_is_published(add_profile, client):
    profile = add_profile("甲工程公司")
    cycle = RatingCycle.objects.create(year=2026, title="2026年度", opens_on=date(2026, 3, 1), closes_on=date(2026, 4, 30), status=CycleStatus.REVIEWING)
    Submission.objects.create(cycle=cycle, organization=profile.organization, state=SubmissionState.SCORED, total_score=Decimal("91"), grade="A")
    url = reverse("directory:profile", args=[profile.organization_id])
    assert "grade-A" not in client.get(url).content.decode()
    cycle.status = CycleStatus.PUBLISHED
    cycle.save()
    assert "grade-A" in client.get(url).content.decode()


def test_directory_is_paginated(add_profile, client):
    for i in range(23):
        add_profile(f"分页企业{i:02d}")
    first = client.get(reverse("directory:index")).content.decode()
    second = client.get(reverse("directory:index"), {"page": 2}).content.decode()
    assert "共 23 条，第 1/2 页" in first
    assert first.count('class="card dir-item"') == 20 and second.count('class="card dir-item"') == 3


def test_anonymous_visitors_see_only_public_contacts(contact_profile, client):
    page = client.get(reverse("directory:profile", args=[contact_profile.organization_id])).content.decode()
    assert "周经理" in page
    assert "0731-88886666" not in page and "hidden@example.cn" not in page
    assert "另有 2 项联系方式" in page


def test_certified_users_also_see_contacts_meant_for_certified_users(contact_profile, make_org, make_user, client):
    client.force_login(make_user("other", org=make_org("另一家认证企业")))
    page = client.get(reverse("directory:profile", args=[contact_profile.organization_id])).content.decode()
    assert "0731-88886666" in page and "hidden@example.cn" not in page


def test_own_members_see_every_contact_field(contact_profile, make_user, client):
    client.force_login(make_user("own", org=contact_profile.organization))
    page = client.get(reverse("directory:profile", args=[contact_profile.organization_id])).content.decode()
    assert "0731-88886666" in page and "hidden@example.cn" in page


def test_unlisted_profile_is_404_for_others_but_previewable_by_members(add_profile, make_user, client):
    profile = add_profile("隐藏企业", listed=False)
    url = reverse("directory:profile", args=[profile.organization_id])
    assert client.get(url).status_code == 404
    client.force_login(make_user("own", org=profile.organization))
    assert "未在名录中公开" in client.get(url).content.decode()


def _form_data(**extra):
    data = {
        "summary": "工程机械出口与海外租赁",
        "description": "",
        "business": "挖掘机、起重机出口",
        "industries": ["C"],
        "countries": ["KE", "NG"],
        "contact_name": "李女士",
        "contact_name_visibility": Visibility.PUBLIC,
        "phone": "0731-12345678",
        "phone_visibility": Visibility.HIDDEN,
        "email_visibility": Visibility.HIDDEN,
        "address_visibility": Visibility.PUBLIC,
        "listed": "on",
        "cases-TOTAL_FORMS": "1",
        "cases-INITIAL_FORMS": "0",
        "cases-MIN_NUM_FORMS": "0",
        "cases-MAX_NUM_FORMS": "20",
        "cases-0-title": "内罗毕物流园设备供应",
        "cases-0-country": "KE",
        "cases-0-year": "2024",
        "cases-0-description": "",
    }
    data.update(extra)
    return data


def test_org_admin_creates_the_profile_with_cases_and_it_becomes_searchable(make_org, make_user, client):
    org = make_org("新建企业")
    admin = make_user("admin", org=org)
    client.force_login(admin)
    response = client.post(reverse("directory:edit"), _form_data())
    assert response.status_code == 302
    profile = EnterpriseProfile.objects.get(organization=org)
    assert list(profile.cases.values_list("title", flat=True)) == ["内罗毕物流园设备供应"]
    assert list(org.industries.values_list("code", flat=True)) == ["C"]
    assert _names(selectors.search_profiles(q="内罗毕物流园")) == ["新建企业"]
    assert AuditEntry.objects.filter(action="directory.profile_create").exists()
    assert selectors.profile_completeness(org) == 60  # summary, business, countries, industries, contact, case


def test_bad_phone_is_refused_and_the_form_keeps_the_input(make_org, make_user, client):
    client.force_login(make_user("admin", org=make_org("新建企业")))
    response = client.post(reverse("directory:edit"), _form_data(phone="call me", summary="保留这句话"))
    page = response.content.decode()
    assert response.status_code == 200 and "请填写有效的电话号码" in page and "保留这句话" in page
    assert not EnterpriseProfile.objects.exists()


def test_only_admin_members_may_edit_a_profile(add_profile, make_org, make_user, client):
    profile = add_profile("甲工程公司")
    member = make_user("member", org=profile.organization)
    member.org_role = "member"
    member.save()
    client.force_login(member)
    assert client.get(reverse("directory:edit")).status_code == 403
    outsider = make_user("outsider", org=make_org("乙公司"))
    assert not selectors.can_edit_profile(outsider, profile.organization)
    from directory import services
    from directory.forms import CaseFormSet, ProfileForm

    form = ProfileForm(_form_data(), instance=profile)
    assert form.is_valid()
    with pytest.raises(PermissionDenied):
        services.save_profile(profile.organization, by=outsider, form=form, cases_formset=CaseFormSet(instance=profile, prefix="cases"))


def test_institution_directory_filters_by_type(make_org, client):
    from accounts.models import InstitutionType, OrgKind

    make_org("潇湘律师事务所", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.LAW_FIRM)
    make_org("岳麓翻译中心", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.TRANSLATION)
    make_org("未认证咨询公司", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.LAW_FIRM, certified=False)
    page = client.get(reverse("directory:institutions"), {"institution_type": "law_firm"}).content.decode()
    assert "潇湘律师事务所" in page and "岳麓翻译中心" not in page and "未认证咨询公司" not in page
