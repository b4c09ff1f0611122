from django.urls import path

from consultation import views

app_name = "consultation"

urlpatterns = [
    path("", views.faq, name="faq"),
    path("ask/", views.ask, name="ask"),
    path("ask/forget-mobile/", views.forget_mobile, name="forget_mobile"),
    path("mine/", views.mine, name="mine"),
    path("mine/<int:pk>/", views.mine_detail, name="mine_detail"),
    path("mine/<int:pk>/attachments/<int:attachment_id>/", views.mine_attachment, name="mine_attachment"),
    path("track/<str:token>/", views.track, name="track"),
    path("track/<str:token>/attachments/<int:attachment_id>/", views.track_attachment, name="track_attachment"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/attachments/<int:attachment_id>/", views.staff_attachment, name="staff_attachment"),
    path("staff/dashboard/", views.dashboard, name="dashboard"),
]
