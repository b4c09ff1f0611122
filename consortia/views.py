"""抱团出海 pages: public opportunities, posting, inviting, applying, answering."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortia import selectors, services
from consortia.forms import ApplyForm, ConsortiumFilterForm, ConsortiumForm, InviteForm
from consortia.models import Consortium, ConsortiumStatus, Membership, MemberState


def index(request):
    form = ConsortiumFilterForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    qs = selectors.public_consortia(country=data["country"].code if data.get("country") else "", industry=data["industry"].code if data.get("industry") else "")
    page_obj = Paginator(qs, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "consortia/index.html", {"form": form, "page_obj": page_obj, "can_post": _can_post(request.user)})


def _can_post(user):
    org = selectors.acting_org(user)
    return org is not None and org.kind == "enterprise"


@login_required
def create(request):
    if not _can_post(request.user):
        raise PermissionDenied(_("只有已认证企业的管理员可以牵头发起抱团出海项目"))
    form = ConsortiumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "roles"}
        consortium = services.create(by=request.user, data=data, roles=form.cleaned_data["roles"], request=request)
        messages.success(request, _("项目已发布，可以邀请合作伙伴了"))
        return redirect("consortia:detail", consortium.pk)
    return TemplateResponse(request, "consortia/form.html", {"form": form})


def _detail_context(request, consortium, invite_form=None, apply_form=None):
    user = request.user
    membership = selectors.membership_of(user, consortium)
    is_lead = selectors.is_lead_admin(user, consortium)
    acting = selectors.acting_org(user)
    can_apply = consortium.status == ConsortiumStatus.OPEN and membership is None and selectors.can_join(acting)
    return {
        "consortium": consortium,
        "roles": consortium.roles.all(),
        "membership": membership,
        "is_member": selectors.is_member(user, consortium),
        "team": selectors.team(user, consortium),
        "pending": selectors.pending(user, consortium),
        "is_lead": is_lead,
        "can_answer_invite": membership is not None and membership.state == MemberState.INVITED and acting is not None,
        "invite_form": invite_form or (InviteForm(consortium) if is_lead and consortium.status == ConsortiumStatus.OPEN else None),
        "apply_form": apply_form or (ApplyForm(consortium) if can_apply else None),
    }


def detail(request, pk):
    consortium = get_object_or_404(Consortium.objects.select_related("lead", "country", "industry"), pk=pk)
    return TemplateResponse(request, "consortia/detail.html", _detail_context(request, consortium))


@login_required
@require_POST
def invite(request, pk):
    consortium = get_object_or_404(Consortium, pk=pk)
    if not selectors.is_lead_admin(request.user, consortium):
        raise PermissionDenied(_("只有牵头企业的管理员可以邀请合作伙伴"))
    form = InviteForm(consortium, request.POST)
    if form.is_valid():
        try:
            services.invite(consortium, by=request.user, organization=form.cleaned_data["organization"], role=form.cleaned_data["role"],
                            message=form.cleaned_data["message"], request=request)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, _("已向“%(name)s”发出邀请") % {"name": form.cleaned_data["organization"].name})
            return redirect("consortia:detail", pk)
    return TemplateResponse(request, "consortia/detail.html", _detail_context(request, consortium, invite_form=form), status=400)


@login_required
@require_POST
def apply(request, pk):
    consortium = get_object_or_404(Consortium, pk=pk)
    form = ApplyForm(consortium, request.POST)
    if form.is_valid():
        try:
            services.apply(consortium, by=request.user, role=form.cleaned_data["role"], message=form.cleaned_data["message"], request=request)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, _("申请已发送，等待牵头企业答复"))
            return redirect("consortia:detail", pk)
    return TemplateResponse(request, "consortia/detail.html", _detail_context(request, consortium, apply_form=form), status=400)


@login_required
@require_POST
def answer(request, membership_id, decision):
    if decision not in ("accept", "decline"):
        raise Http404
    membership = get_object_or_404(Membership.objects.select_related("consortium", "consortium__lead", "organization"), pk=membership_id)
    try:
        services.answer(membership, by=request.user, accept=decision == "accept", request=request)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("已接受") if decision == "accept" else _("已婉拒"))
    return redirect("consortia:detail", membership.consortium_id)


@login_required
@require_POST
def close(request, pk):
    consortium = get_object_or_404(Consortium, pk=pk)
    services.close(consortium, by=request.user, request=request)
    messages.success(request, _("已结束招募"))
    return redirect("consortia:detail", pk)


@login_required
def mine(request):
    return TemplateResponse(request, "consortia/mine.html", {"memberships": selectors.consortia_of(request.user)})
