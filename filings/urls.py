from django.urls import path

from filings import views

app_name = "filings"

urlpatterns = [
    path("", views.my_filings, name="mine"),
    path("new/<str:kind>/", views.create, name="create"),
    path("threshold/<str:kind>/", views.threshold, name="threshold"),
    path("queue/", views.queue, name="queue"),
    path("queue/export.xlsx", views.queue_export, name="queue_export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/do/<str:name>/", views.transition, name="transition"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_id>/", views.attachment_download, name="attachment_download"),
    path("<int:pk>/attachments/<int:attachment_id>/delete/", views.attachment_delete, name="attachment_delete"),
    path("<int:pk>/reports/new/<str:kind>/", views.report_new, name="report_new"),
    path("<int:pk>/reports/<int:report_id>/review/", views.report_review, name="report_review"),
]
