"""Members following accounts of other servers.

A member types a handle (`@name@server`); a row is written at once (LOOKING: "asked, waiting
for their server") and a task looks the handle up — WebFinger, then the actor document, both
through the guarded fetcher, never in the request — and sends the Follow (PENDING). The
account's server answers Accept (ACCEPTED) or Reject (REJECTED); a handle nobody answers for
is FAILED, with the reason. Unfollowing sends Undo{Follow} and forgets the row.

What followed accounts post publicly (or to their followers) arrives as Create{Note} or
Create{Article} and is kept as a RemoteNote (inbox.py); `stream` reads a member's page of it.
"""

import base64
import datetime as dt
import re
import uuid
from typing import Any
from urllib.parse import quote

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.tasks import task
from django.utils.translation import gettext as _

from lib import fetch as guarded
from lib.fetch import FetchError
from lib.tasks import enqueue_with_change
from members.models import Member

from . import delivery, ids, objects, permissions, remote, transport
from .keys import actor_for
from .models import Following, RemoteNote

MAX_FOLLOWING = 1000
STREAM_PAGE = 20
AP_TYPES = ("application/activity+json", "application/ld+json")
_USER = re.compile(r"^[A-Za-z0-9_.~-]{1,100}$")
_HOST = re.compile(r"^[a-z0-9.-]{1,253}(:[0-9]{1,5})?$")


def parse_handle(value: str) -> str:
    """`@name@server` (or `name@server`) as `name@server`, the server in lower case;
    ValidationError otherwise."""
    user, at, host = value.strip().lstrip("@").rpartition("@")
    user = user.lower()  # user names are case-insensitive (Mastodon), one row per account
    host = host.strip().lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        host = ""
    if not at or not _USER.match(user) or not _HOST.match(host) or "." not in host:
        raise ValidationError(_("Enter their address as @name@their.server."))
    if host == ids.host().lower():
        raise ValidationError(_("This is an address on this network: follow them here."))
    return f"{user}@{host}"


def ask(member: Member, handle: str, *, by: Member) -> Following:
    """`member` asks to follow `handle` (checked with parse_handle): the row now, the lookup
    and the Follow from a task."""
    if by.pk != member.pk or not permissions.can_change_own_federation(by):
        raise PermissionDenied(_("Only the member themselves can follow for themselves."))
    handle = parse_handle(handle)
    existing = Following.objects.filter(member=member, handle=handle).first()
    if existing is not None and existing.state not in (
        Following.State.FAILED,
        Following.State.REJECTED,
    ):
        return existing
    if Following.objects.filter(member=member).count() >= MAX_FOLLOWING:
        raise ValidationError(_("You follow as many accounts as anyone may here."))
    with transaction.atomic():
        if existing is not None:
            existing.delete()
        try:
            with transaction.atomic():
                row = Following.objects.create(member=member, handle=handle)
        except IntegrityError:
            return Following.objects.get(member=member, handle=handle)
        enqueue_with_change(look_up_task, row.pk)
    return row


def _scheme(host: str) -> str:
    # Tests' peers are plain http on 127.0.0.1 (lib.fetch's test allowance); real servers
    # speak https only.
    return "http" if host in guarded.allowed_hosts() else "https"


def actor_url_of(handle: str) -> str:
    """The actor address WebFinger gives for `name@server` (a FetchError or LookupError)."""
    user, _at, host = handle.partition("@")
    resource = quote(f"acct:{user}@{host}", safe=":@")
    url = f"{_scheme(host)}://{host}/.well-known/webfinger?resource={resource}"
    document: dict[str, Any] = transport.get_json(
        url, accept="application/jrd+json, application/json"
    )
    links = document.get("links")
    for link in links if isinstance(links, list) else []:
        if (
            isinstance(link, dict)
            and link.get("rel") == "self"
            and isinstance(link.get("href"), str)
            and str(link.get("type", "")).startswith(
                ("application/activity+json", "application/ld+json")
            )
        ):
            # Its actor may live on another host (Mastodon's WEB_DOMAIN: @name@example.org
            # served by social.example.org): the server of the address vouches for it.
            return str(link["href"])
    raise LookupError(_("Their server does not know this address."))


