"""The creator's export page and a member's own-data download."""

from django.urls import URLPattern, path

from . import views

app_name = "exports"

urlpatterns: list[URLPattern] = [
    path("manage/export/", views.network_export, name="network"),
    path("settings/data/", views.own_data, name="mine"),
    path("exports/<int:pk>/", views.job, name="job"),
    path("exports/<int:pk>/download/", views.download, name="download"),
    path("exports/<int:pk>/delete/", views.delete, name="delete"),
]
