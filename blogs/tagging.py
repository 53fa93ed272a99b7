"""Blog posts on the all-kinds tag pages (tags/registry.py; found by the tags app itself).

Posts keep their own tags (blogs.Tag, with its /blog/tag/<slug>/ page); the tags app reads
them by the same normalised key (lib.text.normalized_name), so /tags/<key>/ lists a post
tagged "Karachi" beside a discussion tagged "karachi "."""

from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from tags.registry import Taggable, register

from .models import Post, Tag


def _counts(seen: QuerySet[Any]) -> list[tuple[str, str, int]]:
    rows = (
        seen.filter(tags__isnull=False)
        .values_list("tags__key", "tags__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(key, name, n) for key, name, n in rows]


register(
    Taggable(
        key="post",
        label=_("Blog posts"),
        label_one=_("Blog post"),
        model=Post,
        # Drafts, scheduled and pending posts to their author (and who moderates them),
        # hidden ones to moderators: the listings' own rule.
        visible_to=lambda viewer: Post.objects.visible_to(viewer),
        title=lambda post: post.title,
        url=lambda post: post.get_absolute_url(),
        date=lambda post: post.created_at,
        date_field="created_at",
        author=lambda post: post.author,
        related=("author",),
        list_tags=("posts", "post-lists"),
        tagged=lambda key: Post.objects.filter(tags__key=key),
        counts=_counts,
        name_of=lambda key: Tag.objects.filter(key=key).values_list("name", flat=True).first(),
    )
)
