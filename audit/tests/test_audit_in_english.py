"""The audit log in English: the event names people see about their own account, the export's
headers and the hash chain's break reasons read in English; in Chinese they are unchanged."""

import pytest
from django.conf import settings
from django.utils import translation

from accounts.roles import AUDIT_ADMIN
from audit.labels import action_label
from audit.services import log

LIST = "/django-admin/audit/auditentry/"


def test_event_names_in_english_and_chinese():
    with translation.override("en"):
        assert action_label("auth.login") == "Sign-in"
        assert action_label("auth.2fa_enrol") == "Two-factor authentication set up"
        assert action_label("auth.unknown") == "Other activity"
    assert action_label("auth.login") == "登录" and action_label("auth.unknown") == "其他操作"


@pytest.mark.django_db
def test_export_headers_follow_the_language(client, make_user):
    entries = [log("test.event", detail={"i": i}) for i in range(2)]
    client.force_login(make_user("auditor", role=AUDIT_ADMIN))
    data = {"action": "export_csv", "_selected_action": [e.pk for e in entries]}
    chinese = client.post(LIST, data).content.decode("utf-8-sig").splitlines()[0]
    assert chinese == "序号,时间,操作人,来源地址,事件,对象类型,对象标识,对象,结果,详情,哈希"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.post(LIST, data).content.decode("utf-8-sig").splitlines()[0]
    assert english == "No.,Time,User,IP address,Event,Object type,Object ID,Object,Outcome,Details,Hash"
