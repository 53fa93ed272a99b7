"""Forum discussions in the search box (search/registry.py; found by the search app itself).
Their replies are comments: search finds them as comments on the discussion."""

from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register
from search.text import plain

from .models import Discussion

register(
    Searchable(
        key="discussion",
        label=_("Discussions"),
        label_one=_("Discussion"),
        model=Discussion,
        # Hidden ones to moderators, those in a private group to its members only.
        visible_to=lambda viewer: Discussion.objects.visible_to(viewer),
        title=lambda discussion: discussion.title,
        body=lambda discussion: plain(discussion.body_html),
        author_id=lambda discussion: discussion.author_id,
        date=lambda discussion: discussion.created_at,
        url=lambda discussion: discussion.get_absolute_url(),
        # A reply moves last_activity_at: not a new text.
        watch_fields=frozenset({"title", "slug", "body", "body_html"}),
    )
)
