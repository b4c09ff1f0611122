"""Statistics pages: the reviewers' dashboard (scoped to a city or the whole province), its XLSX
export, and a public summary with aggregate figures only."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import log
from filings.models import Kind
from filings.selectors import is_department
from stats.exports import statistics_workbook
from stats.selectors import DIMENSIONS, apply_filters, computed, public_scope, statistics_scope
from taxonomy.cities import Jurisdiction

PUBLIC_DIMENSIONS = ["year", "city", "continent", "country", "kind", "ownership"]
# (dimension, chart type, title) for static/js/stats.js.
DASHBOARD_CHARTS = [
    ("month", "line", gettext_lazy("按月备案金额与项目数")),
    ("year", "bar", gettext_lazy("按年备案金额与项目数")),
    ("city", "hunan-map", gettext_lazy("各市州走出去企业分布")),
    ("country", "world-map", gettext_lazy("投资合作目的地分布")),
    ("continent", "pie", gettext_lazy("按大洲")),
    ("industry", "hbar", gettext_lazy("按行业")),
    ("ownership", "pie", gettext_lazy("按企业性质")),
    ("kind", "pie", gettext_lazy("按项目类型")),
]
PUBLIC_CHARTS = [c for c in DASHBOARD_CHARTS if c[0] in PUBLIC_DIMENSIONS]


class StatsFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("年份"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=gettext_lazy("项目类型"), required=False, choices=[("", gettext_lazy("全部")), *Kind.choices])
    city = forms.ChoiceField(label=gettext_lazy("市州"), required=False, choices=[("", gettext_lazy("全部")), *Jurisdiction.choices])

    def __init__(self, *args, years=(), show_city=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("全部")), *[(y, _("%(year)s年") % {"year": y}) for y in years]]
        if not show_city:
            del self.fields["city"]

    def filters(self):
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


def _display(tables):
    """(dimension, rows) pairs with amounts in 万美元 and shares as percentages for the tables."""
    return [
        (DIMENSIONS[name], [{**r, "amount_wan": f"{r['amount_usd'] / 10000:,.1f}", "share_pct": f"{r['share'] * 100:.1f}%"} for r in rows])
        for name, rows in tables.items()
    ]


def _totals(row):
    row = dict(row)
    row["amount_yi"] = f"{row['amount_usd'] / 100_000_000:,.2f}"
    return row


def _json_rows(rows):
    return [{**r, "amount_usd": float(r["amount_usd"]), "key": str(r["key"])} for r in rows]


def _dashboard_data(request):
    scope = statistics_scope(request.user)
    department = is_department(request.user)
    years = [row["key"] for row in reversed(computed(scope, ["year"])["tables"]["year"]) if row["key"]]
    form = StatsFilterForm(request.GET or None, years=years, show_city=department)
    filters = form.filters()
    result = computed(apply_filters(scope, **filters), list(DIMENSIONS))
    return form, filters, result["totals"], result["tables"]


@login_required
def dashboard(request):
    form, filters, sums, tables = _dashboard_data(request)
    context = {
        "form": form,
        "totals": _totals(sums),
        "tables": _display(tables),
        "chart_data": {name: _json_rows(rows) for name, rows in tables.items()},
        "query": request.GET.urlencode(),
        "chart_specs": DASHBOARD_CHARTS,
        "scope_label": _("全省") if is_department(request.user) else _("本市州"),
    }
    return TemplateResponse(request, "stats/dashboard.html", context)


@login_required
def export(request):
    form, filters, sums, tables = _dashboard_data(request)
    label = _("，").join(f"{form.fields[k].label}={v}" for k, v in filters.items())
    content = statistics_workbook(tables, sums, filters=label)
    log("stats.export", actor=request.user, request=request, detail={"filters": {k: str(v) for k, v in filters.items()}})
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="statistics-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


def public(request):
    """Aggregate figures for everyone: no enterprise names, no single projects."""
    result = computed(public_scope(), PUBLIC_DIMENSIONS)
    tables = result["tables"]
    context = {
        "totals": _totals(result["totals"]),
        "tables": _display(tables),
        "chart_data": {name: _json_rows(rows) for name, rows in tables.items()},
        "chart_specs": PUBLIC_CHARTS,
    }
    return TemplateResponse(request, "stats/public.html", context)
