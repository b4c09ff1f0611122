"""互动交流 pages: ask, follow one's own enquiries, FAQ (public); workbench and dashboard (staff).

Attachments are sent only to the asker (signed in, or by the tracking link) and to the staff who
may handle the enquiry (``selectors.enquiries_visible_to``); to anyone else they do not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from audit.services import log
from consultation import forms, selectors, services, tracking, verification
from consultation.models import Attachment, Category, Status
from experts.models import Expert
from taxonomy.cities import City
from uploads.downloads import send_private_file

SESSION_MOBILE = "consultation_verified_mobile"


def ask(request):
    user = request.user if request.user.is_authenticated else None
    mobile = request.session.get(SESSION_MOBILE, "")
    expert = _expert_asked(request.GET.get("expert") or request.POST.get("expert") or "")
    if user is None and not mobile:
        return _verify_mobile(request, expert)
    initial = {"asker_name": user.display_name if user else "", "expert": expert.pk if expert else None, "page": request.GET.get("page") or None}
    if expert is not None and expert.is_bank_adviser:
        initial["category"] = Category.FINANCE
    form = forms.AskForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        enquiry = services.ask(
            asker=user, mobile="" if user else mobile, asker_name=data["asker_name"], category=data["category"], subject=data["subject"],
            body=data["body"], city=data["city"], country=data["country"], page=Page.objects.filter(pk=data["page"] or 0).first(),
            expert=expert, files=data["attachments"], request=request,
        )
        # Translators: the date as Django's date filter writes it (Y year, m month, d day; English: "j F Y").
        due = dateformat.format(timezone.localtime(enquiry.due_at), _("Y年m月d日"))
        messages.success(request, _("咨询已提交，我们将在 %(due)s 前答复。") % {"due": due})
        return redirect(tracking.asker_url(enquiry))
    return TemplateResponse(request, "consultation/ask.html", {"form": form, "expert": expert, "mobile": mobile})


def _expert_asked(raw):
    """The active expert named by ``?expert=``; None for no, an unknown or a malformed id (a link typed by hand)."""
    if not (raw.isascii() and raw.isdigit()):
        return None
    return Expert.objects.filter(pk=int(raw), is_active=True).first()


def _verify_mobile(request, expert):
    form = forms.MobileForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        mobile = form.cleaned_data["mobile"]
        if request.POST.get("action") == "send_code":
            try:
                verification.send_code(mobile, request=request)
            except ValidationError as exc:
                form.add_error("mobile", exc)
            else:
                sent = True
                messages.info(request, _("验证码已发送，请查收短信。"))
        else:
            try:
                verification.verify(mobile, form.cleaned_data["code"])
            except ValidationError as exc:
                form.add_error("code", exc)
                sent = True
            else:
                request.session[SESSION_MOBILE] = mobile
                return redirect(request.get_full_path())
    return TemplateResponse(request, "consultation/verify_mobile.html", {"form": form, "sent": sent, "expert": expert})


@login_required
def mine(request):
    page = Paginator(selectors.own_enquiries(request.user), 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "consultation/mine.html", {"page_obj": page})


def _attachment_links(enquiry, url_name, key):
    """Each attachment with the link that downloads it from this page (``key``: the enquiry's pk or the tracking token)."""
    return [(a, reverse(url_name, args=[key, a.pk])) for a in enquiry.attachments.order_by("pk")]


def _send_attachment(enquiry, attachment_id):
    attachment = get_object_or_404(Attachment, pk=attachment_id, enquiry=enquiry)
    return send_private_file(attachment.file, attachment.name)


def _asker_page(request, enquiry, *, user=None, mobile="", token=""):
    rate_form = forms.RateForm(request.POST if request.POST.get("action") == "rate" else None)
    follow_form = forms.FollowUpForm(request.POST if request.POST.get("action") == "follow_up" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "rate" and rate_form.is_valid():
                services.rate(enquiry, user=user, mobile=mobile, rating=rate_form.cleaned_data["rating"], comment=rate_form.cleaned_data["comment"], request=request)
                messages.success(request, _("感谢您的评价。"))
                return redirect(request.path)
            if request.POST.get("action") == "follow_up" and follow_form.is_valid():
                services.ask_follow_up(enquiry, user=user, mobile=mobile, body=follow_form.cleaned_data["body"], request=request)
                messages.success(request, _("追问已提交。"))
                return redirect(request.path)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
    attachments = _attachment_links(enquiry, "consultation:track_attachment", token) if token else _attachment_links(enquiry, "consultation:mine_attachment", enquiry.pk)
    context = {"enquiry": enquiry, "events": selectors.timeline(enquiry, staff=False), "rate_form": rate_form, "follow_form": follow_form, "attachments": attachments}
    return TemplateResponse(request, "consultation/asker_detail.html", context)


@login_required
def mine_detail(request, pk):
    enquiry = get_object_or_404(selectors.own_enquiries(request.user), pk=pk)
    return _asker_page(request, enquiry, user=request.user)


@login_required
def mine_attachment(request, pk, attachment_id):
    return _send_attachment(get_object_or_404(selectors.own_enquiries(request.user), pk=pk), attachment_id)


def track(request, token):
    enquiry = tracking.enquiry_from_token(token)
    if enquiry is None:
        raise PermissionDenied(_("链接无效"))
    return _asker_page(request, enquiry, mobile=enquiry.mobile, token=token)


def track_attachment(request, token, attachment_id):
    enquiry = tracking.enquiry_from_token(token)
    if enquiry is None:
        raise Http404(_("文件不存在"))
    return _send_attachment(enquiry, attachment_id)


def faq(request):
    category = request.GET.get("category", "")
    q = request.GET.get("q", "").strip()
    page = Paginator(selectors.faq(category, q), 10).get_page(request.GET.get("page"))
    return TemplateResponse(request, "consultation/faq.html", {"page_obj": page, "categories": Category.choices, "category": category, "q": q})


def staff_required(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied(_("仅限工作人员"))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@staff_required
def staff_list(request):
    qs = selectors.enquiries_visible_to(request.user).select_related("group", "assignee")
    status = request.GET.get("status", "open")
    if status in Status.values:
        qs = qs.filter(status=status)
    if request.GET.get("due") == "overdue":
        qs = qs.filter(status=Status.OPEN, due_at__lt=timezone.now())
    elif request.GET.get("due") == "soon":
        qs = qs.filter(status=Status.OPEN, due_at__gte=timezone.now(), due_at__lte=selectors.due_soon_cutoff())
    if request.GET.get("category") in Category.values:
        qs = qs.filter(category=request.GET["category"])
    page = Paginator(qs.order_by("due_at", "pk"), 20).get_page(request.GET.get("page"))
    context = {"page_obj": page, "status": status, "statuses": Status.choices, "categories": Category.choices, "now": timezone.now(), "params": request.GET}
    return TemplateResponse(request, "consultation/staff_list.html", context)


STAFF_ACTIONS = {
    "reply": (forms.ReplyForm, lambda e, u, d, r: services.reply(e, by=u, body=d["body"], public=d["public"], request=r), gettext_lazy("答复已发送，提问人已收到通知。")),
    "note": (forms.NoteForm, lambda e, u, d, r: services.add_note(e, by=u, body=d["body"], request=r), gettext_lazy("备注已保存。")),
    "offline": (forms.OfflineForm, lambda e, u, d, r: services.record_offline(e, by=u, request=r, **d), gettext_lazy("线下跟进已记录。")),
    "reassign": (forms.ReassignForm, lambda e, u, d, r: services.reassign(e, by=u, request=r, **d), gettext_lazy("已改派。")),
}


@staff_required
def staff_detail(request, pk):
    enquiry = get_object_or_404(selectors.enquiries_visible_to(request.user).select_related("group", "assignee", "country", "expert"), pk=pk)
    action = request.POST.get("action", "")
    bound = {name: (cls(request.POST) if action == name else cls()) for name, (cls, _run, _done) in STAFF_ACTIONS.items()}
    if request.method == "POST":
        try:
            if action == "close":
                services.close(enquiry, by=request.user, request=request)
                messages.success(request, _("已办结。"))
                return redirect(request.path)
            if action in STAFF_ACTIONS and bound[action].is_valid():
                _cls, run, done = STAFF_ACTIONS[action]
                run(enquiry, request.user, bound[action].cleaned_data, request)
                messages.success(request, done)
                return redirect(request.path)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
    context = {
        "enquiry": enquiry, "events": selectors.timeline(enquiry, staff=True), "forms": bound,
        "can_reassign": selectors.can_reassign(request.user, enquiry), "now": timezone.now(),
        "attachments": _attachment_links(enquiry, "consultation:staff_attachment", enquiry.pk),
    }
    return TemplateResponse(request, "consultation/staff_detail.html", context)


@staff_required
def staff_attachment(request, pk, attachment_id):
    """A handler reads an asker's file: recorded in the audit log."""
    enquiry = get_object_or_404(selectors.enquiries_visible_to(request.user), pk=pk)
    response = _send_attachment(enquiry, attachment_id)
    log("consultation.attachment_download", request=request, target=enquiry, detail={"attachment": attachment_id})
    return response


@staff_required
def dashboard(request):
    qs = selectors.enquiries_visible_to(request.user)
    perf = selectors.performance(qs)
    labels = {"category": dict(Category.choices), "city": {**dict(City.choices), "province": _("省级/未指定")}}
    charts = {
        key: {
            "labels": [labels.get(key, {}).get(k, k) for k in perf[key]],
            "count": [v["count"] for v in perf[key].values()],
            "on_time": [v["on_time_rate"] for v in perf[key].values()],
            "satisfaction": [v["satisfaction"] for v in perf[key].values()],
            "median_hours": [v["median_first_response_hours"] for v in perf[key].values()],
        }
        for key in ("month", "category", "city")
    }
    captions = {"month": _("按月"), "category": _("按类别"), "city": _("按市州")}
    tables = [(key, captions[key], [(labels.get(key, {}).get(k, k), v) for k, v in perf[key].items()]) for key in captions]
    context = {"board": selectors.group_board(qs), "perf": perf, "charts": charts, "tables": tables}
    return TemplateResponse(request, "consultation/dashboard.html", context)


@require_POST
def forget_mobile(request):
    request.session.pop(SESSION_MOBILE, None)
    return redirect("consultation:ask")


