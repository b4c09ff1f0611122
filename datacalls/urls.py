from django.urls import path

from datacalls import views

app_name = "datacalls"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.fill, name="fill"),
    path("files/<int:pk>/", views.file_download, name="file"),
    path("manage/", views.manage, name="manage"),
    path("manage/new/", views.create, name="create"),
    path("manage/<int:pk>/", views.results, name="results"),
    path("manage/<int:pk>/edit/", views.edit, name="edit"),
    path("manage/<int:pk>/publish/", views.publish, name="publish"),
    path("manage/<int:pk>/close/", views.close, name="close"),
    path("manage/<int:pk>/extend/", views.extend, name="extend"),
    path("manage/<int:pk>/remind/", views.remind, name="remind"),
    path("manage/<int:pk>/export/", views.export, name="export"),
    path("manage/submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("manage/submissions/<int:pk>/lock/", views.lock, name="lock"),
]
