"""An enterprise finds an event, registers two named attendees and opens its attendee handbook."""

from datetime import timedelta

from django.utils import timezone

from events.models import Attendee, Event, Kind, Status


def test_enterprise_registers_and_opens_its_handbook(page, login_as, make_user, make_org, shot, axe_violations):
    start = timezone.now() + timedelta(days=10)
    event = Event.objects.create(
        title="湖南—非洲经贸合作对接会", summary="面向对非投资企业的对接活动", kind=Kind.MATCHMAKING, status=Status.PUBLISHED,
        organizer_name="湖南省商务厅", city="changsha", sino_africa=True, starts_at=start, ends_at=start + timedelta(hours=5),
        venue="长沙国际会展中心", capacity=50, agenda="09:00 签到\n09:30 开幕致辞\n10:00 项目对接", asked_fields=["title"],
        contact_name="会务组", contact_phone="0731-80000000", published_at=timezone.now(),
    )
    org = make_org("湖南示范机械有限公司")
    user = make_user("acme", org=org, first_name="张三", mobile="13800000001")
    login_as(page, user)

    page.goto("/events/")
    page.get_by_role("link", name="湖南—非洲经贸合作对接会").click()
    page.wait_for_url(f"**/events/{event.pk}/")
    assert axe_violations(page) == []
    page.fill("#id_att-0-title", "总经理")
    page.fill("#id_att-1-name", "李四")
    page.fill("#id_att-1-mobile", "12345")  # wrong: kept and explained
    page.click("#register-submit")
    assert "11 位中国大陆手机号" in page.content()
    assert page.input_value("#id_att-1-mobile") == "12345"
    page.fill("#id_att-1-mobile", "13900000002")
    page.click("#register-submit")
    page.wait_for_selector("#my-status")
    assert page.inner_text("#my-status") == "报名成功"
    assert page.inner_text("#seats-left") == "48"
    shot(page, "events-registered")

    page.click("#handbook-link")
    page.wait_for_url(f"**/events/{event.pk}/handbook/")
    codes = [a.code for a in Attendee.objects.filter(registration__event=event).order_by("id")]
    text = page.inner_text("main")
    assert all(code in text for code in codes) and "开幕致辞" in text and "长沙国际会展中心" in text
    assert axe_violations(page) == []
    shot(page, "events-handbook")