def look_up(row: Following) -> None:
    """The lookup and the Follow (a task: network calls, outside any transaction)."""
    if row.state != Following.State.LOOKING:
        return
    try:
        actor_url = actor_url_of(row.handle)
        found = remote.fetch_actor(actor_url)
    except (FetchError, LookupError, remote.ActorError) as e:
        Following.objects.filter(pk=row.pk).update(
            state=Following.State.FAILED, problem=str(e)[:300]
        )
        return
    ours = actor_for(row.member)
    actor_url_ours = ids.member_actor(row.member.handle)
    follow_id = f"{actor_url_ours}#follows/{row.pk}/{uuid.uuid4().hex}"
    activity = objects.follow(follow_id, actor_url_ours, found.url)
    with transaction.atomic():
        updated = Following.objects.filter(pk=row.pk, state=Following.State.LOOKING).update(
            remote=found, state=Following.State.PENDING, follow_id=follow_id, problem=""
        )
        if updated:
            delivery.queue(ours, activity, [found.delivery_inbox])


@task
def look_up_task(following_id: int) -> None:
    row = Following.objects.select_related("member").filter(pk=following_id).first()
    if row is not None:
        look_up(row)


def stop(row: Following, *, by: Member, leaving: bool = False) -> None:
    """Unfollow: Undo{Follow} to their server (if the Follow went), and the row gone.
    `leaving`: the member is leaving the network (members/removal), no longer a member."""
    if not leaving and not permissions.can_unfollow(by, row):
        raise PermissionDenied(_("You cannot change this."))
    with transaction.atomic():
        if (
            row.remote is not None
            and row.follow_id
            and row.state
            in (
                Following.State.PENDING,
                Following.State.ACCEPTED,
            )
        ):
            actor_url = ids.member_actor(row.member.handle)
            follow = objects.follow(row.follow_id, actor_url, row.remote.url)
            delivery.queue(
                actor_for(row.member), objects.undo(actor_url, follow), [row.remote.delivery_inbox]
            )
        row.delete()


def answered(remote_actor_pk: int, follow_id: str, object_actor: str, accepted: bool) -> int:
    """Their server's Accept or Reject of one of our Follows (its id, or its actor when the
    answer embeds the Follow without an id)."""
    rows = Following.objects.filter(
        remote_id=remote_actor_pk,
        state__in=[Following.State.PENDING, Following.State.ACCEPTED],
    )
    if follow_id:
        rows = rows.filter(follow_id=follow_id)
    else:
        handle = _handle_of_actor(object_actor)
        if handle is None:
            return 0
        rows = rows.filter(member__handle=handle)
    state = Following.State.ACCEPTED if accepted else Following.State.REJECTED
    return rows.update(state=state)


def _handle_of_actor(url: str) -> str | None:
    from .inbox import local_actor

    actor = local_actor(url)
    return actor.member.handle if actor is not None and actor.member is not None else None


def followed(remote_actor_pk: int) -> bool:
    return Following.objects.filter(
        remote_id=remote_actor_pk, state=Following.State.ACCEPTED
    ).exists()


def following_of(member: Member) -> QuerySet[Following]:
    return (
        Following.objects.filter(member=member)
        .select_related("remote")
        .order_by("-created_at", "-id")
    )


# --- The stream -------------------------------------------------------------------------------


def _cursor(note: RemoteNote) -> str:
    raw = f"{note.published.timestamp():.6f}:{note.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _read_cursor(value: str) -> tuple[dt.datetime, int] | None:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        stamp, pk = raw.split(":")
        return dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC), int(pk)
    except (ValueError, UnicodeDecodeError, OverflowError, OSError):
        return None


def stream(member: Member, before: str | None = None) -> tuple[list[RemoteNote], str | None]:
    """A page of what the accounts `member` follows posted, newest first, and the cursor of
    the next page (None: no more). Keyset pagination: as cheap on page 100 as on page 1."""
    notes = RemoteNote.objects.filter(
        author__followed_by__member=member,
        author__followed_by__state=Following.State.ACCEPTED,
    )
    if before:
        position = _read_cursor(before)
        if position is not None:
            when, pk = position
            notes = notes.filter(Q(published__lt=when) | Q(published=when, pk__lt=pk))
    rows = list(notes.select_related("author").order_by("-published", "-id")[: STREAM_PAGE + 1])
    more = len(rows) > STREAM_PAGE
    rows = rows[:STREAM_PAGE]
    return rows, (_cursor(rows[-1]) if more and rows else None)
