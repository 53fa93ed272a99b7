"""Blog posts in the search box (search/registry.py; found by the search app itself)."""

from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register
from search.text import plain

from .models import Post

register(
    Searchable(
        key="post",
        label=_("Blog posts"),
        label_one=_("Blog post"),
        model=Post,
        # Drafts, scheduled and pending posts to their author (and who moderates them),
        # hidden ones to moderators: the listings' own rule.
        visible_to=lambda viewer: Post.objects.visible_to(viewer),
        title=lambda post: post.title,
        body=lambda post: plain(post.body_html),
        author_id=lambda post: post.author_id,
        date=lambda post: post.published_at or post.created_at,
        url=lambda post: post.get_absolute_url(),
        # A view count or a comment count written is not a new text.
        watch_fields=frozenset({"title", "slug", "body", "body_html", "published_at"}),
    )
)
