"""HTTP Signatures as Mastodon speaks them (draft-cavage-http-signatures, rsa-sha256).

Written here on `cryptography` rather than taken from a package (docs: /tmp integration notes,
"library choice"): the maintained Python packages implement RFC 9421 only
(http-message-signatures, requests-http-signature), which most of the fediverse neither sends
nor accepts yet; the cavage ones (httpsig, its fork pyhttpsig) bring a second crypto library
(pycryptodome) and cover only the string to sign — the rules that matter at the border (which
headers must be signed, the Digest, the Date window, replays, who owns the key) are ours
whichever we chose. The string to sign is a few lines.

Outgoing: `(request-target) host date digest content-type` for a POST, `(request-target) host
date` for a GET. Incoming: the same names must be covered, the Digest must be the body's, the
Date within MAX_AGE behind and MAX_AHEAD ahead of our clock, and a signature seen once is
refused the second time within that window (a replay).
"""

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from django.core.cache import cache
from django.utils import timezone

# How old a signed request may be, and how far ahead of our clock: Mastodon re-signs every
# retry, so a request is signed seconds before it is sent; an hour covers slow queues and
# drifting clocks, and bounds how long a captured request could be replayed (never: see
# not_replayed) or kept for later.
MAX_AGE = dt.timedelta(hours=1)
MAX_AHEAD = dt.timedelta(minutes=5)
POST_HEADERS = ("(request-target)", "host", "date", "digest")
GET_HEADERS = ("(request-target)", "host", "date")


class SignatureError(Exception):
    """The request is not signed as it must be; str() is the short reason sent back (401)."""


def digest(body: bytes) -> str:
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def _signing_string(names: list[str], method: str, path: str, headers: Mapping[str, str]) -> str:
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append(f"(request-target): {method.lower()} {path}")
        else:
            value = headers.get(name)
            if value is None:
                raise SignatureError(f"signed header missing: {name}")
            lines.append(f"{name}: {value.strip()}")
    return "\n".join(lines)


def sign(
    method: str,
    url: str,
    *,
    key_id: str,
    private_key_pem: str,
    body: bytes | None = None,
    content_type: str = "application/activity+json",
    now: dt.datetime | None = None,
) -> dict[str, str]:
    """The headers that sign a request to `url` (Host, Date, Digest, Content-Type, Signature)."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {
        "host": parts.netloc,
        "date": format_datetime((now or timezone.now()).astimezone(dt.UTC), usegmt=True),
    }
    names = list(GET_HEADERS)
    if body is not None:
        headers["digest"] = digest(body)
        headers["content-type"] = content_type
        names = [*POST_HEADERS, "content-type"]
    key = serialization.load_pem_private_key(private_key_pem.encode(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("only RSA keys sign")
    text = _signing_string(names, method, path, headers)
    signature = base64.b64encode(
        key.sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())
    ).decode()
    headers["signature"] = (
        f'keyId="{key_id}",algorithm="rsa-sha256",headers="{" ".join(names)}",'
        f'signature="{signature}"'
    )
    return {
        name.title() if name != "digest" else "Digest": value for name, value in headers.items()
    }


_PARAM = re.compile(r'\s*([a-zA-Z]+)\s*=\s*"([^"]*)"\s*(?:,|$)')


@dataclass(frozen=True)
class Signature:
    key_id: str
    algorithm: str
    headers: list[str]
    signature: bytes


def parse(header: str) -> Signature:
    params: dict[str, str] = {}
    position = 0
    header = header.strip()
    while position < len(header):
        match = _PARAM.match(header, position)
        if match is None:
            raise SignatureError("malformed Signature header")
        params[match.group(1).lower()] = match.group(2)
        position = match.end()
    if "keyid" not in params or "signature" not in params:
        raise SignatureError("Signature header without keyId or signature")
    algorithm = params.get("algorithm", "hs2019").lower()
    if algorithm not in ("rsa-sha256", "hs2019"):
        raise SignatureError(f"unsupported algorithm {algorithm[:20]}")
    try:
        raw = base64.b64decode(params["signature"], validate=True)
    except ValueError as e:
        raise SignatureError("signature is not base64") from e
    names = params.get("headers", "date").lower().split()
    return Signature(params["keyid"], algorithm, names, raw)


def check_date(value: str | None, now: dt.datetime | None = None) -> None:
    if not value:
        raise SignatureError("no Date header")
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError) as e:
        raise SignatureError("unreadable Date header") from e
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or timezone.now()
    if when < now - MAX_AGE:
        raise SignatureError("request too old (Date)")
    if when > now + MAX_AHEAD:
        raise SignatureError("request dated in the future")


def not_replayed(signature: bytes) -> None:
    key = "federation:seen-signature:" + hashlib.sha256(signature).hexdigest()
    if not cache.add(key, 1, timeout=int((MAX_AGE + MAX_AHEAD).total_seconds())):
        raise SignatureError("signature already used (replay)")


def verify(
    signature: Signature,
    *,
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    public_key_pem: str,
) -> None:
    """Raises SignatureError unless `signature` is the key's over this request (names in
    `headers` lower-case). Checks what must be covered, the Date and the Digest first."""
    required = POST_HEADERS if method.upper() == "POST" else GET_HEADERS
    missing = [name for name in required if name not in signature.headers]
    if missing:
        raise SignatureError(f"these must be signed: {' '.join(missing)}")
    check_date(headers.get("date"))
    if method.upper() == "POST":
        sent = headers.get("digest", "")
        ours = digest(body)
        given = {
            part.split("=", 1)[0].strip().lower(): part.strip()
            for part in sent.split(",")
            if "=" in part
        }
        if given.get("sha-256", "").split("=", 1)[-1] != ours.split("=", 1)[1]:
            raise SignatureError("Digest does not match the body")
    try:
        key = serialization.load_pem_public_key(public_key_pem.encode())
    except ValueError as e:
        raise SignatureError("the actor's public key is unreadable") from e
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureError("only RSA keys are accepted")
    text = _signing_string(signature.headers, method, path, headers)
    try:
        key.verify(signature.signature, text.encode(), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as e:
        raise SignatureError("signature does not match") from e
    not_replayed(signature.signature)
