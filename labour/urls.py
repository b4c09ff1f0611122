from django.urls import path

from labour import views

app_name = "labour"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("new/", views.create, name="create"),
    path("template.xlsx", views.template, name="template"),
    path("queue/", views.queue, name="queue"),
    path("qualifications/", views.qualifications, name="qualifications"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/upload/", views.upload, name="upload"),
    path("<int:pk>/workers.xlsx", views.export_workers, name="export_workers"),
    path("<int:pk>/import/<int:import_id>/", views.apply_import, name="apply_import"),
    path("<int:pk>/workers/<int:worker_id>/delete/", views.remove_worker, name="remove_worker"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
]
