"""The enterprise record in English: headings, sections, next steps and who is waiting are English;
the organisation's name, the names in the items (projects, destinations kept in the active language)
and the city stay Chinese, marked lang="zh-Hans" on their own inside English sentences."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accounts.roles import city_bureau_role
from config.tests.english import marked_chinese, unmarked_chinese
from filings.models import State
from filings.tests.factories import create_filing
from labour.tests.factories import create_dispatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise(make_org, make_user):
    org = make_org("湘潭示范装备公司", city="xiangtan")
    today = date.today()
    create_filing(org, project_name="草稿项目")
    create_filing(org, project_name="已提交项目", state=State.SUBMITTED)
    create_dispatch(org, project_name="新加坡码头项目", start_date=today + timedelta(days=30), end_date=today + timedelta(days=400))
    return org, make_user("xt_ent", org=org)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_own_record_is_english_with_the_names_marked(english, enterprise):
    org, user = enterprise
    english.force_login(user)
    html = page(english, reverse("archive:detail", args=[org.pk]))
    assert unmarked_chinese(html) == []
    assert '<h1>Enterprise record: <span lang="zh-Hans">湘潭示范装备公司</span></h1>' in html
    assert "Your organisation’s to-dos (2)" in html and "Waiting for government or other parties (1)" in html
    assert 'Outward investment: <span lang="zh-Hans">草稿项目</span>' in html and "Complete the details and submit the filing" in html
    assert 'Labour dispatch: <span lang="zh-Hans">新加坡码头项目</span> (Singapore)' in html and "Import the worker list and submit the filing" in html
    assert "City commerce bureau: Waiting for the city commerce bureau’s first review" in html
    assert "Project filing (2)" in html and "Service guides" in html
    marked = marked_chinese(html)
    assert "湘潭市" in marked


def test_reviewers_list_and_record_are_english(english, enterprise, make_user):
    org, _user = enterprise
    english.force_login(make_user("xt_bureau", role=city_bureau_role("xiangtan")))
    listing = page(english, reverse("archive:organizations"))
    assert unmarked_chinese(listing) == []
    assert "<h1>Enterprise record</h1>" in listing and "Name or credit code" in listing and '<a href="/archive/' in listing

    html = page(english, reverse("archive:detail", args=[org.pk]))
    assert unmarked_chinese(html) == []
    assert "The enterprise’s to-dos (0)" in html and "草稿项目" not in html  # the bureau does not see drafts


def test_the_chinese_record_stays_chinese(client, enterprise):
    org, user = enterprise
    client.force_login(user)
    html = page(client, reverse("archive:detail", args=[org.pk]))
    assert 'lang="zh-Hans"' not in html
    assert "企业档案：湘潭示范装备公司" in html and "本单位待办（2）" in html and "境外投资：草稿项目" in html and "外派劳务：新加坡码头项目（新加坡）" in html
    assert "市州商务局：等待市州商务局初审" in html
