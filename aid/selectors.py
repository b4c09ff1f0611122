"""Who sees the aid databases, and the aggregate figures shown publicly and internally."""

from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from accounts.roles import DEPT_ADMIN, bureau_city_of, has_role
from aid.models import AidKind, AidProject, AidTrainee
from filings.selectors import is_department
from taxonomy.cities import Jurisdiction


def can_manage(user) -> bool:
    """Importing is the department's job."""
    return user.is_authenticated and (user.is_superuser or has_role(user, DEPT_ADMIN))


def can_view_databases(user) -> bool:
    return is_department(user) or (user.is_authenticated and bureau_city_of(user) is not None)


def _scoped(qs, user):
    if is_department(user):
        return qs
    city = bureau_city_of(user) if user.is_authenticated else None
    return qs.filter(city=city) if city else qs.none()


def projects_visible_to(user):
    return _scoped(AidProject.objects.select_related("country"), user)


def trainees_visible_to(user):
    return _scoped(AidTrainee.objects.select_related("country"), user)


def _grouped(qs, field, labels=None, limit=None):
    rows = qs.values(field).annotate(n=Count("id")).order_by("-n", field)
    if limit:
        rows = rows[:limit]
    return [{"key": r[field], "label": (labels or {}).get(r[field], r[field]), "n": r["n"]} for r in rows]


def _country_name_field() -> str:
    """Countries are named in the active language, as everywhere else."""
    return "country__name_en" if (get_language() or "").startswith("en") else "country__name_zh"


def statistics(projects, trainees) -> dict:
    """Counts of projects and trainees by kind, country (top 15), year and city."""
    kinds, cities, country = dict(AidKind.choices), dict(Jurisdiction.choices), _country_name_field()
    by_year = {}
    for r in projects.values("year").annotate(n=Count("id")):
        by_year.setdefault(r["year"], [0, 0])[0] = r["n"]
    for r in trainees.values("year").annotate(n=Count("id")):
        by_year.setdefault(r["year"], [0, 0])[1] = r["n"]
    return {
        "totals": {"projects": projects.count(), "trainees": trainees.count(),
                   "amount_wan": float(projects.aggregate(s=Coalesce(Sum("amount_wan"), 0, output_field=AidProject._meta.get_field("amount_wan")))["s"])},
        "by_kind": _grouped(projects, "kind", kinds),
        "by_country": _grouped(projects, country, limit=15),
        "trainees_by_country": _grouped(trainees, country, limit=15),
        "by_city": _grouped(projects, "city", cities),
        "trainees_by_city": _grouped(trainees, "city", cities),
        "by_year": [{"label": str(y), "projects": v[0], "trainees": v[1]} for y, v in sorted(by_year.items())],
    }


def public_projects(kind=None):
    """Project facts that are public (no personal data exists on projects)."""
    qs = AidProject.objects.select_related("country")
    return qs.filter(kind=kind) if kind else qs
