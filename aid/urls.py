from django.urls import path

from aid import views

app_name = "aid"

urlpatterns = [
    path("", views.index, name="index"),
    path("kind/<str:kind>/", views.showcase, name="showcase"),
    path("projects/", views.projects, name="projects"),
    path("trainees/", views.trainees, name="trainees"),
    path("stats/", views.stats, name="stats"),
    path("import/", views.import_view, name="import"),
    path("import/template/<str:dataset>.xlsx", views.template, name="template"),
]
