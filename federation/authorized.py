"""Authorized fetch: when the administrators choose it, our ActivityPub documents are served
only to requests signed by an account of another server (draft-cavage, as Mastodon signs its
GETs: `(request-target) host date`; or RFC 9421 covering `@method` and the address) whose key
we can read — so a blocked server, or someone
who is no server at all, cannot read them. The instance actor, WebFinger, host-meta and
NodeInfo stay open (a server must be able to read the key that signs our own fetches, and to
find an account at all). Our own fetches are signed by the instance actor whatever the choice
(transport.get_json)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import choices, ids, remote, rfc9421, rules, signatures


def _refused(status: int, reason: str) -> HttpResponse:
    response = HttpResponse(reason, status=status, content_type="text/plain")
    response["Vary"] = "Accept, Signature"
    return response


def refusal(request: HttpRequest) -> HttpResponse | None:
    """None when the request may read our documents, else the 401/403 to answer."""
    if not choices.authorized_fetch():
        return None
    headers = {name.lower(): value for name, value in request.headers.items()}
    headers.setdefault("host", request.get_host())
    verify: Callable[[str], None]
    try:
        if "signature-input" in headers:
            offered = rfc9421.parse(headers)
            rfc9421.check_covered_and_fresh(offered, with_body=False)
            key_id = offered.key_id
            target_uri = ids.base() + request.get_full_path()

            def verify(public_key_pem: str) -> None:
                rfc9421.verify(
                    offered,
                    method="GET",
                    target_uri=target_uri,
                    authority=ids.host(),
                    headers=headers,
                    body=None,
                    public_key_pem=public_key_pem,
                )

        else:
            header = headers.get("signature")
            if not header:
                return _refused(401, "this server answers signed requests only")
            signature = signatures.parse(header)
            signatures.check_date(headers.get("date"))
            key_id = signature.key_id
            path = request.get_full_path()

            def verify(public_key_pem: str) -> None:
                signatures.verify(
                    signature,
                    method="GET",
                    path=path,
                    headers=headers,
                    body=b"",
                    public_key_pem=public_key_pem,
                )

    except signatures.SignatureError as e:
        return _refused(401, str(e))
    actor_url = remote.actor_url_of_key(key_id)
    if not actor_url.startswith(("https://", "http://")):
        return _refused(401, "unreadable keyId")
    if rules.domain_blocked(ids.domain_of(actor_url)):
        return _refused(403, "server blocked")
    try:
        actor = remote.actor_at(actor_url)
    except remote.ActorError as e:
        return _refused(401, f"the actor cannot be read: {e}"[:200])
    for fresh in (False, True):
        if fresh:
            try:
                actor = remote.fetch_actor(actor_url)  # a rotated key
            except remote.ActorError as e:
                return _refused(401, f"the actor cannot be read: {e}"[:200])
        if actor.key_id != key_id:
            continue
        try:
            verify(actor.public_key)
        except signatures.SignatureError as e:
            if "replay" in str(e):
                return _refused(401, str(e))
            continue
        return None
    return _refused(401, "signature does not match")
