import pytest

from accounts.roles import AUDIT_ADMIN, DEPT_ADMIN, city_bureau_role


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/workbench/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_certified_enterprise_sees_its_services_not_review_queues(client, make_user, make_org):
    client.force_login(make_user("ent", org=make_org("湘江机械")))
    html = client.get("/workbench/").content.decode()
    assert "项目备案" in html and "企业档案" in html and "/filings/" in html
    assert "备案审核" not in html and "审计日志" not in html


@pytest.mark.django_db
def test_individual_sees_personal_services_and_an_invitation_to_certify(client, make_user):
    client.force_login(make_user("person"))
    html = client.get("/workbench/").content.decode()
    assert "消息中心" in html and "我的咨询" in html
    assert 'href="/filings/"' not in html
    assert "去认证" in html


@pytest.mark.django_db
def test_city_bureau_sees_its_review_queues(client, make_user):
    client.force_login(make_user("cs", role=city_bureau_role("changsha")))
    html = client.get("/workbench/").content.decode()
    assert "备案审核" in html and "咨询工作台" in html
    assert "审计日志" not in html


@pytest.mark.django_db
def test_security_roles_are_kept_apart(client, make_user):
    client.force_login(make_user("aud", role=AUDIT_ADMIN))
    html = client.get("/workbench/").content.decode()
    assert "审计日志" in html and "备案审核" not in html
    client.force_login(make_user("boss", role=DEPT_ADMIN))
    html = client.get("/workbench/").content.decode()
    assert "备案审核" in html and "审计日志" not in html
