from django.urls import path

from . import views

app_name = "friends"
urlpatterns = [
    path("friends/", views.mine, name="mine"),
    path("members/<str:handle>/friends/", views.of_member, name="of_member"),
    path("members/<str:handle>/friend/request/", views.send, name="send"),
    path("members/<str:handle>/friend/accept/", views.accept, name="accept"),
    path("members/<str:handle>/friend/decline/", views.decline, name="decline"),
    path("members/<str:handle>/friend/cancel/", views.cancel, name="cancel"),
    path("members/<str:handle>/unfriend/", views.unfriend, name="unfriend"),
    path("members/<str:handle>/block/", views.block, name="block"),
    path("members/<str:handle>/unblock/", views.unblock, name="unblock"),
]
