from django.urls import path

from overseas import views

app_name = "overseas"

urlpatterns = [
    path("", views.public_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("mine/", views.mine, name="mine"),
    path("mine/new/", views.propose_new, name="propose_new"),
    path("mine/<int:pk>/edit/", views.propose_edit, name="propose_edit"),
    path("changes/", views.changes, name="changes"),
    path("changes/<int:pk>/", views.change, name="change"),
]
