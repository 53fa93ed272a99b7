"""Talking to other servers: GETs through lib.fetch.fetch, POSTs (deliveries) through the
same guards.

lib.fetch has only GET today; `post` below is built from its own pieces (the checked
lookup, the connection to the checked address, the watchdog, the deadline), so a delivery
obeys exactly the rules a fetch does (no internal addresses, one timeout, no DNS rebinding).
The integration notes propose moving it into lib/fetch.py as `lib.fetch.post`.
"""

import json
from typing import Any

from django.conf import settings

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
    deadline = guarded._Deadline(timeout)
    target = guarded.parse_url(url)
    addresses = guarded._checked_addresses(target, deadline)
    sock = guarded._connect(target, addresses, deadline)
    watchdog = guarded._Watchdog(sock, deadline.left())
    connection = guarded._Connection(target, sock)
    try:
        try:
            connection.putrequest("POST", target.path, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", connection.host_header)
            for name, value in headers.items():
                if name.lower() != "host":
                    connection.putheader(name, value)
            connection.putheader("Content-Length", str(len(body)))
            connection.putheader("Accept-Encoding", "identity")
            connection.putheader("User-Agent", f"Anjuman (+{settings.POWERED_BY_URL})")
            connection.putheader("Connection", "close")
            connection.endheaders(body)
            sock.settimeout(deadline.left())
            response = connection.getresponse()
            response.read(64 * 1024)
            status = response.status
        except FetchError:
            raise
        except (OSError, ValueError) as e:
            if watchdog.fired or isinstance(e, TimeoutError):
                raise guarded.FetchTimeout(f"no answer within {timeout:g} seconds") from e
            raise guarded.ConnectError(f"the delivery broke off ({type(e).__name__})") from e
        except Exception as e:  # http.client's HTTPException family
            raise guarded.ConnectError(f"broken answer ({type(e).__name__})") from e
    finally:
        watchdog.cancel()
        connection.close()
        sock.close()
    if not 200 <= status < 300:
        raise guarded.BadStatus(f"the server answered HTTP {status}", status)
    return status
