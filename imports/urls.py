"""The old addresses of an imported network (filled by the importer's redirects)."""

from django.urls import URLPattern

app_name = "imports"

urlpatterns: list[URLPattern] = []
