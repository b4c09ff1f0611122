from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("mine/", views.my_registrations, name="mine"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/handbook/", views.handbook, name="handbook"),
    path("<int:pk>/calendar.ics", views.calendar_ics, name="ics"),
    path("registrations/<int:pk>/cancel/", views.cancel_registration, name="cancel_registration"),
    path("manage/", views.manage_list, name="manage"),
    path("manage/new/", views.event_form, name="create"),
    path("manage/<int:pk>/", views.manage_detail, name="manage_detail"),
    path("manage/<int:pk>/edit/", views.event_form, name="edit"),
    path("manage/<int:pk>/transition/<slug:name>/", views.transition, name="transition"),
    path("manage/<int:pk>/checkin/", views.checkin, name="checkin"),
    path("manage/<int:pk>/export.xlsx", views.export_registrations, name="export"),
    path("manage/<int:pk>/notify/", views.notify_registrants, name="notify"),
    path("manage/registrations/<int:pk>/<slug:decision>/", views.decide_registration, name="decide"),
]
