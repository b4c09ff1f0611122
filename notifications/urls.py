from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.open_message, name="open"),
    path("read/", views.mark_read, name="mark_read"),
    path("archive/", views.archive, name="archive"),
    path("preferences/", views.preferences, name="preferences"),
    path("pushes/", views.push_list, name="push_list"),
    path("pushes/new/", views.push_compose, name="push_compose"),
    path("pushes/preview/", views.push_preview, name="push_preview"),
    path("pushes/<int:pk>/", views.push_detail, name="push_detail"),
]
