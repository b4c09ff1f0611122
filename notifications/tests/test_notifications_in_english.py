"""The message centre in English: inbox, message, settings and the staff's targeted notices read
in English; what was sent (titles, bodies) and Chinese data (city, industry, column and role
names) stay Chinese, marked lang="zh-Hans"."""

import pytest

from accounts.roles import DEPT_ADMIN
from config.tests.english import marked_chinese, unmarked_chinese
from notifications import services
from notifications.models import Push

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(make_user):
    user = make_user("reader")
    services.notify([user], kind="filing.return", title="备案退回修改：长沙测试项目", body="请补充材料")
    services.notify([user], kind="nobody.knows", title="旧通知")
    return user


def test_english_inbox_and_message_read_in_english_and_mark_the_sent_texts(english, reader):
    english.force_login(reader)
    html = english.get("/notifications/").content.decode()
    assert unmarked_chinese(html) == []
    assert "<h1>Messages</h1>" in html and "Mark all as read" in html and "Filing returned for revision" in html and "Other notifications" in html
    marked = marked_chinese(html)
    assert "备案退回修改：长沙测试项目" in marked and "请补充材料" in marked
    message = reader.messages.get(title="旧通知")
    html = english.get(f"/notifications/{message.pk}/").content.decode()
    assert unmarked_chinese(html) == [] and "← Back to Messages" in html


def test_english_settings_page_marks_chinese_names_of_cities_industries_and_columns(english, reader):
    english.force_login(reader)
    html = english.get("/notifications/preferences/").content.decode()
    assert unmarked_chinese(html) == []
    assert "Notification settings and subscriptions" in html and "Filings and data submissions" in html and "Weekly digest" in html
    assert '<span lang="zh-Hans">长沙市</span>' in html


def test_english_push_pages_read_in_english(english, make_user):
    make_user("t0")
    english.force_login(make_user("dept", role=DEPT_ADMIN))
    html = english.get("/notifications/pushes/new/").content.decode()
    assert unmarked_chinese(html) == []
    assert "New targeted notice" in html and "Only users of verified organisations" in html and "Preview audience size" in html
    preview = english.post("/notifications/pushes/preview/", {"title": "x", "body": "y", "user_types": ["individual"]}).content.decode()
    assert "will receive it" in preview and unmarked_chinese(preview) == []
    english.post("/notifications/pushes/new/", {"title": "展会通知", "body": "欢迎参展", "user_types": ["individual"], "action": "send"})
    push = Push.objects.get()
    html = english.get("/notifications/pushes/").content.decode()
    assert unmarked_chinese(html) == [] and "Targeted notices" in html and ">Sent<" in html
    html = english.get(f"/notifications/pushes/{push.pk}/").content.decode()
    assert unmarked_chinese(html) == [] and "Delivery report" in html and "In-site message" in html


def test_chinese_pages_stay_chinese(client, reader):
    client.force_login(reader)
    html = client.get("/notifications/").content.decode()
    assert "<h1>消息中心</h1>" in html and "全部标为已读" in html and "备案退回修改" in html
    assert 'lang="zh-Hans"' not in html
    html = client.get("/notifications/preferences/").content.decode()
    assert "保存设置" in html and ">长沙市</label>" not in html and " 长沙市</label>" in html and 'lang="zh-Hans"' not in html
