from django.urls import URLPattern, URLResolver

app_name = "appearance"
urlpatterns: list[URLPattern | URLResolver] = []
