from django.urls import path

from zones import views

app_name = "zones"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("new/", views.create, name="create"),
    path("review/", views.review_list, name="review"),
    path("scorecard/", views.scorecard, name="scorecard"),
    path("publish/<int:year>/", views.publish, name="publish"),
    path("results/", views.results_index, name="results_index"),
    path("results/<int:year>/", views.results, name="results"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/score/", views.score, name="score"),
    path("<int:pk>/return/", views.return_view, name="return"),
]
