"""The certification review queue of operators and city bureaus, and the licence download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.forms import DecisionForm
from accounts.models import CertificationRequest, OrgRole, RequestStatus
from accounts.selectors import REVIEW_PERMISSION, certification_queue, certification_requests_visible_to
from accounts.services.certification import decide
from audit.services import log
from uploads.downloads import send_private_file


@never_cache
@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def queue(request):
    pending = certification_queue(request.user)
    decided = certification_requests_visible_to(request.user).exclude(status=RequestStatus.PENDING).order_by("-reviewed_at")[:30]
    return render(request, "accounts/certification_queue.html", {"pending": pending, "decided": decided})


@never_cache
@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def detail(request, pk):
    req = get_object_or_404(certification_requests_visible_to(request.user), pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decide(req, by=request.user, approve=form.cleaned_data["decision"] == "approve", note=form.cleaned_data["note"], request=request)
        except ValidationError as exc:
            form.add_error("note", exc)
        else:
            messages.success(request, _("已审核：%(name)s。申请人将收到通知。") % {"name": req.name})
            return redirect("accounts:certification_queue")
    history = req.organization.certification_requests.exclude(pk=req.pk).order_by("-submitted_at")
    return render(request, "accounts/certification_detail.html", {"req": req, "form": form, "history": history})


def _may_download(user, req) -> bool:
    if certification_requests_visible_to(user).filter(pk=req.pk).exists():
        return True
    return user.organization_id == req.organization_id and user.org_role == OrgRole.ADMIN


@login_required
def licence(request, pk):
    req = get_object_or_404(CertificationRequest, pk=pk)
    if not _may_download(request.user, req):
        raise Http404  # like every other private file: someone who may not read it does not learn it exists
    ext = req.licence.name.rsplit(".", 1)[-1]
    response = send_private_file(req.licence, req.licence_name or f"licence-{req.credit_code}.{ext}")
    log("certification.licence_download", request=request, target=req.organization, detail={"request": req.pk})
    return response
