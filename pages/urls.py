from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "pages"
urlpatterns: list[URLPattern | URLResolver] = [
    path("pages/", views.index, name="index"),
    path("pages/<str:slug>/", views.page, name="page"),
    path("manage/pages/", views.manage, name="manage"),
    path("manage/pages/new/", views.edit, name="create"),
    path("manage/pages/<int:pk>/edit/", views.edit, name="edit"),
    path("manage/pages/<int:pk>/delete/", views.delete, name="delete"),
    path("manage/pages/<int:pk>/move/", views.move, name="move"),
]
