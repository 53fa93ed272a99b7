from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "photos"

urlpatterns: list[URLPattern | URLResolver] = [
    path("photos/", views.photo_list, name="list"),
    path("photos/add/", views.upload, name="upload"),
    path("photos/<int:pk>/", views.photo_detail, name="photo"),
    path("photos/<int:pk>/slideshow/", views.slideshow, name="slideshow"),
    path("photos/<int:pk>/edit/", views.photo_edit, name="edit"),
    path("photos/<int:pk>/delete/", views.photo_delete, name="delete"),
    path("photos/<int:pk>/hide/", views.photo_hide, name="hide"),
    path("photos/<int:pk>/unhide/", views.photo_unhide, name="unhide"),
    path("photos/albums/new/", views.album_create, name="album_create"),
    path("photos/albums/<int:pk>/", views.album_detail, name="album"),
    path("photos/albums/<int:pk>/edit/", views.album_edit, name="album_edit"),
    path("photos/albums/<int:pk>/delete/", views.album_delete, name="album_delete"),
    path("members/<str:handle>/photos/", views.member_photos, name="member"),
]
