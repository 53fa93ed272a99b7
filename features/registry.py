"""The features a network can switch off, and what each one owns.

A feature owns URL namespaces (the `app_name` of its urls.py: its pages answer 404 when it is
off, features/middleware.py), section-name prefixes (lib/sections.py: its navigation link and
its home and member page sections vanish) and app labels (its models: Latest Activity leaves
out entries written by it, about its things, on them or in them — activity/queries.py) and
the kinds its things have in the comments and likes registries (comments and likes on them
answer 404 too: /comments/discussion/7/).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Feature:
    key: str
    label: StrOrPromise
    description: StrOrPromise
    namespaces: tuple[str, ...]
    sections: tuple[str, ...]
    apps: tuple[str, ...]
    kinds: tuple[str, ...] = ()


FEATURES: tuple[Feature, ...] = (
    Feature(
        "blogs",
        _("Blogs"),
        _("Members' blogs, their posts and feeds."),
        ("blogs",),
        ("blogs.",),
        ("blogs",),
        ("post",),
    ),
    Feature(
        "forum",
        _("Forum"),
        _("Discussions and their replies, in categories and groups."),
        ("forum",),
        ("forum.",),
        ("forum",),
        ("discussion",),
    ),
    Feature(
        "groups",
        _("Groups"),
        _("Groups members make and join, with their walls and activity."),
        ("groups",),
        ("groups.",),
        ("groups",),
        ("group",),
    ),
    Feature(
        "events",
        _("Events"),
        _("Events, invitations and RSVPs."),
        ("events",),
        ("events.",),
        ("events",),
        ("event",),
    ),
    Feature(
        "photos",
        _("Photos"),
        _("Photos and albums."),
        ("photos",),
        ("photos.",),
        ("photos",),
        ("photo",),
    ),
    Feature(
        "videos",
        _("Videos"),
        _("Videos members add."),
        ("videos",),
        ("videos.",),
        ("videos",),
        ("video",),
    ),
    Feature(
        "messages",
        _("Messages"),
        _("Private messages between members, and broadcasts."),
        ("messaging",),
        ("messaging.",),
        ("messaging",),
    ),
)

BY_KEY: dict[str, Feature] = {feature.key: feature for feature in FEATURES}
KEYS: tuple[str, ...] = tuple(BY_KEY)


def get(key: str) -> Feature:
    return BY_KEY[key]
