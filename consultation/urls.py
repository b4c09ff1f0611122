from django.urls import path

from consultation import views

app_name = "consultation"

urlpatterns = [
    path("", views.faq, name="faq"),
    path("ask/", views.ask, name="ask"),
    path("ask/forget-mobile/", views.forget_mobile, name="forget_mobile"),
    path("mine/", views.mine, name="mine"),
    path("mine/<int:pk>/", views.mine_detail, name="mine_detail"),
    path("track/<str:token>/", views.track, name="track"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/dashboard/", views.dashboard, name="dashboard"),
]
