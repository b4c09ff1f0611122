from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from workbench.tiles import tiles_for


@login_required
def home(request):
    return TemplateResponse(request, "workbench/home.html", {"groups": tiles_for(request.user)})
