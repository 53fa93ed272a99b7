"""WebFinger, NodeInfo, actors, inboxes and outboxes."""

from django.urls import URLPattern, path

from . import views, views_following, views_pages

app_name = "federation"

urlpatterns: list[URLPattern] = [
    path(".well-known/webfinger", views.webfinger, name="webfinger"),
    path(".well-known/host-meta", views.host_meta, name="host_meta"),
    path(".well-known/nodeinfo", views.nodeinfo_index, name="nodeinfo_index"),
    path("nodeinfo/2.1", views.nodeinfo, name="nodeinfo"),
    path("ap/inbox/", views.shared_inbox, name="shared_inbox"),
    path("ap/actor/", views.instance_actor_json, name="instance_actor"),
    path("ap/comments/<int:pk>/", views.comment_json, name="comment"),
    path("ap/network/inbox/", views.network_inbox, name="network_inbox"),
    path("ap/network/outbox/", views.network_outbox, name="network_outbox"),
    path("ap/network/followers/", views.network_followers, name="network_followers"),
    path("ap/network/following/", views.network_following, name="network_following"),
    path("ap/members/<str:handle>/inbox/", views.member_inbox, name="member_inbox"),
    path("ap/members/<str:handle>/outbox/", views.member_outbox, name="member_outbox"),
    path("ap/members/<str:handle>/followers/", views.member_followers, name="member_followers"),
    path("ap/members/<str:handle>/following/", views.member_following, name="member_following"),
    path("members/<str:handle>/follow/", views_pages.remote_follow, name="remote_follow"),
    path("settings/federation/", views_pages.own_settings, name="settings"),
    path("settings/federation/block/<int:pk>/", views_pages.block_account, name="block"),
    path("settings/federation/unblock/<int:pk>/", views_pages.unblock_account, name="unblock"),
    path("settings/federation/following/", views_following.following_page, name="following"),
    path(
        "settings/federation/following/<int:pk>/stop/",
        views_following.unfollow,
        name="unfollow",
    ),
    path("following/elsewhere/", views_following.stream, name="stream"),
    path("manage/federation/", views_pages.manage, name="manage"),
    path("manage/federation/choices/", views_pages.save_choices, name="choices"),
    path("manage/federation/block/", views_pages.block_server, name="block_server"),
    path("manage/federation/<int:pk>/unblock/", views_pages.unblock_server, name="unblock_server"),
]
