"""The inbox, notification preferences and subscriptions (users); targeted pushes (staff)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts.redirects import is_safe_path, safe_next
from accounts.roles import DEPT_ADMIN, OPERATOR, bureau_city_of, has_role
from notifications import selectors, services
from notifications.forms import PreferencesForm, PushForm, SubscriptionsForm
from notifications.models import Message, NotificationSettings, Push, Subscription, Topic

BOXES = {"all": gettext_lazy("全部"), "unread": gettext_lazy("未读"), "archived": gettext_lazy("已归档")}


@login_required
def inbox(request):
    box = request.GET.get("box", "all") if request.GET.get("box") in BOXES else "all"
    page = Paginator(selectors.inbox(request.user, box), 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "notifications/inbox.html", {"page_obj": page, "box": box, "boxes": BOXES, "can_push": can_push(request.user)})


@login_required
def open_message(request, pk):
    """Mark a message read and follow its link."""
    message = get_object_or_404(Message, pk=pk, recipient=request.user)
    services.mark_read(request.user, [message.pk])
    if is_safe_path(message.url, request):
        return redirect(message.url)
    return TemplateResponse(request, "notifications/message.html", {"message": message})


def _ids(request):
    return [int(i) for i in request.POST.getlist("ids") if i.isdigit()]


@login_required
@require_POST
def mark_read(request):
    n = services.mark_read(request.user) if request.POST.get("all") else services.mark_read(request.user, _ids(request))
    messages.success(request, ngettext("已将 %(n)s 条消息标为已读。", "已将 %(n)s 条消息标为已读。", n) % {"n": n})
    return redirect(safe_next(request, reverse("notifications:inbox")))


@login_required
@require_POST
def archive(request):
    n = services.archive(request.user, _ids(request))
    messages.success(request, ngettext("已归档 %(n)s 条消息。", "已归档 %(n)s 条消息。", n) % {"n": n})
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    row = NotificationSettings.objects.filter(user=request.user).first()
    initial = {"email_digest": row.email_digest if row else "none"}
    form = PreferencesForm(request.POST or None, current=row.channels_by_kind if row else {}, initial=initial, prefix="pref")
    subs = {t: list(Subscription.objects.filter(user=request.user, topic=t).values_list("value", flat=True)) for t in Topic.values}
    sub_form = SubscriptionsForm(
        request.POST or None, prefix="sub",
        initial={"columns": subs["column"], "countries": subs["country"], "industries": subs["industry"], "cities": subs["city"]},
    )
    if request.method == "POST" and form.is_valid() and sub_form.is_valid():
        services.save_preferences(request.user, channels_by_group=form.channels_by_group(), email_digest=form.cleaned_data["email_digest"])
        for field, topic in (("columns", Topic.COLUMN), ("countries", Topic.COUNTRY), ("industries", Topic.INDUSTRY), ("cities", Topic.CITY)):
            services.set_subscriptions(request.user, topic, sub_form.cleaned_data[field])
        messages.success(request, _("通知设置已保存。"))
        return redirect("notifications:preferences")
    return TemplateResponse(request, "notifications/preferences.html", {"form": form, "sub_form": sub_form, "has_email": bool(request.user.email), "has_mobile": bool(request.user.mobile), "can_push": can_push(request.user)})


def can_push(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, DEPT_ADMIN) or has_role(user, OPERATOR) or bureau_city_of(user) is not None)


def push_required(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_push(request.user):
            raise PermissionDenied(_("只有省商务厅、平台运营和市州商务局可以发送定向推送"))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _pushes_of(user):
    if user.is_superuser or has_role(user, DEPT_ADMIN) or has_role(user, OPERATOR):
        return Push.objects.all()
    return Push.objects.filter(created_by=user)


@push_required
def push_list(request):
    page = Paginator(_pushes_of(request.user).select_related("created_by"), 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "notifications/push_list.html", {"page_obj": page, "can_push": True})


def _fixed_city(user):
    if user.is_superuser or has_role(user, DEPT_ADMIN) or has_role(user, OPERATOR):
        return None
    return bureau_city_of(user)


@push_required
def push_compose(request):
    form = PushForm(request.POST or None, request.FILES or None, fixed_city=_fixed_city(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "preview":
            size = selectors.audience_size(form.audience())
            return TemplateResponse(request, "notifications/push_compose.html", {"form": form, "preview": size})
        push = services.create_push(
            by=request.user, title=data["title"], body=data["body"], url=data["url"], channels=data["channels"],
            audience=form.audience(), send_at=data["send_at"], request=request,
        )
        messages.success(request, _("推送已发送。") if push.send_at is None else _("推送已安排在 %(time)s 发送。") % {"time": f"{push.send_at:%Y-%m-%d %H:%M}"})
        return redirect("notifications:push_detail", pk=push.pk)
    return TemplateResponse(request, "notifications/push_compose.html", {"form": form})


@push_required
@require_POST
def push_preview(request):
    """htmx: the audience size for the criteria currently in the form."""
    form = PushForm(request.POST, request.FILES or None, fixed_city=_fixed_city(request.user))
    form.is_valid()
    if not hasattr(form, "cleaned_data") or any(k in form.errors for k in ("roles", "cities", "industries", "user_types", "upload")):
        return HttpResponse(_("受众条件有误，请检查"), status=400)
    audience = form.audience()
    if not audience:
        return HttpResponse(format_html('<span class="muted">{}</span>', _("请选择受众条件")))
    return HttpResponse(render_to_string("notifications/_audience_size.html", {"size": selectors.audience_size(audience)}))


@push_required
def push_detail(request, pk):
    push = get_object_or_404(_pushes_of(request.user), pk=pk)
    return TemplateResponse(request, "notifications/push_detail.html", {"push": push, "report": selectors.push_report(push)})
