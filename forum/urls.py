from django.urls import URLPattern, URLResolver, path

from lib.pagecache import cache_for_visitors

from . import feeds, views

app_name = "forum"

urlpatterns: list[URLPattern | URLResolver] = [
    path("forum/", views.index, name="index"),
    path("forum/latest/", views.latest, name="latest"),
    path("forum/mine/", views.mine, name="mine"),
    path(
        "forum/feed/rss/",
        cache_for_visitors(feeds.LatestDiscussionsFeed()),
        name="feed_rss",
    ),
    path(
        "forum/feed/atom/",
        cache_for_visitors(feeds.LatestDiscussionsAtomFeed()),
        name="feed_atom",
    ),
    path("forum/new/", views.start, name="start"),
    path("forum/c/<str:slug>/", views.category, name="category"),
    path("forum/d/<int:pk>/", views.discussion, name="discussion_short"),
    path("forum/d/<int:pk>/edit/", views.edit, name="edit"),
    path("forum/d/<int:pk>/delete/", views.delete, name="delete"),
    path("forum/d/<int:pk>/hide/", views.hide, name="hide"),
    path("forum/d/<int:pk>/unhide/", views.unhide, name="unhide"),
    path("forum/d/<int:pk>/pin/", views.pin, name="pin"),
    path("forum/d/<int:pk>/unpin/", views.unpin, name="unpin"),
    path("forum/d/<int:pk>/close/", views.close, name="close"),
    path("forum/d/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("forum/d/<int:pk>/follow/", views.follow, name="follow"),
    path("forum/d/<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("forum/d/<int:pk>/quote/<int:comment_pk>/", views.quote, name="quote"),
    path("forum/d/<int:pk>/<str:slug>/", views.discussion, name="discussion"),
    path("forum/files/<int:pk>/<str:token>/", views.attachment, name="attachment"),
    # A group's own discussions, under the group's address.
    path("groups/<str:slug>/discussions/", views.group, name="group"),
    path("groups/<str:slug>/discussions/new/", views.group_start, name="group_start"),
    path("forum/manage/", views.manage, name="manage"),
    path("forum/manage/new/", views.category_new, name="category_new"),
    path("forum/manage/<int:pk>/edit/", views.category_edit, name="category_edit"),
    path("forum/manage/<int:pk>/delete/", views.category_delete, name="category_delete"),
]
