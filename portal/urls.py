from django.urls import path

from portal import feeds, views

app_name = "portal"

urlpatterns = [
    path("sitemap/", views.site_map, name="site_map"),
    path("feeds/<int:page_id>/atom/", feeds.ColumnAtomFeed(), name="column_atom"),
]
