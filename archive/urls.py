from django.urls import path

from archive import views

app_name = "archive"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("organizations/", views.organizations, name="organizations"),
    path("<int:org_id>/", views.detail, name="detail"),
]
