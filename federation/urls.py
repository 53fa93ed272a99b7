"""WebFinger, NodeInfo, actors, inboxes and outboxes."""

from django.urls import URLPattern

app_name = "federation"

urlpatterns: list[URLPattern] = []
