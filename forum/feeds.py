"""RSS and Atom feeds of the forum's latest discussions (those everyone sees: not hidden,
outside groups or in public groups)."""

import datetime as dt
from typing import Any, cast

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext as _

from lib.cachetags import depends_on
from lib.http import NetworkRequest
from lib.text import xml_text
from network.models import Network

from .models import LISTS_TAG, Discussion

FEED_ITEMS = 20


def _xml_safe(value: Any) -> Any:
    return xml_text(value) if isinstance(value, str) else value


class _XmlSafe(SyndicationFeed):
    """Drops what XML cannot carry from every text of the feed (as blogs/feeds.py does)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})


class _Rss(_XmlSafe, Rss201rev2Feed):
    pass


class _Atom(_XmlSafe, Atom1Feed):
    pass


class LatestDiscussionsFeed(Feed[Discussion, Network]):
    feed_type: type[SyndicationFeed] = _Rss

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> Network:
        depends_on(LISTS_TAG)
        return cast(NetworkRequest, request).network

    def title(self, obj: Network) -> str:
        return _("%s — Latest Discussions") % obj.name

    def link(self) -> str:
        return reverse("forum:index")

    def description(self, obj: Network) -> str:
        return obj.tagline or obj.name

    def items(self) -> QuerySet[Discussion]:
        return (
            Discussion.objects.for_everyone()
            .select_related("author", "category", "group")
            .order_by("-created_at", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item: Discussion) -> str:
        return item.title

    def item_description(self, item: Discussion) -> str:
        return item.body_html

    def item_author_name(self, item: Discussion) -> str:
        return _("a former member") if item.author.is_former else item.author.display_name

    def item_categories(self, item: Discussion) -> list[str]:
        where = item.category or item.group
        return [where.name] if where is not None else []

    def item_pubdate(self, item: Discussion) -> dt.datetime:
        return item.created_at

    def item_updateddate(self, item: Discussion) -> dt.datetime:
        return item.updated_at


class LatestDiscussionsAtomFeed(LatestDiscussionsFeed):
    feed_type = _Atom
    subtitle = LatestDiscussionsFeed.description
