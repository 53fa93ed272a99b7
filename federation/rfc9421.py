"""HTTP Message Signatures (RFC 9421) on incoming deliveries, where a server offers them
(`Signature-Input` and `Signature`), beside draft-cavage (signatures.py).

Written here on `cryptography` (a hundred lines, like the cavage one) rather than with the
http-message-signatures package: the rules that matter at our border — what must be covered,
the Content-Digest, the time window, replays, the key's owner — are ours either way, and the
package would bring its own request model and key resolver to adapt to Django's.

Accepted: `rsa-v1_5-sha256` (RSA keys, as the fediverse's actors have) and `ed25519`
(an actor whose `publicKeyPem` is an Ed25519 key); without `alg`, the key's type decides.
The signature must cover `@method`, the address (`@target-uri`, or `@authority` and `@path`)
and `content-digest`; `created` must be within signatures.MAX_AGE behind and MAX_AHEAD ahead;
`expires`, if given, not passed; a signature is accepted once (replays refused). The
`Content-Digest` (sha-256 or sha-512) must be the body's. Of several signatures offered, the
first one with a keyid is checked.
"""

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa
from django.utils import timezone

from .signatures import MAX_AGE, MAX_AHEAD, SignatureError, not_replayed

ALGORITHMS = ("rsa-v1_5-sha256", "ed25519")
_TOKEN = re.compile(r"[A-Za-z*][A-Za-z0-9_.*:/%!#$&'+^`|~-]*")
_KEY = re.compile(r"[a-z*][a-z0-9_.*-]*")
_INT = re.compile(r"-?[0-9]{1,15}")


@dataclass(frozen=True)
class Offered:
    label: str
    components: list[str]
    params: dict[str, str | int | bool]
    params_text: str  # the inner list and its parameters, as sent (the base's last line)
    signature: bytes

    @property
    def key_id(self) -> str:
        value = self.params.get("keyid")
        return value if isinstance(value, str) else ""


def _members(header: str) -> list[tuple[str, str]]:
    """A structured-field Dictionary's members as (key, raw value), split at top-level
    commas (outside quotes and parentheses)."""
    found: list[tuple[str, str]] = []
    depth, quoted, escaped, start = 0, False, False, 0
    parts: list[str] = []
    for i, c in enumerate(header):
        if quoted:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(header[start:i])
            start = i + 1
    if quoted or depth:
        raise SignatureError("malformed Signature-Input")
    parts.append(header[start:])
    for part in parts:
        key, eq, value = part.strip().partition("=")
        if not eq or not _KEY.fullmatch(key):
            raise SignatureError("malformed signature header")
        found.append((key, value))
    return found


def _string(text: str, at: int) -> tuple[str, int]:
    """A quoted string starting at text[at] == '"'; its value and the index after it."""
    out: list[str] = []
    i = at + 1
    while i < len(text):
        c = text[i]
        if c == "\\":
            if i + 1 >= len(text) or text[i + 1] not in '"\\':
                raise SignatureError("malformed string")
            out.append(text[i + 1])
            i += 2
            continue
        if c == '"':
            return "".join(out), i + 1
        if not 0x20 <= ord(c) < 0x7F:
            raise SignatureError("malformed string")
        out.append(c)
        i += 1
    raise SignatureError("malformed string")


def _params(text: str, at: int) -> tuple[dict[str, str | int | bool], int]:
    params: dict[str, str | int | bool] = {}
    i = at
    while i < len(text) and text[i] == ";":
        i += 1
        key_match = _KEY.match(text, i)
        if key_match is None:
            raise SignatureError("malformed parameter")
        key = key_match.group(0)
        i = key_match.end()
        value: str | int | bool = True
        if i < len(text) and text[i] == "=":
            i += 1
            if i < len(text) and text[i] == '"':
                value, i = _string(text, i)
            elif (number := _INT.match(text, i)) is not None:
                value, i = int(number.group(0)), number.end()
            elif (token := _TOKEN.match(text, i)) is not None:
                value, i = token.group(0), token.end()
            elif text.startswith(("?0", "?1"), i):
                value, i = text[i + 1] == "1", i + 2
            else:
                raise SignatureError("malformed parameter")
        params[key] = value
    return params, i


def _inner_list(text: str) -> tuple[list[str], dict[str, str | int | bool]]:
    text = text.strip()
    if not text.startswith("("):
        raise SignatureError("malformed Signature-Input")
    components: list[str] = []
    i = 1
    while True:
        while i < len(text) and text[i] == " ":
            i += 1
        if i < len(text) and text[i] == ")":
            i += 1
            break
        if i >= len(text) or text[i] != '"':
            raise SignatureError("malformed Signature-Input")
        name, i = _string(text, i)
        if i < len(text) and text[i] == ";":
            raise SignatureError("component parameters are not supported")
        components.append(name)
    params, i = _params(text, i)
    if i != len(text):
        raise SignatureError("malformed Signature-Input")
    return components, params


