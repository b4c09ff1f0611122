"""Public event pages, the registrant's own pages, and the organiser's pages.

Every view states who may use it; object-level checks come from ``events.selectors``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from audit.services import log
from config.decisions import unconfirmed
from events import exports, selectors, services, workflow
from events.forms import CheckInForm, EventForm, NoteForm, NotifyForm, attendee_formset
from events.models import Event, Kind, Registration, RegistrationStatus
from taxonomy.cities import Jurisdiction
from taxonomy.models import Country
from taxonomy.selectors import ordered

# --- public ----------------------------------------------------------------------------------


def event_list(request):
    """Upcoming events soonest first; ``?past=1`` is the archive (活动回顾), newest first."""
    past = request.GET.get("past") == "1"
    selected = {k: request.GET.get(k, "") for k in ("city", "country", "kind", "month")}
    selected["africa"] = request.GET.get("africa") == "1"
    qs = selectors.filter_events(selectors.public_events(), past=past, **selected).prefetch_related("countries")
    page = Paginator(qs, 12).get_page(request.GET.get("page"))
    countries = ordered(Country.objects.filter(events__status__in=selectors.PUBLIC_STATUSES).distinct())
    return TemplateResponse(request, "events/list.html", {
        "page_obj": page, "past": past, "selected": selected, "cities": Jurisdiction.choices, "kinds": Kind.choices,
        "countries": countries, "can_create": selectors.can_create(request.user),
    })


def _event_or_404(request, pk):
    event = selectors.visible_event(request.user, pk)
    if event is None:
        raise Http404(_("活动不存在或尚未发布"))
    return event


def _registration_context(request, event, formset=None, note_form=None):
    ctx = {"event": event, "seats_left": selectors.seats_left(event)}
    ctx["open"], ctx["closed_reason"] = selectors.registration_window(event)
    user = request.user
    if user.is_authenticated:
        ctx["registration"] = selectors.active_registration(event, user)
        org = user.certified_organization
        ctx["org"] = org
        ctx["limit"] = event.max_attendees_per_registration if org else 1
        if ctx["open"] and ctx["registration"] is None:
            initial = [{"name": user.get_full_name() or "", "mobile": user.mobile or ""}]
            ctx["formset"] = formset or attendee_formset(event, limit=ctx["limit"], initial=initial)
            ctx["note_form"] = note_form or NoteForm()
        ctx["can_manage"] = selectors.can_manage(user, event)
    return ctx


def event_detail(request, pk):
    """The event; logged-in users register here (POST)."""
    event = _event_or_404(request, pk)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        ctx = _registration_context(request, event)
        formset = attendee_formset(event, limit=ctx.get("limit", 1), data=request.POST)
        note_form = NoteForm(request.POST)
        if formset.is_valid() and note_form.is_valid():
            try:
                reg = services.register(event, request.user, attendees=formset.attendees(), note=note_form.cleaned_data["note"])
            except services.EventError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, {
                    RegistrationStatus.CONFIRMED: _("报名成功！参会手册已生成。"),
                    RegistrationStatus.PENDING: _("报名已提交，请等待主办方审核。"),
                    RegistrationStatus.WAITLISTED: _("名额已满，您已进入候补第 %(position)s 位，有名额时将自动递补。") % {"position": reg.position},
                }[reg.status])
                return redirect("events:detail", pk=event.pk)
        else:
            messages.error(request, _("报名信息有误，请按提示修改。"))
        return TemplateResponse(request, "events/detail.html", _registration_context(request, event, formset, note_form), status=400)
    return TemplateResponse(request, "events/detail.html", _registration_context(request, event))


@login_required
@require_POST
def cancel_registration(request, pk):
    reg = get_object_or_404(Registration, pk=pk, user=request.user)
    try:
        services.cancel_registration(reg, by=request.user)
    except services.EventError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("已取消报名。"))
    return redirect("events:detail", pk=reg.event_id)


@login_required
def my_registrations(request):
    page = Paginator(selectors.own_registrations(request.user), 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "events/mine.html", {"page_obj": page})


@login_required
def handbook(request, pk):
    """The attendee handbook (参会手册): printable, generated from the event and the user's own registration."""
    event = _event_or_404(request, pk)
    reg = selectors.active_registration(event, request.user)
    if reg is None or reg.status != RegistrationStatus.CONFIRMED:
        raise PermissionDenied(_("参会手册仅向报名成功的参会人提供"))
    agenda = [line.strip() for line in event.agenda.splitlines() if line.strip()]
    return TemplateResponse(request, "events/handbook.html", {"event": event, "registration": reg, "agenda": agenda, "generated_at": timezone.now()})


def calendar_ics(request, pk):
    event = _event_or_404(request, pk)
    body = exports.event_ics(event, url=request.build_absolute_uri(reverse("events:detail", args=[event.pk])))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


# --- organiser -------------------------------------------------------------------------------


