from django.urls import path

from . import views

app_name = "likes"
urlpatterns = [
    path("likes/<str:kind>/<int:pk>/", views.liked_by, name="liked_by"),
    path("likes/<str:kind>/<int:pk>/like/", views.like, name="like"),
    path("likes/<str:kind>/<int:pk>/unlike/", views.unlike, name="unlike"),
]
