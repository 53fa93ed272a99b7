"""The creator's export page and a member's own-data download."""

from django.urls import URLPattern

app_name = "exports"

urlpatterns: list[URLPattern] = []
