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


def get_json(url: str) -> dict[str, Any]:
    """An ActivityPub document (an actor, a note) from another server."""
    found = guarded.fetch(url, timeout=TIMEOUT, max_bytes=MAX_DOCUMENT, accept=AP_ACCEPT)
    try:
        document = json.loads(found.body)
    except (ValueError, UnicodeDecodeError) as e:
        raise BadDocument("the answer is not JSON") from e
    if not isinstance(document, dict):
        raise BadDocument("the answer is not a JSON object")
    return document


def post(url: str, body: bytes, headers: dict[str, str], *, timeout: float = TIMEOUT) -> int:
    """POSTs `body` to `url` under lib.fetch's rules; the status (2xx) or a FetchError."""
    return guarded.send("POST", url, body=body, headers=headers, timeout=timeout).status
