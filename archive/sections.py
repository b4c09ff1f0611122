"""The archive sections of the apps installed on this site (registered in ``ArchiveConfig.ready``).

Each block runs only when its app is installed, so the archive works whatever subset of apps
a site runs. See docs/archive.md for how another app adds its own section.
"""

from datetime import date, timedelta

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from archive.registry import Item, as_date, register
from portal.templatetags.portal_tags import chinese_content

# Who takes the next step when it is not the organisation itself (``Item.waiting_on``).
CITY_BUREAU, DEPARTMENT, AUTHORITY = gettext_lazy("市州商务局"), gettext_lazy("省商务厅"), gettext_lazy("商务主管部门")
PLATFORM, HANDLER, ORGANISER = gettext_lazy("平台运营"), gettext_lazy("承办部门"), gettext_lazy("主办方")


def _title(message, **names):
    """An item's title: ``message`` (translated, with ``%(name)s`` placeholders) filled with the
    names users wrote (project, institution, event …), which stay Chinese and are marked so on
    English pages. Safe HTML; on Chinese pages it reads exactly as the plain text."""
    return mark_safe(conditional_escape(message) % {key: conditional_escape(chinese_content(value)) for key, value in names.items()})


def filings_section(org, user):
    """The organisation's filings that filings lets ``user`` read (``filings_visible_to``): the
    enterprise sees its drafts, the department and its city's bureau only what was submitted."""
    from filings.selectors import filings_for_org, filings_visible_to, next_step, with_last_progress

    items = []
    for f in with_last_progress(filings_for_org(org).filter(pk__in=filings_visible_to(user).values("pk")))[:50]:
        step = next_step(f)
        items.append(Item(_title(_("%(kind)s：%(project)s"), kind=f.get_kind_display(), project=f.project_name), f.get_state_display(), reverse("filings:detail", args=[f.pk]),
                          step["text"] if step["actor"] else "", as_date(step["deadline"]),
                          waiting_on={"city": CITY_BUREAU, "province": DEPARTMENT}.get(step["actor"], "")))
    return items


def labour_section(org, user):
    """The organisation's dispatch filings that labour lets ``user`` read (``dispatches_visible_to``)."""
    from labour.models import State
    from labour.selectors import dispatches_for_org, dispatches_visible_to, next_step

    items = []
    for f in dispatches_for_org(org).filter(pk__in=dispatches_visible_to(user).values("pk"))[:50]:
        text, deadline = next_step(f)
        title = _title(_("外派劳务：%(project)s（%(country)s）"), project=f.project_name, country=f.country.display_name)
        items.append(Item(title, f.get_state_display(), reverse("labour:detail", args=[f.pk]), text, as_date(deadline),
                          waiting_on=AUTHORITY if f.state == State.SUBMITTED else ""))
    return items


def zones_section(org, user):
    """The zone's annual reports, for those zones lets read them (``sees_reports_of``: the zone
    itself and the department; a city bureau sees none), with a reminder of a missing report."""
    from accounts.models import InstitutionType
    from zones.models import State
    from zones.selectors import reports_for_org, sees_reports_of, zone_of

    if org.institution_type != InstitutionType.OVERSEAS_ZONE or not sees_reports_of(user, org):
        return []
    reports = list(reports_for_org(org))
    items = []
    due_year = date.today().year - 1
    if not any(r.year == due_year for r in reports):
        own_zone = zone_of(user)
        url = reverse("zones:create") if own_zone is not None and own_zone.pk == org.pk else ""  # only the zone itself files
        items.append(Item(_("%(year)s 年度园区考核") % {"year": due_year}, _("未填报"), url, _("填报 %(year)s 年度考核材料") % {"year": due_year},
                          date(due_year + 1, 3, 31)))
    steps = {State.DRAFT: _("完善并提交考核材料"), State.SUBMITTED: _("等待省商务厅评分"), State.SCORED: _("等待结果公布")}
    for r in reports:
        deadline = date(r.year + 1, 3, 31) if r.state == State.DRAFT else None
        status = r.get_state_display()
        if r.state == State.PUBLISHED:
            status = _("%(status)s（%(score)s 分，%(grade)s）") % {"status": status, "score": r.total_score, "grade": r.grade}
        items.append(Item(_("%(year)s 年度园区考核") % {"year": r.year}, status, reverse("zones:detail", args=[r.pk]), steps.get(r.state, ""), deadline,
                          waiting_on=DEPARTMENT if r.state in (State.SUBMITTED, State.SCORED) else ""))
    return items


