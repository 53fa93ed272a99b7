import datetime as dt
from typing import Any, cast

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext as _

from lib.cachetags import depends_on
from lib.http import NetworkRequest
from lib.text import xml_text
from members.models import Member
from members.templatetags.anjuman import blog_name
from network.models import Network
from network.services import current_network

from .models import Post

FEED_ITEMS = 20


def _xml_safe(value: Any) -> Any:
    return xml_text(value) if isinstance(value, str) else value


class _XmlSafe(SyndicationFeed):
    """Drops what XML cannot carry from every text of the feed and its items: whatever a title
    or a name holds (lib/text.py keeps such characters out, but text stored before, or by a
    path that skipped the forms, must not break the feed for everybody)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})


class _Rss(_XmlSafe, Rss201rev2Feed):
    pass


class _Atom(_XmlSafe, Atom1Feed):
    pass


class _PostFeed[T](Feed[Post, T]):
    """What every feed of posts says about each post."""

    feed_type: type[SyndicationFeed] = _Rss

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        return item.body_html

    def item_author_name(self, item: Post) -> str:
        return item.author.display_name

    def item_author_link(self, item: Post) -> str:
        return item.author.get_absolute_url()

    def item_pubdate(self, item: Post) -> dt.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Post) -> dt.datetime:
        return item.updated_at


class NetworkBlogFeed(_PostFeed[Network]):
    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> Network:
        depends_on("posts")
        return cast(NetworkRequest, request).network

    def title(self, obj: Network) -> str:
        return _("%s — All Blog Posts") % obj.name

    def link(self) -> str:
        return reverse("blogs:list")

    def description(self, obj: Network) -> str:
        return obj.tagline or obj.name

    def items(self) -> QuerySet[Post]:
        return (
            Post.objects.published().select_related("author").order_by("-published_at")[:FEED_ITEMS]
        )


class NetworkBlogAtomFeed(NetworkBlogFeed):
    feed_type = _Atom
    subtitle = NetworkBlogFeed.description


class MemberBlogFeed(_PostFeed[Member]):
    def title(self, obj: Member) -> str:
        return blog_name(obj)

    def link(self, obj: Member) -> str:
        return reverse("blogs:member_blog", args=[obj.handle])

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> Member:
        member = get_object_or_404(Member.objects.listed(), handle=kwargs["handle"])
        depends_on(f"blog:{member.pk}")
        return member

    def description(self, obj: Member) -> str:
        # The feed object serves every request: the network is looked up, not kept on it.
        network = current_network()
        return _("%(blog)s on %(network)s") % {
            "blog": blog_name(obj),
            "network": network.name if network else "",
        }

    def items(self, obj: Member) -> QuerySet[Post]:
        return (
            Post.objects.published()
            .filter(author=obj)
            .select_related("author")
            .order_by("-published_at")[:FEED_ITEMS]
        )


class MemberBlogAtomFeed(MemberBlogFeed):
    feed_type = _Atom
    subtitle = MemberBlogFeed.description
