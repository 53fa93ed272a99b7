import logging
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lib.cachetags import cached, invalidate
from lib.fetch import FetchError, fetch
from lib.markup import render_markdown
from lib.ordering import swap_with_neighbour
from lib.pictures import reencoded
from members.actionlog import record
from members.models import Member

from .feeds import NotAFeed, parse_feed
from .models import MAX_POSITION, Network, SidebarBox
from .permissions import can_manage_network

logger = logging.getLogger("anjuman.network")


def current_network() -> Network | None:
    return cached(
        "network", lambda: Network.objects.select_related("creator").first(), ["network", "people"]
    )


LOGO_SIZE = 256
FAVICON_SIZE = 64


@transaction.atomic
def update_network(
    network: Network,
    *,
    logo: UploadedFile[bytes] | None = None,
    favicon: UploadedFile[bytes] | None = None,
) -> Network:
    """Saves the network's settings (already validated by a form), with a new logo or favicon
    if given: re-encoded without metadata (lib/pictures.py) under a new name, the old file
    deleted once the change is committed."""
    kept = Network.objects.filter(pk=network.pk).values("logo", "favicon").first()
    old: dict[str, Any] = dict(kept) if kept else {}
    for field, upload, size in (("logo", logo, LOGO_SIZE), ("favicon", favicon, FAVICON_SIZE)):
        if upload is not None:
            picture, extension = reencoded(upload, size=size, keep_transparency=True)
            # A new name each time: browsers and proxies never show a cached old picture.
            name = f"{field}-{secrets.token_hex(6)}.{extension}"
            getattr(network, field).save(name, picture, save=False)
    network.save()
    invalidate("network")
    gone = [old[f] for f in ("logo", "favicon") if old.get(f) not in ("", None, _name(network, f))]
    if gone:
        storage = network.logo.storage
        transaction.on_commit(lambda: _delete(storage, gone))
    return network


def _name(network: Network, field: str) -> str:
    return str(getattr(network, field).name or "")


def _delete(storage: Storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)


def sidebar_boxes() -> list[SidebarBox]:
    """Every box in order, the same for everyone (sidebar.py picks and renders them)."""
    return cached(
        "sidebar-boxes", lambda: list(SidebarBox.objects.defer(*FEED_STATE)), [SIDEBAR_TAG]
    )


@transaction.atomic
def create_network(
    *,
    name: str,
    creator_name: str,
    creator_email: str,
    password: str,
    tagline: str = "",
    description: str = "",
    time_zone: str = "UTC",
) -> Network:
    """The first run: the creator's account and the network they name."""
    if Network.objects.exists():
        raise ValueError("This install already has a network.")
    creator = Member.objects.create_user(
        creator_email,
        password,
        display_name=creator_name,
        role=Member.Role.CREATOR,
        email_confirmed=True,
        is_staff=True,
        is_superuser=True,
    )
    network = Network(
        name=name, tagline=tagline, description=description, time_zone=time_zone, creator=creator
    )
    network.full_clean()
    network.save()
    invalidate("network")
    return network


# --- Sidebar boxes -----------------------------------------------------------------------------

# The list of boxes (titles, order, placement, text boxes' HTML; not the feeds' items) is
# cached under the site-wide tag "network", as before feed boxes: an administrator's change to
# the boxes is rare, and a page hit then reads no extra version. A feed box's rendered items
# are cached under the box's own tag (`sidebar-box:N`, network/sidebar.py), which its new items
# change: only the pages showing it are rendered again. A failed fetch changes nothing visitors
# see and invalidates nothing (administrators' notes are read fresh).
SIDEBAR_TAG = "network"
# What the cached list leaves out: fetched by the task, read by the feed's own fragment.
FEED_STATE = ("feed_items", "fetched_at", "last_error", "failed_at")
FEED_REFRESH_EVERY = timedelta(minutes=30)
FEED_TIMEOUT_SECONDS = 10.0
FEED_MAX_BYTES = 2 * 1024 * 1024
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
)


def _check_manager(by: Member | None) -> None:
    if by is not None and not can_manage_network(by):
        raise PermissionDenied(_("Only the network's administrators can do this."))


@transaction.atomic
def save_sidebar_box(
    box: SidebarBox, *, by: Member | None = None, last: bool = False
) -> SidebarBox:
    """Saves a box (validated by its form); `last`: placed after the others. A feed box that
    is new or has a new address is fetched at once, by the task queue."""
    _check_manager(by)
    is_new = box.pk is None
    old_url = (
        ""
        if is_new
        else SidebarBox.objects.filter(pk=box.pk).values_list("feed_url", flat=True).first() or ""
    )
    if last:
        highest = SidebarBox.objects.exclude(pk=box.pk).aggregate(m=Max("position"))["m"]
        box.position = min(MAX_POSITION, 0 if highest is None else highest + 1)
    if box.is_feed:
        box.body_html = ""
        if box.feed_url != old_url:  # another feed: the old one's items are not its own
            box.feed_items, box.fetched_at, box.last_error, box.failed_at = [], None, "", None
    else:
        box.body_html = render_markdown(box.body)
    box.save()
    invalidate(*box.cache_tags())
    if box.is_feed and (is_new or box.feed_url != old_url):
        pk = box.pk
        transaction.on_commit(lambda: fetch_feed_box.enqueue(pk))
    return box


