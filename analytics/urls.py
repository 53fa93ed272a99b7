from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "analytics"
urlpatterns: list[URLPattern | URLResolver] = [
    path("manage/analytics/", views.dashboard, name="dashboard"),
    path("manage/analytics/<slug:metric>.csv", views.csv_download, name="csv"),
]
