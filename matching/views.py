"""经贸对接 pages: the market and its Sino-Africa entry (public), posting and managing listings,
intents and their conversations (the two parties only), the review queue (platform reviewers)
and the effectiveness figures. Every view states who may use it; object-level rules are in
``matching.selectors``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.services import log
from matching import forms, selectors
from matching.models import IntentStatus, ListingAttachment, Status
from matching.services import intents as intent_services
from matching.services import listings as listing_services
from taxonomy.models import Country
from uploads.downloads import send_private_file

PAGE_SIZE = 15


def _errors(request, exc):
    messages.error(request, "；".join(exc.messages))


# --- the market (anyone) -------------------------------------------------------------------------------------------


def _market_page(request, *, template, region=None, extra=None):
    form = forms.MarketFilterForm(request.GET or None, region=region)
    filters = form.filters() if request.GET else {}
    if region:
        filters["region"] = region
    page = Paginator(selectors.market(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "region": region, "can_post": selectors.can_post(request.user), **(extra or {})}
    if request.htmx and request.htmx.target == "market-results":
        return TemplateResponse(request, "matching/_results.html", context)
    return TemplateResponse(request, template, context)


def market(request):
    """Browse and filter the listings in the market."""
    return _market_page(request, template="matching/market.html")


def africa(request):
    """中非经贸对接: the market filtered to Africa, with the countries that have the most listings."""
    top = (
        Country.objects.filter(continent="africa", pk__in=selectors.market(region="africa").values("countries"))
        .annotate(n=Count("pk"))
        .order_by("name_zh")
    )
    counts = {c.pk: selectors.market(country=c.pk).count() for c in top}
    countries = sorted(((c, counts[c.pk]) for c in top), key=lambda row: -row[1])[:12]
    return _market_page(request, template="matching/africa.html", region="africa", extra={"africa_countries": countries})


def detail(request, pk):
    """A listing: its content for anyone who may see it; intent form, suggestions and intents for those concerned."""
    listing = get_object_or_404(selectors.listings_visible_to(request.user).select_related("organization", "owner"), pk=pk)
    can_manage = selectors.can_manage(request.user, listing)
    allowed, why_not = selectors.can_send_intent(request.user, listing) if request.user.is_authenticated else (False, "")
    own = selectors.own_counterpart_listings(request.user, listing) if allowed else None
    intent_form = None
    if allowed:
        initial = {"contact_name": request.user.display_name, "contact_phone": request.user.mobile or "", "contact_email": request.user.email}
        # Coming from a suggestion for one of our own listings: link it and offer its contact person.
        source = own.filter(pk=request.GET["from"]).first() if own is not None and request.GET.get("from", "").isdigit() else None
        if source is not None:
            initial["from_listing"] = source.pk
            if source.contact_phone or source.contact_email:
                initial.update(contact_name=source.contact_name or initial["contact_name"], contact_phone=source.contact_phone, contact_email=source.contact_email)
        intent_form = forms.IntentForm(request.POST or None, own_listings=own, initial=initial)
        if request.method == "POST" and intent_form.is_valid():
            data = intent_form.cleaned_data
            try:
                intent = intent_services.send_intent(listing, by=request.user, request=request, **data)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("意向已发送。对方接受后，双方将看到彼此的联系方式。"))
                return redirect("matching:intent", intent.pk)
    elif request.method == "POST":
        raise PermissionDenied(why_not or _("您不能对这条信息发送意向"))
    context = {
        "listing": listing, "can_manage": can_manage, "intent_form": intent_form, "why_not": why_not,
        "matches": selectors.matches_for(request.user, listing)[:20] if can_manage else [],
        "received": listing.intents.select_related("sender_org").order_by("-created_at") if can_manage and listing.owner_id == request.user.pk else [],
        "attachments": listing.attachments.all() if (can_manage or selectors.can_post(request.user) or selectors.is_reviewer(request.user)) else None,
        "is_reviewer": selectors.is_reviewer(request.user),
    }
    return TemplateResponse(request, "matching/detail.html", context)


@login_required
def attachment(request, pk, attachment_id):
    """Attachments: for certified users, the poster and reviewers (not anonymous visitors)."""
    listing = get_object_or_404(selectors.listings_visible_to(request.user), pk=pk)
    if not (selectors.can_post(request.user) or selectors.can_manage(request.user, listing) or selectors.is_reviewer(request.user)):
        raise PermissionDenied(_("认证企业或机构登录后可下载附件"))
    item = get_object_or_404(ListingAttachment, pk=attachment_id, listing=listing)
    response = send_private_file(item.file, item.name)  # a missing file is a 404 and no download to record
    log("matching.attachment_downloaded", actor=request.user, request=request, target=listing, detail={"attachment": item.pk})
    return response


# --- posting and managing (certified organisations) ----------------------------------------------------------------


def _save(request, listing=None):
    form = forms.ListingForm(request.POST or None, request.FILES or None, instance=listing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = listing_services.save_listing(
                by=request.user, listing=listing, data=data, countries=data["countries"], industries=data["industries"],
                uploads=data["attachments"], remove_attachments=[int(x) for x in request.POST.getlist("remove_attachment") if x.isdigit()],
                submit=request.POST.get("action") == "submit", request=request,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            if saved.status == Status.PENDING:
                messages.success(request, _("已提交审核。审核通过后信息将在对接市场发布，并为您推荐匹配的供需信息。"))
            else:
                messages.success(request, _("已保存草稿。"))
            return redirect("matching:detail", saved.pk)
    return TemplateResponse(request, "matching/form.html", {"form": form, "listing": listing})


@login_required
def create(request):
    if not selectors.can_post(request.user):
        return TemplateResponse(request, "matching/not_certified.html", status=403)
    return _save(request)


@login_required
def edit(request, pk):
    listing = get_object_or_404(selectors.manageable_listings(request.user), pk=pk)
    return _save(request, listing)


@login_required
@require_POST
def listing_action(request, pk, action):
    listing = get_object_or_404(selectors.manageable_listings(request.user), pk=pk)
    try:
        if action == "submit":
            listing_services.submit_listing(listing, by=request.user, request=request)
            messages.success(request, _("已提交审核。"))
        elif action == "withdraw":
            listing_services.withdraw(listing, by=request.user, request=request)
            messages.success(request, _("已撤回，信息不再在对接市场显示。"))
        else:
            raise Http404
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("matching:detail", listing.pk)


@login_required
def mine(request):
    """我的对接: my listings, and the intents I sent and received."""
    intents = selectors.intents_visible_to(request.user)
    context = {
        "listings": selectors.manageable_listings(request.user).annotate(n_matches=Count("matches", distinct=True)).order_by("-updated_at"),
        "sent": intents.filter(sender=request.user)[:50],
        "received": intents.filter(listing__owner=request.user)[:50],
        "can_post": selectors.can_post(request.user),
    }
    return TemplateResponse(request, "matching/mine.html", context)


# --- intents (the two parties only) --------------------------------------------------------------------------------

INTENT_ACTIONS = {"accept", "decline", "withdraw", "message", "outcome"}


@login_required
def intent(request, pk):
    item = get_object_or_404(selectors.intents_visible_to(request.user).select_related("listing__owner", "listing__organization"), pk=pk)
    action = request.POST.get("action", "")
    bound = {
        "respond": forms.RespondForm(request.POST if action in ("accept", "decline") else None),
        "message": forms.MessageForm(request.POST if action == "message" else None),
        "outcome": forms.OutcomeForm(request.POST if action == "outcome" else None, initial={
            "meeting_held_on": item.meeting_held_on, "deal_signed_on": item.deal_signed_on, "deal_amount_usd": item.deal_amount_usd, "note": item.outcome_note}),
    }
    if request.method == "POST":
        if action not in INTENT_ACTIONS:
            raise Http404
        try:
            if action in ("accept", "decline") and bound["respond"].is_valid():
                intent_services.respond(item, by=request.user, accept=action == "accept", note=bound["respond"].cleaned_data["note"], request=request)
                messages.success(request, _("已接受意向，双方联系方式已互相可见。") if action == "accept" else _("已婉拒。"))
                return redirect(request.path)
            if action == "withdraw":
                intent_services.withdraw_intent(item, by=request.user, request=request)
                messages.success(request, _("意向已撤回。"))
                return redirect(request.path)
            if action == "message" and bound["message"].is_valid():
                intent_services.post_message(item, by=request.user, body=bound["message"].cleaned_data["body"], request=request)
                return redirect(request.path + "#thread")
            if action == "outcome" and bound["outcome"].is_valid():
                intent_services.record_outcome(item, by=request.user, request=request, **bound["outcome"].cleaned_data)
                messages.success(request, _("对接成果已记录，谢谢反馈。"))
                return redirect(request.path)
        except ValidationError as exc:
            _errors(request, exc)
    context = {
        "intent": item, "forms": bound, "is_owner": selectors.is_owner_side(request.user, item), "is_sender": selectors.is_sender_side(request.user, item),
        "show_contacts": selectors.contacts_visible(request.user, item), "thread": item.messages.select_related("author"),
        "accepted": item.status == IntentStatus.ACCEPTED,
    }
    return TemplateResponse(request, "matching/intent.html", context)


# --- review (platform reviewers) -----------------------------------------------------------------------------------


def reviewer_required(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not selectors.is_reviewer(request.user):
            raise PermissionDenied(_("仅限平台审核员"))
        return view(request, *args, **kwargs)

    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return wrapped


@reviewer_required
def review(request):
    """The review queue: listings waiting, oldest first."""
    page = Paginator(selectors.review_queue(), 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "matching/review.html", {"page_obj": page, "form": forms.ReviewForm()})


@reviewer_required
@require_POST
def review_action(request, pk):
    listing = get_object_or_404(selectors.review_queue(), pk=pk)
    form = forms.ReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if request.POST.get("action") == "approve":
            listing_services.approve(listing, by=request.user, note=note, request=request)
            messages.success(request, _("已发布：%(title)s") % {"title": listing.title})
        elif request.POST.get("action") == "return":
            listing_services.return_listing(listing, by=request.user, note=note, request=request)
            messages.success(request, _("已退回：%(title)s") % {"title": listing.title})
        else:
            raise Http404
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("matching:review")


def stats(request):
    """对接成效: counts only, public (no names, no amounts of a single deal)."""
    return TemplateResponse(request, "matching/stats.html", {"figures": selectors.effectiveness()})