@transaction.atomic
def delete_sidebar_box(box: SidebarBox, *, by: Member | None = None, check: bool = True) -> None:
    """Deletes the box and logs who did (members.actionlog); `check=False`: the technical
    admin, whose own permissions let its staff in."""
    if check:
        _check_manager(by)
    invalidate(*box.cache_tags())
    record(by, "delete-sidebar-box", box)
    box.delete()


def _renumber(boxes: list[SidebarBox]) -> None:
    for position, box in enumerate(boxes):
        box.position = min(position, MAX_POSITION)
    SidebarBox.objects.bulk_update(boxes, ["position"])
    invalidate(SIDEBAR_TAG)


@transaction.atomic
def move_sidebar_box(box: SidebarBox, *, up: bool, by: Member | None = None) -> None:
    """Swaps the box with the one before (or after) it; the first stays first going up."""
    _check_manager(by)
    boxes = list(SidebarBox.objects.select_for_update().order_by("position", "id"))
    if swap_with_neighbour(boxes, box.pk, up=up):
        _renumber(boxes)


@transaction.atomic
def order_sidebar_boxes(ids: list[int], *, by: Member | None = None) -> None:
    """Puts the boxes in the order of `ids` (drag and drop sends them all); ids of boxes
    deleted meanwhile are passed over, boxes added meanwhile keep their order after the
    others. ValueError if an id comes twice."""
    _check_manager(by)
    if len(ids) != len(set(ids)):
        raise ValueError("The order names a box twice.")
    boxes = list(SidebarBox.objects.select_for_update().order_by("position", "id"))
    by_id = {b.pk: b for b in boxes}
    named = [by_id[pk] for pk in ids if pk in by_id]
    rest = [b for b in boxes if b.pk not in set(ids)]
    _renumber(named + rest)


def fetch_feed(box_id: int) -> SidebarBox | None:
    """Fetches a feed box's feed now (lib/fetch.py: its timeout, size limit and address rules)
    and keeps its items; when that fails, keeps the last good items and records why — in the
    network's language (LANGUAGE_CODE), whatever language the worker runs in, as the
    network's emails are written. Never called by a page: the task queue runs it
    (fetch_feed_box)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _fetch_feed(box_id)


def _fetch_feed(box_id: int) -> SidebarBox | None:
    box = SidebarBox.objects.filter(pk=box_id, kind=SidebarBox.Kind.FEED).first()
    if box is None or not box.feed_url:
        return None
    now = timezone.now()
    try:
        got = fetch(
            box.feed_url,
            timeout=FEED_TIMEOUT_SECONDS,
            max_bytes=FEED_MAX_BYTES,
            accept=FEED_ACCEPT,
        )
        try:
            items = parse_feed(
                got.body, url=got.url, content_type=got.headers.get("content-type", "")
            )
        except NotAFeed:
            raise
        except Exception as e:  # whatever else a hostile feed makes the parser do
            logger.exception("sidebar feed %s could not be parsed", box.pk)
            raise NotAFeed(_("The feed could not be read.")) from e
    except (FetchError, NotAFeed) as e:
        error = str(e)[:300]
        # Filtered on the address: a box given another feed meanwhile is not marked failed.
        SidebarBox.objects.filter(pk=box.pk, feed_url=box.feed_url).update(
            last_error=error, failed_at=now
        )
        logger.info("sidebar feed %s failed: %s", box.pk, error)
        box.last_error, box.failed_at = error, now
        return box
    with transaction.atomic():
        updated = SidebarBox.objects.filter(pk=box.pk, feed_url=box.feed_url).update(
            feed_items=items, fetched_at=now, last_error="", failed_at=None
        )
        if updated and items != box.feed_items:
            invalidate(*box.cache_tags())
    box.feed_items, box.fetched_at, box.last_error, box.failed_at = items, now, "", None
    return box


@task
def fetch_feed_box(box_id: int) -> None:
    fetch_feed(box_id)


@task
def refresh_feed_boxes() -> None:
    """The scheduler's job (every FEED_REFRESH_EVERY): one task per feed box, so a slow feed
    delays no other."""
    for pk in SidebarBox.objects.filter(kind=SidebarBox.Kind.FEED).values_list("pk", flat=True):
        fetch_feed_box.enqueue(pk)
