from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from workbench.registry import board_for
from workbench.tiles import tiles_for


@login_required
def home(request):
    """我的工作台: what the user must do now, what waits on others, then every service he can reach."""
    context = {"board": board_for(request.user), "groups": tiles_for(request.user)}
    return TemplateResponse(request, "workbench/home.html", context)
