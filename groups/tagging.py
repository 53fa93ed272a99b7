"""Groups take tags (tags/registry.py; found by the tags app itself)."""

from django.utils.translation import gettext_lazy as _

from tags.registry import Taggable, register

from .models import LISTS_TAG, Group

register(
    Taggable(
        key="group",
        label=_("Groups"),
        label_one=_("Group"),
        model=Group,
        # A private group to its members (and administrators); hidden ones to moderators.
        visible_to=lambda viewer: Group.objects.visible_to(viewer),
        title=lambda group: group.name,
        url=lambda group: group.get_absolute_url(),
        date=lambda group: group.created_at,
        date_field="created_at",
        author=lambda group: group.creator,
        related=("creator",),
        list_tags=(LISTS_TAG,),
    )
)
