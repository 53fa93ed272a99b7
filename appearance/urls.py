from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "appearance"
urlpatterns: list[URLPattern | URLResolver] = [
    path("manage/appearance/", views.manage, name="manage"),
    path("manage/appearance/css/", views.custom_css_edit, name="css"),
    path("appearance/theme.css", views.theme_css, name="theme_css"),
    path("appearance/custom.css", views.custom_css, name="custom_css"),
]
