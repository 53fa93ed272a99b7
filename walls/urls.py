from django.urls import URLPattern, URLResolver

app_name = "walls"

urlpatterns: list[URLPattern | URLResolver] = []
