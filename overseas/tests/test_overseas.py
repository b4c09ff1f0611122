import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import InstitutionType, OrgKind
from accounts.roles import DEPT_REVIEWER, OPERATOR_REVIEWER
from audit.models import AuditEntry
from notifications.models import Message
from overseas import services
from overseas.forms import InstitutionForm
from overseas.models import ChangeState, OverseasInstitution

pytestmark = pytest.mark.django_db

DATA = {"kind": "chamber", "name": "坦桑尼亚湖南商会", "country": "TZ", "city_name": "达累斯萨拉姆", "address": "", "latitude": "-6.79235",
        "longitude": "39.20833", "founded_year": "2016", "description": "服务在坦湘企", "services": "", "contact_person": "", "contact_phone": "",
        "email": "", "website": ""}


@pytest.fixture
def chamber_user(make_org, make_user):
    return make_user("chamber", org=make_org("湖南商会（坦桑尼亚）", kind=OrgKind.INSTITUTION, institution_type=InstitutionType.CHAMBER))


@pytest.fixture
def reviewer(make_user):
    return make_user("rev", role=DEPT_REVIEWER)


def _cleaned(**kw):
    form = InstitutionForm(data=DATA | kw)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_new_institution_goes_live_only_after_approval(client, chamber_user, reviewer):
    change = services.propose(by=chamber_user, cleaned=_cleaned())
    assert OverseasInstitution.objects.count() == 0
    assert "坦桑尼亚湖南商会" not in client.get(reverse("overseas:list")).content.decode()
    assert Message.objects.filter(recipient=reviewer, kind="overseas.change").exists()
    services.review(change, by=reviewer, decision="approve")
    inst = OverseasInstitution.objects.get()
    assert inst.owner == chamber_user.organization and float(inst.latitude) == pytest.approx(-6.79235)
    body = client.get(reverse("overseas:list")).content.decode()
    assert "坦桑尼亚湖南商会" in body and "非洲" in body and 'id="overseas-points"' in body
    assert Message.objects.filter(recipient=chamber_user, kind="overseas.approve").exists()


def test_edit_keeps_live_record_until_approved_and_rejection_needs_reason(client, chamber_user, reviewer):
    services.review(services.propose(by=chamber_user, cleaned=_cleaned()), by=reviewer, decision="approve")
    inst = OverseasInstitution.objects.get()
    change = services.propose(by=chamber_user, cleaned=_cleaned(name="坦桑尼亚湖南总商会"), institution=inst)
    assert client.get(reverse("overseas:detail", args=[inst.pk])).content.decode().count("坦桑尼亚湖南总商会") == 0
    with pytest.raises(ValidationError, match="待审核"):
        services.propose(by=chamber_user, cleaned=_cleaned(name="又一次"), institution=inst)
    with pytest.raises(ValidationError):
        services.review(change, by=reviewer, decision="reject")
    services.review(change, by=reviewer, decision="reject", comment="名称须与注册文件一致")
    inst.refresh_from_db()
    assert inst.name == "坦桑尼亚湖南商会" and change.state == ChangeState.REJECTED
    assert AuditEntry.objects.filter(action="overseas.reject").exists()


def test_diff_marks_changed_fields(chamber_user, reviewer):
    services.review(services.propose(by=chamber_user, cleaned=_cleaned()), by=reviewer, decision="approve")
    change = services.propose(by=chamber_user, cleaned=_cleaned(city_name="阿鲁沙"), institution=OverseasInstitution.objects.get())
    changed = [r["label"] for r in services.diff(change) if r["changed"]]
    assert changed == ["所在城市"]


def test_account_cannot_edit_another_organisations_institution(chamber_user, reviewer, make_org, make_user):
    services.review(services.propose(by=chamber_user, cleaned=_cleaned()), by=reviewer, decision="approve")
    other = make_user("other", org=make_org("别的机构", kind=OrgKind.INSTITUTION))
    with pytest.raises(PermissionDenied):
        services.propose(by=other, cleaned=_cleaned(name="冒名"), institution=OverseasInstitution.objects.get())


def test_only_reviewers_decide(client, chamber_user, make_user):
    change = services.propose(by=chamber_user, cleaned=_cleaned())
    with pytest.raises(PermissionDenied):
        services.review(change, by=chamber_user, decision="approve")
    operator_reviewer = make_user("oprev", role=OPERATOR_REVIEWER)
    services.review(change, by=operator_reviewer, decision="approve")
    client.force_login(chamber_user)
    assert client.get(reverse("overseas:changes")).status_code == 403


def test_uncertified_account_cannot_propose(make_org, make_user):
    user = make_user("pending", org=make_org("未认证机构", certified=False))
    with pytest.raises(PermissionDenied):
        services.propose(by=user, cleaned=_cleaned())


def test_propose_form_through_view(client, chamber_user):
    client.force_login(chamber_user)
    response = client.post(reverse("overseas:propose_new"), DATA | {"latitude": "95"})
    assert response.status_code == 200 and "95" in response.content.decode()
    client.post(reverse("overseas:propose_new"), DATA)
    assert chamber_user.organization.pk == services.InstitutionChange.objects.get().organization_id


def test_changes_are_proposed_on_the_site_not_added_in_the_django_admin(client, chamber_user, make_user):
    services.propose(by=chamber_user, cleaned=_cleaned())
    client.force_login(make_user("root", staff=True, is_superuser=True))
    listing = client.get("/django-admin/overseas/institutionchange/")
    assert listing.status_code == 200 and "坦桑尼亚湖南商会" in listing.content.decode()
    assert "/django-admin/overseas/institutionchange/add/" not in listing.content.decode()
    # An empty change made here failed with an IntegrityError (its proposed data cannot be null).
    assert client.post("/django-admin/overseas/institutionchange/add/", {"organization": chamber_user.organization_id}).status_code == 403
