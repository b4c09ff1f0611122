from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("", views.index, name="index"),
    path("mine/", views.edit, name="edit"),
    path("institutions/", views.institution_list, name="institutions"),
    path("<int:org_id>/", views.profile, name="profile"),
]