def _managed_or_403(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if not selectors.can_manage(request.user, event) and not selectors.can_review(request.user):
        raise PermissionDenied(_("您不是该活动的主办方"))
    return event


@login_required
def manage_list(request):
    if not (selectors.can_create(request.user) or selectors.can_review(request.user)):
        raise PermissionDenied(_("您没有管理活动的权限"))
    events = selectors.manageable_events(request.user).order_by("-starts_at")
    page = Paginator(events, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "events/manage_list.html", {
        "page_obj": page, "queue": selectors.review_queue(request.user), "can_create": selectors.can_create(request.user),
    })


@login_required
def event_form(request, pk=None):
    event = get_object_or_404(Event, pk=pk) if pk else Event()
    if pk and not selectors.can_manage(request.user, event):
        raise PermissionDenied(_("您不能修改其他单位的活动"))
    if not pk and not selectors.can_create(request.user):
        raise PermissionDenied(_("您没有发布活动的权限"))
    everything = request.user.has_perm("events.manage_all_events")
    org = None if everything else selectors.organizer_org_of(request.user)
    fixed_city = None if everything or org else selectors.bureau_city_of(request.user)
    form = EventForm(request.POST or None, instance=event, organizer_org=org, fixed_city=fixed_city)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        services.save_event(event, by=request.user, request=request, creating=pk is None)
        form.save_m2m()
        messages.success(request, _("活动已保存。提交审核后将由平台运营审核发布。") if event.status == "draft" else _("活动已保存。"))
        return redirect("events:manage_detail", pk=event.pk)
    return TemplateResponse(request, "events/event_form.html", {"form": form, "event": event if pk else None})


@login_required
def manage_detail(request, pk):
    event = _managed_or_403(request, pk)
    may_manage = selectors.can_manage(request.user, event)
    return TemplateResponse(request, "events/manage_detail.html", {
        "event": event, "may_manage": may_manage, "stats": selectors.stats(event),
        "registrations": selectors.registrations_for_event(event) if may_manage else [],
        "actions": workflow.available(event, may_manage=may_manage, may_review=selectors.can_review(request.user)),
        "notify_form": NotifyForm(), "checkin_form": CheckInForm(),
        "unmasked": request.user.has_perm("events.view_registrant_mobile"),
    })


@login_required
@require_POST
def transition(request, pk, name):
    event = _managed_or_403(request, pk)
    step = workflow.BY_NAME.get(name)
    if step is not None and step.irreversible and unconfirmed(request, step.label):
        return redirect("events:manage_detail", pk=event.pk)
    try:
        services.apply_transition(event, name, by=request.user, comment=request.POST.get("comment", ""), request=request)
    except services.EventError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("活动状态已更新为“%(status)s”。") % {"status": event.get_status_display()})
    return redirect("events:manage_detail", pk=event.pk)


@login_required
@require_POST
def decide_registration(request, pk, decision):
    reg = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    try:
        if decision == "approve":
            services.approve_registration(reg, by=request.user)
        elif decision == "reject":
            if unconfirmed(request, _("不通过")):
                return redirect("events:manage_detail", pk=reg.event_id)
            services.reject_registration(reg, by=request.user, comment=request.POST.get("comment", ""))
        else:
            raise Http404
    except services.EventError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("已审核。"))
    return redirect("events:manage_detail", pk=reg.event_id)


@login_required
def checkin(request, pk):
    """Staff at the door type (or scan) an attendee's entry code."""
    event = get_object_or_404(Event, pk=pk)
    if not selectors.can_manage(request.user, event):
        raise PermissionDenied(_("只有主办方可以办理签到"))
    form = CheckInForm(request.POST or None)
    attendee = None
    if request.method == "POST" and form.is_valid():
        try:
            attendee = services.check_in(event, form.cleaned_data["code"], by=request.user)
        except services.EventError as exc:
            form.add_error("code", str(exc))
        else:
            messages.success(request, _("%(name)s 签到成功。") % {"name": attendee.name})
            form = CheckInForm()
    return TemplateResponse(request, "events/checkin.html", {"event": event, "form": form, "attendee": attendee, "stats": selectors.stats(event)})


@login_required
def export_registrations(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if not selectors.can_manage(request.user, event):
        raise PermissionDenied(_("只有主办方可以导出报名名单"))
    unmasked = request.user.has_perm("events.view_registrant_mobile")
    regs = selectors.registrations_for_event(event)
    data = exports.registrations_workbook(event, regs, unmasked=unmasked)
    log("events.export", actor=request.user, request=request, target=event, detail={"rows": regs.count(), "unmasked": unmasked})
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-registrations.xlsx"'
    return response


@login_required
@require_POST
def notify_registrants(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if not selectors.can_manage(request.user, event):
        raise PermissionDenied(_("只有主办方可以通知报名人"))
    form = NotifyForm(request.POST)
    if form.is_valid():
        n = services.notify_registrants(event, by=request.user, request=request, **form.cleaned_data)
        messages.success(request, ngettext("已通知 %(n)d 位报名人。", "已通知 %(n)d 位报名人。", n) % {"n": n})
    else:
        messages.error(request, _("请填写通知标题和内容。"))
    return redirect("events:manage_detail", pk=event.pk)
