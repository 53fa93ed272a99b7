"""Forum discussions take tags (tags/registry.py; found by the tags app itself)."""

from django.utils.translation import gettext_lazy as _

from tags.registry import Taggable, register

from .models import LISTS_TAG, Discussion

register(
    Taggable(
        key="discussion",
        label=_("Discussions"),
        label_one=_("Discussion"),
        model=Discussion,
        # Hidden and pending ones to moderators (and their starter), those in a private group
        # to its members only: the forum's own rule.
        visible_to=lambda viewer: Discussion.objects.visible_to(viewer),
        title=lambda discussion: discussion.title,
        url=lambda discussion: discussion.get_absolute_url(),
        date=lambda discussion: discussion.created_at,
        date_field="created_at",
        author=lambda discussion: discussion.author,
        related=("author",),
        list_tags=(LISTS_TAG,),
    )
)
