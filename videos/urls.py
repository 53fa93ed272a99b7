from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "videos"

urlpatterns: list[URLPattern | URLResolver] = [
    path("videos/", views.video_list, name="list"),
    path("videos/add/", views.video_add, name="add"),
    path("videos/<int:pk>/", views.video_detail, name="video"),
    path("videos/<int:pk>/edit/", views.video_edit, name="edit"),
    path("videos/<int:pk>/delete/", views.video_delete, name="delete"),
    path("videos/<int:pk>/hide/", views.video_hide, name="hide"),
    path("videos/<int:pk>/unhide/", views.video_unhide, name="unhide"),
    path("members/<str:handle>/videos/", views.member_videos, name="member"),
]
