from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "search"
urlpatterns: list[URLPattern | URLResolver] = [
    path("search/", views.search_page, name="search"),
]