def overseas_section(org, user):
    from overseas.models import ChangeState
    from overseas.selectors import own_changes, own_institutions

    items = [Item(_title(_("境外机构：%(name)s"), name=i.name), _("已发布") if i.published else _("未公开"), reverse("overseas:detail", args=[i.pk]))
             for i in own_institutions(org)]
    for c in own_changes(org).filter(state=ChangeState.PENDING):
        items.append(Item(_title(_("境外机构信息变更：%(name)s"), name=c.data.get("name", "")), c.get_state_display(), reverse("overseas:change", args=[c.pk]),
                          _("等待平台审核"), waiting_on=PLATFORM))
    return items


def consultation_section(org, user):
    from consultation.models import Enquiry, Status

    items = []
    for e in Enquiry.objects.filter(asker__organization=org).order_by("-created_at")[:30]:
        own = user.pk == e.asker_id
        url = reverse("consultation:mine_detail", args=[e.pk]) if own else ""
        step = _("等待答复") if e.status == Status.OPEN else (_("查看答复，满意请评价") if e.status == Status.ANSWERED and e.rating is None else "")
        deadline = as_date(e.due_at) if e.status == Status.OPEN else None
        items.append(Item(_title(_("咨询：%(subject)s"), subject=e.subject), e.get_status_display(), url, step, deadline, waiting_on=HANDLER if e.status == Status.OPEN else ""))
    return items


def datacalls_section(org, user):
    from datacalls.selectors import TARGET_STATUS_LABELS, calls_with_status_for_org

    items = []
    for call, _submission, status, open_to_change in calls_with_status_for_org(org):
        step = {"not_started": _("在线填报并提交"), "draft": _("完善并提交"), "overdue": _("尽快补报（逾期）")}.get(status, "") if open_to_change else ""
        items.append(Item(_title(_("数据报送：%(title)s"), title=call.title), TARGET_STATUS_LABELS[status], reverse("datacalls:fill", args=[call.pk]),
                          step, as_date(call.closes_at) if step else None))
    return items


def events_section(org, user):
    from events.models import RegistrationStatus
    from events.selectors import registrations_for_org

    items = []
    for r in registrations_for_org(org)[:50]:
        event = r.event
        step, deadline, waiting_on = "", None, ""
        if r.status == RegistrationStatus.CONFIRMED and not event.is_past:
            step, deadline = _("按时参会（参会手册含入场码）"), as_date(event.starts_at)
        elif r.status == RegistrationStatus.PENDING:
            step, waiting_on = _("等待主办方审核报名"), ORGANISER
        status = r.get_status_display()
        if r.position:
            status = _("%(status)s（候补第 %(position)s 位）") % {"status": status, "position": r.position}
        url = reverse("events:detail", args=[event.pk]) if event.published_at else ""
        title = _title(_("活动报名：%(event)s（%(date)s）"), event=event.title, date=f"{timezone.localtime(event.starts_at):%Y-%m-%d}")
        items.append(Item(title, status, url, step, deadline, waiting_on=waiting_on))
    return items


LISTING_EXPIRY_WARNING_DAYS = 30


