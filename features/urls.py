from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "features"
urlpatterns: list[URLPattern | URLResolver] = [
    path("manage/features/", views.manage, name="manage"),
]
