from django.urls import path

from consortia import views

app_name = "consortia"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/apply/", views.apply, name="apply"),
    path("<int:pk>/close/", views.close, name="close"),
    path("memberships/<int:membership_id>/<str:decision>/", views.answer, name="answer"),
]
