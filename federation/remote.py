"""Accounts of other servers: their actor documents fetched through the guarded fetcher and
kept (RemoteActor), and the REMOTE Member each replies and likes as."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from lib.fetch import FetchError
from lib.text import clean_text
from members.models import Member, unique_handle

from . import ids, transport
from .models import RemoteActor

# A key and a name are read again after this long (a rotated key is read again at once: see
# inbox.verified_actor).
FRESH_FOR = dt.timedelta(days=1)
ACTOR_TYPES = {"Person", "Service", "Group", "Application", "Organization"}


class ActorError(Exception):
    """No usable actor at that address; str() says why."""


def _text(value: Any, limit: int) -> str:
    return clean_text(value, multiline=False)[:limit] if isinstance(value, str) else ""


def _url(value: Any) -> str:
    if isinstance(value, str):
        return value[:500]
    if isinstance(value, dict):
        return _url(value.get("url") or value.get("href") or value.get("id"))
    if isinstance(value, list) and value:
        return _url(value[0])
    return ""


def _read(url: str, document: dict[str, Any]) -> dict[str, Any]:
    kind = document.get("type")
    if kind not in ACTOR_TYPES:
        raise ActorError("not an actor")
    actor_id = document.get("id")
    if not isinstance(actor_id, str) or actor_id != url:
        raise ActorError("the actor's id is not the address it was fetched from")
    key = document.get("publicKey")
    if isinstance(key, list):
        key = key[0] if key else None
    if not isinstance(key, dict) or not isinstance(key.get("publicKeyPem"), str):
        raise ActorError("the actor has no public key")
    if key.get("owner", url) != url or not isinstance(key.get("id"), str):
        raise ActorError("the actor's key belongs to someone else")
    inbox = document.get("inbox")
    if not isinstance(inbox, str) or ids.domain_of(inbox) != ids.domain_of(url):
        raise ActorError("the actor's inbox is on another server")
    endpoints = document.get("endpoints")
    shared = endpoints.get("sharedInbox") if isinstance(endpoints, dict) else None
    if not isinstance(shared, str) or ids.domain_of(shared) != ids.domain_of(url):
        shared = ""
    return {
        "domain": ids.domain_of(url),
        "inbox": inbox[:500],
        "shared_inbox": shared[:500],
        "key_id": key["id"][:500],
        "public_key": key["publicKeyPem"][:10_000],
        "preferred_username": _text(document.get("preferredUsername"), 100),
        "name": _text(document.get("name"), 200),
        "icon": _url(document.get("icon")),
        "profile_url": _url(document.get("url")) or url,
        "fetched_at": timezone.now(),
    }


def fetch_actor(url: str) -> RemoteActor:
    """The actor at `url`, fetched now (outside any transaction: a network call)."""
    try:
        document = transport.get_json(url)
    except FetchError as e:
        raise ActorError(str(e)) from e
    fields = _read(url, document)
    with transaction.atomic():
        actor, _made = RemoteActor.objects.update_or_create(url=url, defaults=fields)
        _member_of(actor)
    return actor


def actor_at(url: str, *, refresh: bool = False) -> RemoteActor:
    """The actor at `url`, from what we keep while it is fresh, else fetched."""
    found = RemoteActor.objects.filter(url=url).first()
    if found is not None and not refresh and found.fetched_at > timezone.now() - FRESH_FOR:
        return found
    return fetch_actor(url)


def actor_url_of_key(key_id: str) -> str:
    """Mastodon's key ids are the actor's address with a fragment (#main-key)."""
    return key_id.split("#", 1)[0]


def _member_of(actor: RemoteActor) -> Member:
    """The REMOTE Member that writes this actor's replies and likes (kept in step with its
    name)."""
    name = actor.name or actor.preferred_username or actor.domain
    if actor.member_id is not None:
        Member.objects.filter(pk=actor.member_id).update(display_name=name[:80])
        return Member.objects.get(pk=actor.member_id)
    existing = Member.objects.filter(source=actor.domain, source_id=actor.url).first()
    if existing is None:
        base = f"{actor.preferred_username or 'someone'}-{actor.domain}"
        for _attempt in range(3):
            try:
                with transaction.atomic():
                    existing = Member.objects.create(
                        email=None,
                        display_name=name[:80],
                        handle=unique_handle(base),
                        origin=Member.Origin.REMOTE,
                        source=actor.domain,
                        source_id=actor.url,
                        email_confirmed=False,
                    )
                    existing.set_unusable_password()
                    existing.save(update_fields=["password"])
                break
            except IntegrityError:
                existing = Member.objects.filter(source=actor.domain, source_id=actor.url).first()
                if existing is not None:
                    break
    if existing is None:
        raise ActorError("could not record the account")
    actor.member = existing
    actor.save(update_fields=["member"])
    return existing


def member_of(actor: RemoteActor) -> Member:
    if actor.member_id is not None and actor.member is not None:
        return actor.member
    return _member_of(actor)