def parse(headers: Mapping[str, str]) -> Offered:
    """The first signature offered with a keyid (headers' names in lower case)."""
    inputs = _members(headers.get("signature-input", ""))
    signatures: dict[str, str] = dict(_members(headers.get("signature", "")))
    for label, raw in inputs:
        components, params = _inner_list(raw)
        if not isinstance(params.get("keyid"), str) or label not in signatures:
            continue
        value = signatures[label].strip()
        if not (len(value) >= 2 and value[0] == ":" and value[-1] == ":"):
            raise SignatureError("malformed Signature")
        try:
            raw_signature = base64.b64decode(value[1:-1], validate=True)
        except ValueError as e:
            raise SignatureError("signature is not base64") from e
        return Offered(label, components, params, raw.strip(), raw_signature)
    raise SignatureError("no signature with a keyid")


def check_covered_and_fresh(
    offered: Offered, now: dt.datetime | None = None, *, with_body: bool = True
) -> None:
    """What must be covered (`content-digest` only for a request with a body), the time."""
    covered = set(offered.components)
    if "@method" not in covered:
        raise SignatureError("these must be signed: @method")
    if "@target-uri" not in covered and not {"@authority", "@path"} <= covered:
        raise SignatureError("these must be signed: @target-uri")
    if with_body and "content-digest" not in covered:
        raise SignatureError("these must be signed: content-digest")
    algorithm = offered.params.get("alg")
    if algorithm is not None and algorithm not in ALGORITHMS:
        raise SignatureError(f"unsupported algorithm {str(algorithm)[:20]}")
    created = offered.params.get("created")
    if not isinstance(created, int) or isinstance(created, bool):
        raise SignatureError("the signature has no creation time")
    now = now or timezone.now()
    # Compared as numbers: a created of any size is a refusal, not an overflow.
    if created < (now - MAX_AGE).timestamp():
        raise SignatureError("request too old (created)")
    if created > (now + MAX_AHEAD).timestamp():
        raise SignatureError("request dated in the future")
    expires = offered.params.get("expires")
    if isinstance(expires, int) and not isinstance(expires, bool) and expires < now.timestamp():
        raise SignatureError("the signature has expired")


def check_digest(header: str | None, body: bytes) -> None:
    """`Content-Digest` (RFC 9530) must hold the body's sha-256 or sha-512."""
    if not header:
        raise SignatureError("no Content-Digest")
    for algorithm, value in _members(header):
        value = value.strip()
        if algorithm not in ("sha-256", "sha-512") or not value.startswith(":"):
            continue
        try:
            given = base64.b64decode(value.strip(":"), validate=True)
        except ValueError as e:
            raise SignatureError("Content-Digest is not base64") from e
        ours = (hashlib.sha256 if algorithm == "sha-256" else hashlib.sha512)(body).digest()
        if given != ours:
            raise SignatureError("Content-Digest does not match the body")
        return
    raise SignatureError("Content-Digest has no sha-256 or sha-512")


def signature_base(
    offered: Offered, *, method: str, target_uri: str, authority: str, headers: Mapping[str, str]
) -> bytes:
    path, _q, query = target_uri.split("://", 1)[-1].partition("/")[2].partition("?")
    derived = {
        "@method": method.upper(),
        "@target-uri": target_uri,
        "@authority": authority.lower(),
        "@scheme": target_uri.split("://", 1)[0].lower(),
        "@path": "/" + path,
        "@query": "?" + query,
        "@request-target": "/" + path + (f"?{query}" if query else ""),
    }
    lines = []
    for name in offered.components:
        if name.startswith("@"):
            if name not in derived:
                raise SignatureError(f"unsupported component {name[:30]}")
            value = derived[name]
        else:
            found = headers.get(name)
            if found is None:
                raise SignatureError(f"signed header missing: {name[:40]}")
            value = found.strip()
        lines.append(f'"{name}": {value}')
    lines.append(f'"@signature-params": {offered.params_text}')
    return "\n".join(lines).encode()


def verify(
    offered: Offered,
    *,
    method: str,
    target_uri: str,
    authority: str,
    headers: Mapping[str, str],
    body: bytes | None,
    public_key_pem: str,
) -> None:
    """Raises SignatureError unless `offered` is the key's signature over this request
    (`body` None: a GET, no Content-Digest needed)."""
    check_covered_and_fresh(offered, with_body=body is not None)
    if body is not None:
        check_digest(headers.get("content-digest"), body)
    base = signature_base(
        offered, method=method, target_uri=target_uri, authority=authority, headers=headers
    )
    try:
        key = serialization.load_pem_public_key(public_key_pem.encode())
    except ValueError as e:
        raise SignatureError("the actor's public key is unreadable") from e
    algorithm = offered.params.get("alg")
    try:
        if isinstance(key, rsa.RSAPublicKey) and algorithm in (None, "rsa-v1_5-sha256"):
            key.verify(offered.signature, base, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ed25519.Ed25519PublicKey) and algorithm in (None, "ed25519"):
            key.verify(offered.signature, base)
        else:
            raise SignatureError("the key does not fit the algorithm")
    except InvalidSignature as e:
        raise SignatureError("signature does not match") from e
    not_replayed(offered.signature)
