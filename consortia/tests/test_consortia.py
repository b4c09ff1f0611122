import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from consortia import services
from consortia.models import MemberState
from notifications.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(make_org, make_user):
    return make_user("lead", org=make_org("牵头建工集团"))


@pytest.fixture
def partner(make_org, make_user):
    return make_user("partner", org=make_org("伙伴设备公司"))


@pytest.fixture
def consortium(lead):
    from taxonomy.models import Country, Industry

    data = {"title": "蒙巴萨港口道路项目", "description": "联合投标道路与堆场工程。", "country": Country.objects.get(code="KE"), "industry": Industry.objects.get(code="E")}
    return services.create(by=lead, data=data, roles=[{"name": "设备供应", "description": "", "slots": 1}, {"name": "融资", "description": "", "slots": 1}])


def test_posting_makes_the_lead_the_first_member(consortium, lead):
    membership = consortium.memberships.get()
    assert (membership.organization, membership.is_lead, membership.state) == (lead.organization, True, MemberState.ACCEPTED)


def test_invitation_notifies_and_acceptance_lets_the_partner_see_the_team(consortium, lead, partner, client):
    membership = services.invite(consortium, by=lead, organization=partner.organization, role=consortium.roles.get(name="设备供应"))
    assert Message.objects.filter(recipient=partner, kind="consortia.invited").exists()
    url = reverse("consortia:detail", args=[consortium.pk])
    client.force_login(partner)
    assert "组队成员" not in client.get(url).content.decode()
    client.post(reverse("consortia:answer", args=[membership.pk, "accept"]))
    membership.refresh_from_db()
    assert membership.state == MemberState.ACCEPTED
    assert Message.objects.filter(recipient=lead, kind="consortia.accepted").exists()
    page = client.get(url).content.decode()
    assert "组队成员" in page and "牵头建工集团" in page and "设备供应" in page


def test_team_is_hidden_from_non_members(consortium, lead, partner, make_org, make_user, client):
    services.invite(consortium, by=lead, organization=partner.organization)
    outsider = make_user("outsider", org=make_org("旁观企业"))
    url = reverse("consortia:detail", args=[consortium.pk])
    for viewer in (None, outsider, partner):  # anonymous, unrelated, invited-but-not-yet-accepted
        client.logout()
        if viewer:
            client.force_login(viewer)
        page = client.get(url).content.decode()
        assert "蒙巴萨港口道路项目" in page  # the opportunity itself is public
        assert "组队成员" not in page and "待处理的邀请" not in page


def test_application_is_answered_by_the_lead_only(consortium, lead, partner, make_org, make_user):
    membership = services.apply(consortium, by=partner, message="我们有二十年港口设备经验")
    assert Message.objects.filter(recipient=lead, kind="consortia.applied").exists()
    with pytest.raises(PermissionDenied):
        services.answer(membership, by=partner, accept=True)  # cannot accept one's own application
    services.answer(membership, by=lead, accept=False)
    membership.refresh_from_db()
    assert membership.state == MemberState.DECLINED
    assert Message.objects.filter(recipient=partner, kind="consortia.declined").exists()
    with pytest.raises(ValidationError):
        services.answer(membership, by=lead, accept=True)  # already decided


def test_only_the_lead_invites_and_nobody_is_invited_twice(consortium, lead, partner, make_org, make_user):
    third = make_org("第三方公司")
    with pytest.raises(PermissionDenied):
        services.invite(consortium, by=partner, organization=third)
    services.invite(consortium, by=lead, organization=third)
    with pytest.raises(ValidationError, match="已被邀请"):
        services.invite(consortium, by=lead, organization=third)
    with pytest.raises(ValidationError, match="已认证"):
        services.invite(consortium, by=lead, organization=make_org("未认证公司", certified=False))


def test_closed_consortium_takes_no_more_applications(consortium, lead, partner):
    services.close(consortium, by=lead)
    with pytest.raises(ValidationError, match="结束招募"):
        services.apply(consortium, by=partner)


def test_invite_form_names_an_unknown_organisation_clearly(consortium, lead, client):
    client.force_login(lead)
    response = client.post(reverse("consortia:invite", args=[consortium.pk]), {"organization": "不存在的公司"})
    assert response.status_code == 400 and "未找到该已认证单位" in response.content.decode()


def test_roles_are_parsed_from_lines_with_clear_errors(lead, client):
    client.force_login(lead)
    data = {"title": "项目", "description": "说明", "country": "KE", "industry": "E", "roles": "设备供应｜有出口资质｜x"}
    page = client.post(reverse("consortia:create"), data).content.decode()
    assert "第 1 行的家数须是 1–99 的整数" in page
    data["roles"] = "设备供应｜有出口资质｜2\n\n融资"
    response = client.post(reverse("consortia:create"), data)
    assert response.status_code == 302
    from consortia.models import Consortium

    assert list(Consortium.objects.get(title="项目").roles.values_list("name", "slots")) == [("设备供应", 2), ("融资", 1)]
