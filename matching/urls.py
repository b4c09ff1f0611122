from django.urls import path

from matching import api, views

app_name = "matching"

urlpatterns = [
    path("", views.market, name="market"),
    path("africa/", views.africa, name="africa"),
    path("stats/", views.stats, name="stats"),
    path("post/", views.create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("listings/<int:pk>/", views.detail, name="detail"),
    path("listings/<int:pk>/edit/", views.edit, name="edit"),
    path("listings/<int:pk>/<str:action>/", views.listing_action, name="listing_action"),
    path("listings/<int:pk>/attachments/<int:attachment_id>/", views.attachment, name="attachment"),
    path("intents/<int:pk>/", views.intent, name="intent"),
    path("review/", views.review, name="review"),
    path("review/<int:pk>/", views.review_action, name="review_action"),
    path("api/v1/listings/", api.listings, name="api_listings"),
    path("api/v1/listings/<int:pk>/", api.listing_detail, name="api_listing"),
    path("api/v1/peer/listings/", api.peer_import, name="api_peer_import"),
]
