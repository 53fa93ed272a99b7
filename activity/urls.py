from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "activity"

urlpatterns: list[URLPattern | URLResolver] = [
    path("activity/", views.everyone, name="everyone"),
    path("activity/friends/", views.friends, name="friends"),
    path("members/<str:handle>/activity/", views.of_member, name="member"),
]
