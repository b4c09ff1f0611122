"""Reading data calls: who they target, who may see which call and submission, and the summaries.

Every list, detail page and export starts here so that pages cannot disagree about scope:
an enterprise sees only calls that target it and only its own submission; a city bureau sees
its city's organisations (of its own calls and of the department's); the department sees all.
"""

from collections import Counter, OrderedDict
from decimal import Decimal, InvalidOperation

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import CertificationStatus, Organization, OrgKind
from accounts.roles import DEPT_ADMIN, bureau_city_of, has_role
from datacalls.models import CHOICE_TYPES, NUMERIC_TYPES, Audience, CallStatus, DataCall, Submission, SubmissionStatus
from filings.selectors import enterprise_of, is_department
from taxonomy.cities import Jurisdiction

NOT_STARTED, DRAFT, SUBMITTED, LATE, OVERDUE = "not_started", "draft", "submitted", "late", "overdue"
TARGET_STATUS_LABELS = OrderedDict([
    (NOT_STARTED, pgettext_lazy("data call status", "未填报")), (DRAFT, _("已暂存")), (SUBMITTED, _("已提交")), (LATE, _("逾期提交")), (OVERDUE, _("逾期未报")),
])


# --- who is who -------------------------------------------------------------------------------

def can_publish(user) -> bool:
    """Department administrators publish province-wide calls; a city bureau publishes for its city."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or has_role(user, DEPT_ADMIN) or bureau_city_of(user) is not None


def is_staff_viewer(user) -> bool:
    return is_department(user) or (user.is_authenticated and bureau_city_of(user) is not None)


def calls_managed_by(user):
    """Calls ``user`` sees on the staff side: all for the department, for a city bureau the
    department's published calls and its own city's calls."""
    if is_department(user):
        return DataCall.objects.all()
    city = bureau_city_of(user) if user.is_authenticated else None
    if city is None:
        return DataCall.objects.none()
    return DataCall.objects.filter(Q(owner_city=city) | Q(owner_city="", status__in=[CallStatus.PUBLISHED, CallStatus.CLOSED]))


def can_edit_call(user, call) -> bool:
    """Only the publisher edits: department admins the department's calls, a bureau its own."""
    if not user.is_authenticated:
        return False
    if call.owner_city:
        return bureau_city_of(user) == call.owner_city or user.is_superuser or has_role(user, DEPT_ADMIN)
    return user.is_superuser or has_role(user, DEPT_ADMIN)


def org_scope(user):
    """The organisations whose submissions ``user`` may read on the staff side (None = all)."""
    if is_department(user):
        return None
    city = bureau_city_of(user) if user.is_authenticated else None
    return Q(jurisdiction=city) if city else Q(pk__in=[])


# --- targets ----------------------------------------------------------------------------------

def target_orgs(call):
    """The certified enterprises ``call`` is addressed to."""
    qs = Organization.objects.filter(kind=OrgKind.ENTERPRISE, status=CertificationStatus.CERTIFIED)
    if call.owner_city:
        qs = qs.filter(jurisdiction=call.owner_city)
    if call.audience == Audience.CITY:
        qs = qs.filter(jurisdiction__in=call.audience_cities or [])
    elif call.audience == Audience.INDUSTRY:
        qs = qs.filter(industries__in=call.audience_industries.all()).distinct()
    elif call.audience == Audience.FILING_KIND:
        from filings.models import Filing

        qs = qs.filter(pk__in=Filing.objects.filter(kind__in=call.audience_filing_kinds or []).values("organization_id"))
    elif call.audience == Audience.LIST:
        qs = qs.filter(pk__in=call.audience_orgs.values("pk"))
    return qs


def scoped_targets(call, user):
    qs = target_orgs(call)
    scope = org_scope(user)
    return qs if scope is None else qs.filter(scope)


def calls_for_org(org, now=None):
    """Published (or closed) calls that target ``org`` and have opened, soonest deadline first."""
    now = now or timezone.now()
    calls = DataCall.objects.filter(status__in=[CallStatus.PUBLISHED, CallStatus.CLOSED], opens_at__lte=now).order_by("closes_at")
    return [c for c in calls.prefetch_related("audience_industries") if target_orgs(c).filter(pk=org.pk).exists()]


def calls_with_status_for_org(org, limit=50):
    """The calls addressed to ``org`` (``calls_for_org``, at most ``limit``), each as
    ``(call, submission or None, status for the call, whether org may still change its answer)``;
    the submissions cost one query. For the workbench's to-dos and the enterprise archive."""
    calls = calls_for_org(org)[:limit]
    subs = {s.call_id: s for s in Submission.objects.filter(organization=org, call__in=[c.pk for c in calls])}
    return [(call, subs.get(call.pk), target_status(call, subs.get(call.pk)), can_fill(org, call, subs.get(call.pk))[0]) for call in calls]


