from django.urls import path

from lib.pagecache import cache_for_visitors

from . import feeds, views

app_name = "blogs"
urlpatterns = [
    path("blog/", views.post_list, name="list"),
    path("blog/new/", views.post_create, name="create"),
    path("blog/feed/rss/", cache_for_visitors(feeds.NetworkBlogFeed()), name="feed_rss"),
    path("blog/feed/atom/", cache_for_visitors(feeds.NetworkBlogAtomFeed()), name="feed_atom"),
    path("blog/tag/<str:slug>/", views.tag_posts, name="tag"),
    path("blog/<int:pk>/", views.post_detail, name="post_short"),
    path("blog/<int:pk>/edit/", views.post_edit, name="edit"),
    path("blog/<int:pk>/delete/", views.post_delete, name="delete"),
    path("blog/<int:pk>/hide/", views.post_hide, name="hide"),
    path("blog/<int:pk>/feature/", views.post_feature, name="feature"),
    path("blog/<int:pk>/unfeature/", views.post_unfeature, name="unfeature"),
    path("blog/<int:pk>/unhide/", views.post_unhide, name="unhide"),
    path("blog/<int:pk>/view/", views.post_view, name="view"),
    path("blog/<int:pk>/<str:slug>/", views.post_detail, name="post"),
    path("members/<str:handle>/blog/", views.member_blog, name="member_blog"),
    path(
        "members/<str:handle>/blog/<int:year>/<int:month>/",
        views.member_archive,
        name="member_archive",
    ),
    path(
        "members/<str:handle>/blog/feed/rss/",
        cache_for_visitors(feeds.MemberBlogFeed()),
        name="member_feed_rss",
    ),
    path(
        "members/<str:handle>/blog/feed/atom/",
        cache_for_visitors(feeds.MemberBlogAtomFeed()),
        name="member_feed_atom",
    ),
]