def matching_section(org, user):
    """The organisation's own listings (经贸对接信息): drafts only for those who may manage them, as in matching.

    A listing is linked only when the viewer may open it in matching (``listings_visible_to``).
    """
    from django.db.models import Q

    from matching.models import Listing, Source, Status
    from matching.selectors import listings_visible_to, manageable_listings

    today = timezone.localdate()
    listings = list(
        Listing.objects.filter(source=Source.LOCAL, organization=org)
        .filter(~Q(status=Status.DRAFT) | Q(pk__in=manageable_listings(user).values("pk")))
        .order_by("-updated_at", "-pk")[:50]
    )
    openable = set(listings_visible_to(user).filter(pk__in=[li.pk for li in listings]).values_list("pk", flat=True))
    items = []
    for li in listings:
        status, step, deadline, waiting_on = li.get_status_display(), "", None, ""
        if li.status == Status.PUBLISHED:
            if li.valid_until < today:  # past its validity, not yet taken off by the periodic job
                status = Status.EXPIRED.label
            else:
                status = _("已发布（有效期至 %(date)s）") % {"date": f"{li.valid_until:%Y-%m-%d}"}
                if li.valid_until <= today + timedelta(days=LISTING_EXPIRY_WARNING_DAYS):
                    step, deadline = _("即将到期，可续期/更新"), li.valid_until
        elif li.status == Status.RETURNED:
            step = _("修改后重新提交")
        elif li.status == Status.PENDING:
            step, waiting_on = _("等待平台审核"), PLATFORM
        elif li.status == Status.DRAFT:
            step = _("完善并提交审核")
        url = reverse("matching:detail", args=[li.pk]) if li.pk in openable else ""
        items.append(Item(_title(_("对接信息：%(title)s（%(kind)s）"), title=li.title, kind=li.get_kind_display()), status, url, step, deadline, waiting_on=waiting_on))
    return items


def intents_section(org, user):
    """Intents the organisation sent and received (合作意向), as matching lets ``user`` read them
    (``intents_visible_to``: only the sender and the listing's owner; no staff role reads intents)."""
    from django.db.models import Q

    from matching.models import IntentStatus
    from matching.selectors import intents_visible_to

    intents = intents_visible_to(user).filter(Q(sender_org=org) | Q(listing__organization=org)).order_by("-created_at")[:50]
    items = []
    for i in intents:
        sent = i.sender_org_id == org.pk
        listing = i.listing
        other = listing.org_name if sent else i.sender_org.name
        step, waiting_on = "", ""
        if i.status == IntentStatus.PENDING:
            step, waiting_on = (_("等待对方回复"), other or _("对方单位")) if sent else (_("回复对方的合作意向"), "")
        if sent:
            title = _title(_("发出的意向：%(listing)s（致 %(organization)s）"), listing=listing.title, organization=other)
        else:
            title = _title(_("收到的意向：%(listing)s（来自 %(organization)s）"), listing=listing.title, organization=other)
        items.append(Item(title, i.get_status_display(), reverse("matching:intent", args=[i.pk]), step, waiting_on=waiting_on))
    return items


def register_installed():
    if apps.is_installed("filings"):
        register("filings", gettext_lazy("项目备案"), filings_section, order=10)
    if apps.is_installed("labour"):
        register("labour", gettext_lazy("外派劳务备案"), labour_section, order=20)
    if apps.is_installed("zones"):
        register("zones", gettext_lazy("园区年度考核"), zones_section, order=30)
    if apps.is_installed("overseas"):
        register("overseas", gettext_lazy("境外机构"), overseas_section, order=40)
    if apps.is_installed("datacalls"):
        register("datacalls", gettext_lazy("数据报送"), datacalls_section, order=50)
    if apps.is_installed("consultation"):
        register("consultation", gettext_lazy("咨询"), consultation_section, order=60)
    if apps.is_installed("events"):
        register("events", gettext_lazy("活动报名"), events_section, order=70)
    if apps.is_installed("matching"):
        register("matching", gettext_lazy("经贸对接信息"), matching_section, order=80)
        register("intents", gettext_lazy("合作意向（发出与收到）"), intents_section, order=85)
