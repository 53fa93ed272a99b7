"""Authorized fetch: when the administrators choose it, our ActivityPub documents are served
only to requests signed by an account of another server (draft-cavage, as Mastodon signs its
GETs: `(request-target) host date`) whose key we can read — so a blocked server, or someone
who is no server at all, cannot read them. The instance actor, WebFinger, host-meta and
NodeInfo stay open (a server must be able to read the key that signs our own fetches, and to
find an account at all). Our own fetches are signed by the instance actor whatever the choice
(transport.get_json)."""

from django.http import HttpRequest, HttpResponse

from . import choices, ids, remote, rules, signatures


def _refused(status: int, reason: str) -> HttpResponse:
    response = HttpResponse(reason, status=status, content_type="text/plain")
    response["Vary"] = "Accept, Signature"
    return response


def refusal(request: HttpRequest) -> HttpResponse | None:
    """None when the request may read our documents, else the 401/403 to answer."""
    if not choices.authorized_fetch():
        return None
    header = request.headers.get("Signature")
    if not header:
        return _refused(401, "this server answers signed requests only")
    try:
        signature = signatures.parse(header)
    except signatures.SignatureError as e:
        return _refused(401, str(e))
    actor_url = remote.actor_url_of_key(signature.key_id)
    if not actor_url.startswith(("https://", "http://")):
        return _refused(401, "unreadable keyId")
    if rules.domain_blocked(ids.domain_of(actor_url)):
        return _refused(403, "server blocked")
    headers = {name.lower(): value for name, value in request.headers.items()}
    headers.setdefault("host", request.get_host())
    try:
        signatures.check_date(headers.get("date"))
        actor = remote.actor_at(actor_url)
    except signatures.SignatureError as e:
        return _refused(401, str(e))
    except remote.ActorError as e:
        return _refused(401, f"the actor cannot be read: {e}"[:200])
    for fresh in (False, True):
        if fresh:
            try:
                actor = remote.fetch_actor(actor_url)  # a rotated key
            except remote.ActorError as e:
                return _refused(401, f"the actor cannot be read: {e}"[:200])
        if actor.key_id != signature.key_id:
            continue
        try:
            signatures.verify(
                signature,
                method="GET",
                path=request.get_full_path(),
                headers=headers,
                body=b"",
                public_key_pem=actor.public_key,
            )
        except signatures.SignatureError as e:
            if "replay" in str(e):
                return _refused(401, str(e))
            continue
        return None
    return _refused(401, "signature does not match")