def call_visible_to_enterprise(user, call) -> bool:
    org = enterprise_of(user)
    return (org is not None and call.status != CallStatus.DRAFT and call.opens_at <= timezone.now()
            and target_orgs(call).filter(pk=org.pk).exists())


def submission_visible_to(user, submission) -> bool:
    """An enterprise its own; staff within their scope of calls and organisations."""
    org = enterprise_of(user)
    if org is not None and org.pk == submission.organization_id:
        return True
    if not calls_managed_by(user).filter(pk=submission.call_id).exists():
        return False
    scope = org_scope(user)
    return scope is None or Organization.objects.filter(scope, pk=submission.organization_id).exists()


def can_fill(org, call, submission=None, now=None) -> tuple[bool, str]:
    """Whether ``org`` may still change its answer, and if not, why (shown to the user)."""
    now = now or timezone.now()
    if call.status == CallStatus.DRAFT or call.opens_at > now:
        return False, gettext("该报送尚未开始")
    if submission is not None and submission.locked:
        return False, gettext("该报送记录已被主管部门锁定，如需修改请联系发布单位")
    if call.status == CallStatus.CLOSED or (call.is_past_deadline(now) and not call.accept_late):
        return False, gettext("该报送已截止，不能再填报或修改")
    return True, ""


def target_status(call, submission, now=None) -> str:
    now = now or timezone.now()
    if submission is not None and submission.status == SubmissionStatus.SUBMITTED:
        return LATE if submission.late else SUBMITTED
    if call.is_past_deadline(now):
        return OVERDUE
    return DRAFT if submission is not None else NOT_STARTED


def target_rows(call, user, now=None):
    """``[(org, submission or None, status code)]`` for every target ``user`` may see."""
    orgs = list(scoped_targets(call, user).order_by("jurisdiction", "name"))
    subs = {s.organization_id: s for s in Submission.objects.filter(call=call, organization__in=[o.pk for o in orgs])}
    return [(o, subs.get(o.pk), target_status(call, subs.get(o.pk), now)) for o in orgs]


# --- summaries ----------------------------------------------------------------------------------

def _decimal(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def summary(call, submissions):
    """Per field of ``call``: how many answered, and for numbers count/sum/average/min/max, for
    choices the count of each option, for dates the earliest and latest, for files the count."""
    fields = list(call.form_fields.all())
    rows = [s.data for s in submissions]
    out = []
    for field in fields:
        values = [r.get(field.clean_name) for r in rows]
        answered = [v for v in values if v not in (None, "", [])]
        item = {"field": field, "answered": len(answered), "kind": "text"}
        if field.field_type in NUMERIC_TYPES:
            numbers = [d for d in (_decimal(v) for v in answered) if d is not None]
            total = sum(numbers, Decimal(0))
            item.update(kind="number", sum=total, avg=(total / len(numbers)).quantize(Decimal("0.01")) if numbers else None,
                        min=min(numbers) if numbers else None, max=max(numbers) if numbers else None)
        elif field.field_type in CHOICE_TYPES:
            counts = Counter()
            for v in answered:
                counts.update(v if isinstance(v, list) else [v])
            options = field.choice_list()
            dist = [(opt, counts.pop(opt, 0)) for opt in options] + sorted(counts.items())
            item.update(kind="choice", distribution=[(opt, n, round(100 * n / len(answered), 1) if answered else 0) for opt, n in dist])
        elif field.field_type == "date":
            item.update(kind="date", earliest=min(answered) if answered else None, latest=max(answered) if answered else None)
        elif field.field_type == "file":
            item.update(kind="file")
        out.append(item)
    return out


def completion_by_city(rows):
    """From ``target_rows``: per jurisdiction the number of targets, submitted (on time or late) and the rate."""
    table = OrderedDict()
    for org, _sub, status in rows:
        entry = table.setdefault(org.jurisdiction, {"city": Jurisdiction(org.jurisdiction).label, "targets": 0, "submitted": 0})
        entry["targets"] += 1
        entry["submitted"] += status in (SUBMITTED, LATE)
    result = []
    for entry in table.values():
        entry["rate"] = round(100 * entry["submitted"] / entry["targets"], 1) if entry["targets"] else 0
        result.append(entry)
    total_t = sum(e["targets"] for e in result)
    total_s = sum(e["submitted"] for e in result)
    return result, {"targets": total_t, "submitted": total_s, "rate": round(100 * total_s / total_t, 1) if total_t else 0}


def display_value(field, value):
    if value in (None, "", []):
        return ""
    if isinstance(value, list):
        return pgettext("list separator", "、").join(str(v) for v in value)
    if isinstance(value, dict):
        return value.get("name", "")
    return str(value)
