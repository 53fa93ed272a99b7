from django.urls import URLPattern, URLResolver

app_name = "pages"
urlpatterns: list[URLPattern | URLResolver] = []
