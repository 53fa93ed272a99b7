"""Groups in the search box (search/registry.py; found by the search app itself). Comments on
a group's wall are found as comments on the group, by those who may read the group."""

from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register
from search.text import plain

from .models import Group

register(
    Searchable(
        key="group",
        label=_("Groups"),
        label_one=_("Group"),
        model=Group,
        # A private group to its members (and the network's administrators); hidden ones to
        # moderators: the groups list's own rule.
        visible_to=lambda viewer: Group.objects.visible_to(viewer),
        title=lambda group: group.name,
        body=lambda group: plain(group.description_html),
        author_id=lambda group: group.creator_id,
        date=lambda group: group.created_at,
        url=lambda group: group.get_absolute_url(),
        # Joins move member_count and active_at: not a new text.
        watch_fields=frozenset({"name", "slug", "description", "description_html"}),
    )
)
