from django.urls import URLPattern, URLResolver

app_name = "activity"

urlpatterns: list[URLPattern | URLResolver] = []
