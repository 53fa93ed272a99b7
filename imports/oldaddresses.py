"""Where an old Ning address leads now (imports.models.OldAddress, filled by the importer's
imports/ning/addresses.py): the current address of what it showed, if the one asking may see
it — else nothing (the normal 404).

Asked only for addresses that answered 404 (imports.middleware): one indexed query for the
address, one for the object with the viewer's privacy (its app's own `visible_to`)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest

import features
from blogs.models import Post
from events.models import Event
from forum.models import Category, Discussion
from groups.models import Group
from lib.urls import fast_reverse
from members.models import Member
from members.permissions import is_moderator
from pages.models import Page
from photos.models import Photo
from videos.models import Video

from .models import OldAddress

# The query parameters that name a record on Ning (`?id=…`, `?user=…`, `?noteKey=…`); any other
# (`commentId`, `xg_source`, `page`…) is ignored.
QUERY_KEYS = frozenset({"id", "user", "notekey"})
MAX_PATH = 500
MAX_VALUE = 300


def normalise_path(path: str) -> str:
    """An address's path as OldAddress keeps it: lower case, no trailing slash."""
    return path.rstrip("/").lower()


@dataclass(frozen=True)
class Target:
    feature: str | None  # the feature that must be on (features/registry.py)
    visible: Callable[[object], QuerySet[Any]]  # what a viewer may open


TARGETS: dict[type[Model], Target] = {
    Post: Target("blogs", lambda user: Post.objects.visible_to(user)),
    Discussion: Target("forum", lambda user: Discussion.objects.visible_to(user)),
    Category: Target("forum", lambda user: Category.objects.all()),
    Group: Target(
        "groups",
        lambda user: Group.objects.all() if is_moderator(user) else Group.objects.shown(),
    ),
    Event: Target("events", lambda user: Event.objects.visible_to(user)),
    Photo: Target("photos", lambda user: Photo.objects.visible_to(user)),
    Video: Target("videos", lambda user: Video.objects.visible_to(user)),
    Page: Target(None, lambda user: Page.objects.visible_to(user)),
    Member: Target(None, lambda user: Member.objects.listed()),
}


def _keys(request: HttpRequest) -> list[str]:
    keys = [""]
    for name, values in request.GET.lists():
        if name.lower() not in QUERY_KEYS:
            continue
        for value in values[:3]:
            value = value.strip().lower()
            if value and len(value) <= MAX_VALUE and "\x00" not in value:
                keys.append(f"{name.lower()}={value}")
    return keys


def _month(request: HttpRequest) -> tuple[int, int] | None:
    try:
        month = int(request.GET.get("month", ""))
        year = int(request.GET.get("year", ""))
    except ValueError:
        return None
    if 1 <= month <= 12 and 1900 <= year <= 9999:
        return year, month
    return None


def new_address(request: HttpRequest) -> str | None:
    """The address to send `request` to (a 301), or None."""
    path = request.path_info
    if len(path) > MAX_PATH or "\x00" in path:
        return None
    path = normalise_path(path)
    if not path:
        return None
    found = sorted(
        OldAddress.objects.filter(path=path, query__in=_keys(request)).select_related(
            "content_type"
        ),
        key=lambda row: row.query == "",  # one naming the record by its id first
    )
    if not found:
        return None
    address = found[0]
    model = address.content_type.model_class()
    target = TARGETS.get(model) if model is not None else None
    if target is None:
        return None
    network = getattr(request, "network", None)
    if target.feature is not None and not features.is_on(network, target.feature):
        return None
    user = getattr(request, "user", None)
    obj = target.visible(user).filter(pk=address.object_id).first()
    if obj is None:
        return None
    if address.page == OldAddress.Page.BLOG:
        if not isinstance(obj, Member) or not features.is_on(network, "blogs"):
            return None
        month = _month(request)
        if month is not None:
            return fast_reverse("blogs:member_archive", obj.handle, month[0], month[1])
        return fast_reverse("blogs:member_blog", obj.handle)
    url = obj.get_absolute_url()
    return str(url) or None
