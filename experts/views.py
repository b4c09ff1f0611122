"""Public pages of the expert pool; anyone may browse it and direct a question to an expert."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from experts.models import Expert, Field
from experts.selectors import experts
from taxonomy.models import Country
from taxonomy.selectors import ordered


def expert_list(request):
    filters = {k: request.GET.get(k, "").strip() for k in ("field", "country", "language", "q")}
    page = Paginator(experts(**filters), 12).get_page(request.GET.get("page"))
    countries = ordered(Country.objects.filter(experts__is_active=True).distinct())
    return TemplateResponse(request, "experts/list.html", {"page_obj": page, "filters": filters, "fields": Field.choices, "countries": countries})


def expert_detail(request, pk):
    expert = get_object_or_404(Expert.objects.prefetch_related("fields", "countries"), pk=pk, is_active=True)
    return TemplateResponse(request, "experts/detail.html", {"expert": expert})
