from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("comments/<str:kind>/<int:pk>/", views.create, name="create"),
    path("comments/<int:pk>/reply/", views.reply, name="reply"),
    path("comments/<int:pk>/delete/", views.delete, name="delete"),
    path("comments/<int:pk>/hide/", views.hide, name="hide"),
    path("comments/<int:pk>/unhide/", views.unhide, name="unhide"),
]
