from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "sharing"
urlpatterns: list[URLPattern | URLResolver] = [
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("oembed/", views.oembed, name="oembed"),
]
