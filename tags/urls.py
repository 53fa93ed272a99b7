from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "tags"
urlpatterns: list[URLPattern | URLResolver] = [
    path("tags/", views.cloud_page, name="cloud"),
    path("tags/<path:key>/", views.tag_page, name="tag"),
]
