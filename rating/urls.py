from django.urls import path

from rating import views

app_name = "rating"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("report/<int:year>/", views.report, name="report"),
    path("review/", views.review, name="review"),
    path("cycles/<int:year>/<slug:action>/", views.cycle_action, name="cycle_action"),
    path("results/", views.results_index, name="results_index"),
    path("results/<int:year>/", views.results, name="results"),
    path("quality/", views.quality, name="quality"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/score/", views.score, name="score"),
    path("<int:pk>/return/", views.return_view, name="return"),
]
