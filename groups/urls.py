from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "groups"

urlpatterns: list[URLPattern | URLResolver] = [
    path("groups/", views.index, name="index"),
    path("groups/new/", views.create, name="create"),
    path("groups/mine/", views.mine, name="mine"),
    path("groups/invitations/", views.pending, name="pending"),
    path("groups/<str:slug>/", views.detail, name="detail"),
    path("groups/<str:slug>/edit/", views.edit, name="edit"),
    path("groups/<str:slug>/delete/", views.delete, name="delete"),
    path("groups/<str:slug>/hide/", views.hide, name="hide"),
    path("groups/<str:slug>/show/", views.show, name="show"),
    path("groups/<str:slug>/members/", views.members, name="members"),
    path("groups/<str:slug>/activity/", views.group_activity, name="activity"),
    path("groups/<str:slug>/join/", views.join, name="join"),
    path("groups/<str:slug>/leave/", views.leave, name="leave"),
    path("groups/<str:slug>/request/cancel/", views.cancel_request, name="cancel_request"),
    path("groups/<str:slug>/invitation/accept/", views.accept_invitation, name="accept_invitation"),
    path(
        "groups/<str:slug>/invitation/decline/", views.decline_invitation, name="decline_invitation"
    ),
    path("groups/<str:slug>/requests/", views.requests, name="requests"),
    path("groups/<str:slug>/requests/<int:member_id>/approve/", views.approve, name="approve"),
    path("groups/<str:slug>/requests/<int:member_id>/decline/", views.decline, name="decline"),
    path("groups/<str:slug>/invitations/", views.invitations, name="invitations"),
    path(
        "groups/<str:slug>/invitations/<int:member_id>/cancel/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
    path(
        "groups/<str:slug>/members/<int:member_id>/remove/",
        views.remove_member,
        name="remove_member",
    ),
    path("groups/<str:slug>/members/<int:member_id>/promote/", views.promote, name="promote"),
    path("groups/<str:slug>/members/<int:member_id>/demote/", views.demote, name="demote"),
]
