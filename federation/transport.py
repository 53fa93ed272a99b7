"""Talking to other servers: GETs through lib.fetch.fetch, POSTs (deliveries) through
lib.fetch.send — the same guards (no internal addresses, one timeout, no DNS rebinding)."""

import json
from typing import Any

from lib import fetch as guarded
from lib.fetch import FetchError

AP_ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
MAX_DOCUMENT = 256 * 1024
TIMEOUT = 10.0


class BadDocument(FetchError):
    """The answer is not an ActivityStreams JSON object."""


def _signed_by_instance(url: str) -> dict[str, str]:
    """Headers signing a GET of `url` as the instance actor."""
    from . import choices, ids, signatures

    actor = choices.instance_actor()
    headers = signatures.sign(
        "GET", url, key_id=ids.key_id(ids.instance_actor()), private_key_pem=actor.private_key
    )
    headers.pop("Host", None)  # lib.fetch writes it (the same value)
    return headers


def has_nul(value: object) -> bool:
    """Whether a parsed JSON document holds a NUL character anywhere (a key or a text): no
    ActivityStreams text has one, and PostgreSQL cannot store or even look one up."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_nul(v) for v in value)
    return False


def get_json(url: str, *, accept: str = AP_ACCEPT) -> dict[str, Any]:
    """A JSON document (an actor, a note, WebFinger's answer) from another server, always
    signed by the instance actor, as Mastodon signs its fetches: servers that answer only
    signed requests (Mastodon's "secure mode", GoToSocial, bovine, Akkoma with authorized
    fetch) refuse unsigned ones, whatever our own choice is."""
    found = guarded.fetch(
        url, timeout=TIMEOUT, max_bytes=MAX_DOCUMENT, accept=accept, headers=_signed_by_instance
    )
    try:
        document = json.loads(found.body)
    except (ValueError, UnicodeDecodeError) as e:
        raise BadDocument("the answer is not JSON") from e
    if not isinstance(document, dict):
        raise BadDocument("the answer is not a JSON object")
    if has_nul(document):
        raise BadDocument("the answer holds a NUL character")
    return document


def post(url: str, body: bytes, headers: dict[str, str], *, timeout: float = TIMEOUT) -> int:
    """POSTs `body` to `url` under lib.fetch's rules; the status (2xx) or a FetchError."""
    return guarded.send("POST", url, body=body, headers=headers, timeout=timeout).status
