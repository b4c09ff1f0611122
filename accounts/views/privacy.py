"""The privacy policy (public) and the re-consent page when a new version takes effect."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.forms import ConsentForm
from accounts.models import PrivacyPolicy
from accounts.privacy import current_policy, ensure_policy, needs_consent_for, record_consent
from accounts.redirects import safe_next


def policy(request, version=None):
    shown = get_object_or_404(PrivacyPolicy, version=version) if version else (current_policy() or ensure_policy())
    versions = PrivacyPolicy.objects.order_by("-effective_at")
    return render(request, "accounts/privacy_policy.html", {"policy": shown, "versions": versions})


@never_cache
@login_required
def consent(request):
    policy = needs_consent_for(request)
    if policy is None:
        return redirect(safe_next(request))
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_consent(request.user, policy, request)
        messages.success(request, _("感谢您的确认。"))
        return redirect(safe_next(request))
    return render(request, "accounts/privacy_consent.html", {"policy": policy, "form": form, "next": safe_next(request, "")})
