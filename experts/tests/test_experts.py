"""The expert pool: browsing with filters, and directing a question to an expert."""

import pytest

from accounts.roles import BANK_ADVISER, DEPT_ADMIN
from consultation.models import Enquiry
from experts.models import Expert, Expertise

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool(make_user):
    lawyer = Expert.objects.create(name="周律师", title="合伙人", organization="示范律师事务所", bio="跨境并购", languages="英语、法语")
    lawyer.fields.add(Expertise.objects.get(code="law"))
    lawyer.countries.add("FR", "CI")
    banker = Expert.objects.create(
        name="陈顾问", title="海外分行顾问", organization="示范银行", bio="贸易融资", languages="英语", is_bank_adviser=True, user=make_user("chen", role=BANK_ADVISER)
    )
    banker.fields.add(Expertise.objects.get(code="finance"))
    Expert.objects.create(name="离库专家", title="-", organization="-", bio="-", languages="英语", is_active=False)
    return {"lawyer": lawyer, "banker": banker}


def names(response):
    return [e.name for e in response.context["page_obj"]]


def test_list_filters_by_field_country_and_language(client, pool):
    assert sorted(names(client.get("/experts/"))) == ["周律师", "陈顾问"]
    assert names(client.get("/experts/?field=law")) == ["周律师"]
    assert names(client.get("/experts/?country=CI")) == ["周律师"]
    assert names(client.get("/experts/?language=法语")) == ["周律师"]
    assert names(client.get("/experts/?field=finance&country=FR")) == []


def test_inactive_expert_has_no_page(client, pool):
    assert client.get(f"/experts/{Expert.objects.get(is_active=False).pk}/").status_code == 404
    assert "向TA咨询" in client.get(f"/experts/{pool['lawyer'].pk}/").content.decode()


def test_question_directed_to_a_bank_adviser_is_tracked_like_any_other(client, make_user, pool):
    make_user("dept", role=DEPT_ADMIN)
    client.force_login(make_user("ent"))
    form = {"category": "finance", "subject": "开立保函", "body": "投标保函流程", "asker_name": "吴", "expert": pool["banker"].pk}
    response = client.post(f"/consultation/ask/?expert={pool['banker'].pk}", form)
    enquiry = Enquiry.objects.get()
    assert response.status_code == 302 and enquiry.expert == pool["banker"] and enquiry.assignee == pool["banker"].user
    assert enquiry.group.name == BANK_ADVISER.group_name and enquiry.due_at is not None
    assert pool["banker"].user.messages.filter(kind="consultation_staff.new").count() == 1
