"""The sitemap's sections (django.contrib.sitemaps): what a visitor of a public network may
open, kind by kind — never a draft, a post waiting for approval, anything hidden by a
moderator, a discussion in a private group, an invited-only event, a private group — each
with the cache tags whose changes change it and the date each entry last changed.

Every section reads one page of rows by primary key (`only()` what its addresses need), so a
sitemap page costs the same few queries however much the network holds.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max, Model, QuerySet
from django.urls import reverse

import features
from blogs.models import Post
from events.models import EVENTS_TAG, Event
from forum.models import LISTS_TAG as FORUM_TAG
from forum.models import Discussion
from groups.models import LISTS_TAG as GROUPS_TAG
from groups.models import Group
from members.models import Member
from pages.models import PAGES_TAG, Page
from photos.models import LISTS as PHOTOS_TAG
from photos.models import Photo
from videos.models import LISTS as VIDEOS_TAG
from videos.models import Video

# Entries per sitemap file (the protocol allows 50,000 and 50 MB; a smaller file is quicker
# to make and to read). A larger section is split into pages: sitemap-posts.xml?p=2.
PER_FILE = 10_000


class KindSitemap(Sitemap[Any]):
    """One kind of thing: `rows()` the visitor's rows in primary-key order (new ones go on the
    last page, earlier pages stay as they were), `date_field` their last change."""

    limit = PER_FILE
    tags: Sequence[str] = ()
    date_field: str | None = None

    def __init__(self, network: Any) -> None:
        self.network = network

    def rows(self) -> "QuerySet[Any]":
        raise NotImplementedError

    def items(self) -> "QuerySet[Any]":
        return self.rows().order_by("pk")

    def lastmod(self, item: Model) -> dt.datetime | None:
        return getattr(item, self.date_field) if self.date_field else None

    def summary(self) -> tuple[int, dt.datetime | None]:
        """How many entries, and the latest change among them: one query."""
        rows = self.rows().order_by()
        if self.date_field is None:
            return rows.count(), None
        found = rows.aggregate(n=Count("pk"), latest=Max(self.date_field))
        return found["n"], found["latest"]


class PostSitemap(KindSitemap):
    tags = ("posts",)
    date_field = "updated_at"

    def rows(self) -> "QuerySet[Post]":
        return Post.objects.published().only("id", "slug", "updated_at")


class DiscussionSitemap(KindSitemap):
    # A group turning private changes the groups' lists, not the forum's.
    tags = (FORUM_TAG, GROUPS_TAG)
    date_field = "last_activity_at"

    def rows(self) -> "QuerySet[Discussion]":
        rows = Discussion.objects.for_everyone()
        if not features.is_on(self.network, "groups"):
            rows = rows.filter(group=None)
        return rows.only("id", "slug", "last_activity_at")


class EventSitemap(KindSitemap):
    tags = (EVENTS_TAG,)
    date_field = "updated_at"

    def rows(self) -> "QuerySet[Event]":
        return Event.objects.listed().only("id", "slug", "updated_at")


class PhotoSitemap(KindSitemap):
    tags = (PHOTOS_TAG,)
    date_field = "created_at"

    def rows(self) -> "QuerySet[Photo]":
        return Photo.objects.shown().only("id", "created_at")


class VideoSitemap(KindSitemap):
    tags = (VIDEOS_TAG,)
    date_field = "created_at"

    def rows(self) -> "QuerySet[Video]":
        return Video.objects.shown().only("id", "created_at")


class GroupSitemap(KindSitemap):
    tags = (GROUPS_TAG,)
    date_field = "active_at"

    def rows(self) -> "QuerySet[Group]":
        return Group.objects.public().only("id", "slug", "active_at")


class MemberSitemap(KindSitemap):
    tags = ("directory",)

    def rows(self) -> "QuerySet[Member]":
        # listed(): local, active (so no former member), not waiting for approval.
        return Member.objects.listed().only("id", "handle")


class PageSitemap(KindSitemap):
    tags = (PAGES_TAG,)
    date_field = "updated_at"

    def rows(self) -> "QuerySet[Page]":
        return Page.objects.published().only("id", "slug", "updated_at")


class MainSitemap(Sitemap[str]):
    """The network's main lists, as the navigation links them."""

    limit = PER_FILE
    tags: Sequence[str] = ()

    def __init__(self, network: Any) -> None:
        self.network = network

    def items(self) -> list[str]:
        return [
            route
            for route, feature in MAIN_ROUTES
            if feature is None or features.is_on(self.network, feature)
        ]

    def location(self, item: str) -> str:
        return reverse(item)

    def summary(self) -> tuple[int, dt.datetime | None]:
        return len(self.items()), None


MAIN_ROUTES: tuple[tuple[str, str | None], ...] = (
    ("network:home", None),
    ("blogs:list", "blogs"),
    ("forum:index", "forum"),
    ("events:upcoming", "events"),
    ("photos:list", "photos"),
    ("videos:list", "videos"),
    ("groups:index", "groups"),
    ("members:directory", None),
    ("pages:index", None),
)

# Section name (its file: sitemap-<name>.xml), its sitemap, the feature it belongs to.
SECTIONS: tuple[tuple[str, Callable[[Any], Any], str | None], ...] = (
    ("main", MainSitemap, None),
    ("posts", PostSitemap, "blogs"),
    ("discussions", DiscussionSitemap, "forum"),
    ("events", EventSitemap, "events"),
    ("photos", PhotoSitemap, "photos"),
    ("videos", VideoSitemap, "videos"),
    ("groups", GroupSitemap, "groups"),
    ("members", MemberSitemap, None),
    ("pages", PageSitemap, None),
)


def sections(network: Any) -> dict[str, Any]:
    """The sections of `network`'s sitemap: those of the features it has on."""
    return {
        name: make(network)
        for name, make, feature in SECTIONS
        if feature is None or features.is_on(network, feature)
    }


def all_tags() -> list[str]:
    return sorted({tag for _name, make, _f in SECTIONS for tag in getattr(make, "tags", ())})
