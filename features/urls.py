from django.urls import URLPattern, URLResolver

app_name = "features"
urlpatterns: list[URLPattern | URLResolver] = []
