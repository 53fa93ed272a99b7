"""What other servers send us: checked at the door (size, JSON, blocked server, signature,
key owner = actor), then acted on by type. Unknown types are accepted (202) and ignored.

- Follow of a member or the network blog → a Follower and an Accept delivered (queued);
  refused silently (no follower, no Accept) when the member blocked the account.
- Undo{Follow} → the follower gone.
- Like / Undo{Like} of a post → a Like row of the account's REMOTE member (one per account,
  as members' likes: the count and "liked by" read the same rows).
- Create{Note} replying to a post (or to a comment under one) → a comment waiting in the
  moderation queue: only members may comment here, so a reply from elsewhere shows only once
  a moderator approves it.
  Or, when the administrators chose it and the comment rule lets comments show without a
  moderator, a RemoteNote shown under the post in "Replies from elsewhere".
- Create{Note} or Create{Article} of an account a member follows, public or to its followers
  → a RemoteNote in the member's "Following" stream (sanitised HTML, size-limited).
- Accept / Reject of a member's Follow → following, or refused.
- Delete of such a note by its author → the comment (or kept note) deleted; Delete of the
  actor itself → its follows gone.
"""

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils import timezone

from blogs.models import Post
from comments import services as comment_services
from comments.models import MAX_COMMENT_CHARS, Comment
from comments.registry import for_target
from lib import events
from lib.cachetags import invalidate
from lib.markup import html_to_text, render_plain_text, sanitize_html
from lib.text import clean_text
from likes import buttons as like_buttons
from likes import registry as like_registry
from likes.models import Like, LikeCount
from members.models import Member

from . import (
    choices,
    delivery,
    following,
    ids,
    objects,
    remote,
    rfc9421,
    rules,
    signatures,
    transport,
)
from .keys import actor_for
from .models import Follower, Following, LocalActor, RemoteActor, RemoteNote, Server
from .tags import followers_tag, replies_tag

# A kept note's HTML (before sanitising) and title at most this long; longer ones are dropped.
MAX_NOTE_HTML = 50_000
MAX_NOTE_NAME = 300

logger = logging.getLogger("anjuman.federation")

MAX_BODY = 256 * 1024


class Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Incoming:
    activity: dict[str, Any]
    actor: RemoteActor


def _id_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return str(value["id"])
    return ""


def read(request: HttpRequest) -> Incoming:
    """The checked activity of an inbox POST, or Refused (status, short reason)."""
    length = request.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_BODY:
        raise Refused(413, "body too large")
    body = request.body
    if len(body) > MAX_BODY:
        raise Refused(413, "body too large")
    try:
        activity = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise Refused(400, "body is not JSON") from e
    if not isinstance(activity, dict) or not isinstance(activity.get("type"), str):
        raise Refused(400, "not an activity")
    if transport.has_nul(activity):
        raise Refused(400, "a NUL character in the activity")
    actor_url = _id_of(activity.get("actor"))
    if not actor_url.startswith(("https://", "http://")):
        raise Refused(400, "activity without an actor")
    domain = ids.domain_of(actor_url)
    if rules.domain_blocked(domain):
        raise Refused(403, "server blocked")
    headers = {name.lower(): value for name, value in request.headers.items()}
    headers.setdefault("host", request.get_host())  # a WSGI server may pass it as SERVER_NAME only
    check = _rfc9421_check if "signature-input" in headers else _cavage_check
    key_id, verify = check(request, headers, body)
    if remote.actor_url_of_key(key_id) != actor_url:
        raise Refused(401, "the key's owner is not the activity's actor")
    try:
        actor = remote.actor_at(actor_url)
    except remote.ActorError as e:
        raise Refused(401, f"the actor cannot be read: {e}"[:200]) from e
    problem = "signature does not match"
    for fresh in (False, True):
        if fresh:
            try:
                actor = remote.fetch_actor(actor_url)  # the key may have changed
            except remote.ActorError as e:
                raise Refused(401, f"the actor cannot be read: {e}"[:200]) from e
        if actor.key_id != key_id:
            problem = "the key is not the actor's"
            continue
        try:
            verify(actor.public_key)
        except signatures.SignatureError as e:
            problem = str(e)
            if "Digest" in problem or "replay" in problem:
                break
            continue
        Server.objects.filter(domain=domain).exclude(dead_at=None).update(dead_at=None, failures=0)
        return Incoming(activity, actor)
    raise Refused(401, problem)


Verifier = Callable[[str], None]  # raises SignatureError unless signed by that public key


def _cavage_check(
    request: HttpRequest, headers: dict[str, str], body: bytes
) -> tuple[str, Verifier]:
    """draft-cavage (Mastodon's): the key id, and the check to run with the actor's key.
    Date, Digest and what is covered first: nothing fetched for a stale or broken request."""
    header = headers.get("signature")
    if not header:
        raise Refused(401, "not signed")
    try:
        signature = signatures.parse(header)
        signatures.check_date(headers.get("date"))
        if "digest" not in signature.headers:
            raise signatures.SignatureError("the Digest must be signed")
    except signatures.SignatureError as e:
        raise Refused(401, str(e)) from e
    path = request.get_full_path()

    def verify(public_key_pem: str) -> None:
        signatures.verify(
            signature,
            method=request.method or "POST",
            path=path,
            headers=headers,
            body=body,
            public_key_pem=public_key_pem,
        )

    return signature.key_id, verify


def _rfc9421_check(
    request: HttpRequest, headers: dict[str, str], body: bytes
) -> tuple[str, Verifier]:
    """RFC 9421, where offered: the same order (what is covered, the time, the digest before
    any fetch)."""
    try:
        offered = rfc9421.parse(headers)
        rfc9421.check_covered_and_fresh(offered)
        rfc9421.check_digest(headers.get("content-digest"), body)
    except signatures.SignatureError as e:
        raise Refused(401, str(e)) from e
    # Our address as the sender wrote it: SITE_URL's scheme and host (behind the proxy the
    # request's own may differ), the path and query as received.
    target_uri = ids.base() + request.get_full_path()

    def verify(public_key_pem: str) -> None:
        rfc9421.verify(
            offered,
            method=request.method or "POST",
            target_uri=target_uri,
            authority=ids.host(),
            headers=headers,
            body=body,
            public_key_pem=public_key_pem,
        )

    return offered.key_id, verify


# --- Our things, from their ids ---------------------------------------------------------------


def local_path(url: str) -> str | None:
    """The path of one of our addresses (None for another server's)."""
    ours = urlsplit(ids.base())
    try:
        theirs = urlsplit(url)
    except ValueError:
        return None
    if (theirs.scheme, theirs.netloc) != (ours.scheme, ours.netloc):
        return None
    return theirs.path or "/"


def local_actor(url: str) -> LocalActor | None:
    """Our actor at `url`, if it federates."""
    path = local_path(url)
    if path is None:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name == "blogs:list":
        return actor_for(None)
    if match.view_name == "members:profile":
        member = Member.objects.listed().filter(handle=match.kwargs["handle"]).first()
        if member is not None and rules.member_federates(member):
            return actor_for(member)
    return None


def local_post(url: str) -> Post | None:
    path = local_path(url)
    if path is None:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name not in ("blogs:post_short", "blogs:post"):
        return None
    post = Post.objects.select_related("author").filter(pk=match.kwargs["pk"]).first()
    return post if post is not None and rules.post_federates(post) else None


def _replied_to(url: str) -> tuple[Post, Comment | None] | None:
    """The post a reply to `url` goes under, and the comment it answers (ours or a remote
    one we keep)."""
    post = local_post(url)
    if post is not None:
        return post, None
    path = local_path(url)
    comment: Comment | None = None
    if path is not None:
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.view_name == "federation:comment":
            comment = Comment.objects.filter(pk=match.kwargs["pk"]).first()
    else:
        comment = Comment.objects.filter(source=ids.domain_of(url), source_id=url).first()
    if comment is None or comment.content_type != ContentType.objects.get_for_model(Post):
        return None
    post = Post.objects.select_related("author").filter(pk=comment.object_id).first()
    if post is None or not rules.post_federates(post):
        return None
    return post, comment


# --- Acting on them ---------------------------------------------------------------------------


def handle(incoming: Incoming) -> None:
    kind = incoming.activity["type"]
    handler = _HANDLERS.get(kind)
    if handler is not None:
        handler(incoming)


def _follow(incoming: Incoming) -> None:
    activity = incoming.activity
    target = local_actor(_id_of(activity.get("object")))
    if target is None:
        return
    if target.member is not None and rules.blocked_by(target.member, incoming.actor):
        return
    with transaction.atomic():
        Follower.objects.update_or_create(
            actor=target,
            remote=incoming.actor,
            defaults={"follow_id": _id_of(activity)[:500]},
        )
        actor_url = (
            ids.network_actor() if target.member is None else ids.member_actor(target.member.handle)
        )
        delivery.queue(target, objects.accept(actor_url, activity), [incoming.actor.delivery_inbox])
        invalidate(followers_tag(target.member_id))


def _undo(incoming: Incoming) -> None:
    undone = incoming.activity.get("object")
    kind = undone.get("type") if isinstance(undone, dict) else None
    undone_id = _id_of(undone)
    if kind == "Follow" or (kind is None and Follower.objects.filter(follow_id=undone_id).exists()):
        followed = local_actor(_id_of(undone.get("object"))) if isinstance(undone, dict) else None
        rows = Follower.objects.filter(remote=incoming.actor)
        if followed is not None:
            rows = rows.filter(actor=followed)
        elif undone_id:
            rows = rows.filter(follow_id=undone_id)
        for member_pk in set(rows.values_list("actor__member_id", flat=True)):
            invalidate(followers_tag(member_pk))
        rows.delete()
    elif kind == "Like" or kind is None:
        _unlike(incoming, undone_id)


def _like(incoming: Incoming) -> None:
    post = local_post(_id_of(incoming.activity.get("object")))
    if post is None or rules.blocked_by(post.author, incoming.actor):
        return
    member = remote.member_of(incoming.actor)
    content_type = ContentType.objects.get_for_model(Post)
    with transaction.atomic():
        try:
            with transaction.atomic():
                Like.objects.create(
                    member=member,
                    content_type=content_type,
                    object_id=post.pk,
                    source=incoming.actor.domain,
                    source_id=_id_of(incoming.activity)[:500]
                    or f"{incoming.actor.url}#like-{post.pk}",
                )
        except IntegrityError:
            return  # liked already
        LikeCount.objects.bulk_create(
            [LikeCount(content_type=content_type, object_id=post.pk, count=0)],
            ignore_conflicts=True,
        )
        LikeCount.objects.filter(content_type=content_type, object_id=post.pk).update(
            count=F("count") + 1
        )
        invalidate(
            *like_registry.for_target(post).count_tags(post), like_buttons.liker_tag(member.pk)
        )
        # The post's author hears of it as of a member's like (notifications name the
        # account and its server).
        events.publish("likes.added", actor=member, target=post)


def _unlike(incoming: Incoming, like_id: str) -> None:
    if incoming.actor.member_id is None:
        return
    likes = Like.objects.filter(member_id=incoming.actor.member_id)
    undone = incoming.activity.get("object")
    liked = local_post(_id_of(undone.get("object"))) if isinstance(undone, dict) else None
    if liked is not None:
        likes = likes.filter(
            content_type=ContentType.objects.get_for_model(Post), object_id=liked.pk
        )
    elif like_id:
        likes = likes.filter(source_id=like_id)
    else:
        return
    with transaction.atomic():
        gone = list(likes.select_for_update())
        for like in gone:
            like.delete()
            LikeCount.objects.filter(
                content_type_id=like.content_type_id, object_id=like.object_id, count__gt=0
            ).update(count=F("count") - 1)
            post = Post.objects.filter(pk=like.object_id).first()
            if post is not None:
                invalidate(
                    *like_registry.for_target(post).count_tags(post),
                    like_buttons.liker_tag(like.member_id),
                )


def _text_of(note: dict[str, Any]) -> str:
    content = note.get("content")
    text = html_to_text(content) if isinstance(content, str) else ""
    text = clean_text(text, multiline=True).strip()
    if len(text) > MAX_COMMENT_CHARS:
        text = text[: MAX_COMMENT_CHARS - 1] + "…"
    return text


def _addressed_to_followers_or_public(item: dict[str, Any], actor: RemoteActor) -> bool:
    to: list[Any] = []
    for field in ("to", "cc"):
        value = item.get(field)
        to.extend(value if isinstance(value, list) else [value])
    names = [_id_of(v) for v in to]
    return any(n in (ids.PUBLIC, "as:Public", "Public") or n.endswith("/followers") for n in names)


def _published(value: Any) -> dt.datetime:
    now = timezone.now()
    if isinstance(value, str):
        try:
            found = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return now
        if found.tzinfo is None:
            found = found.replace(tzinfo=dt.UTC)
        return min(found, now)
    return now


def _keep_note(incoming: Incoming, note: dict[str, Any], reply_to: Post | None) -> None:
    """A RemoteNote of the actor's note (sanitised), once."""
    content = note.get("content")
    if not isinstance(content, str) or len(content) > MAX_NOTE_HTML:
        return
    html = sanitize_html(content).strip()
    if not html:
        return
    name = note.get("name")
    note_id = _id_of(note)[:500]
    url = note.get("url")
    url = _id_of(url) or (
        str(url[0]) if isinstance(url, list) and url and isinstance(url[0], str) else ""
    )
    if not url.startswith(("https://", "http://")):
        url = note_id if note_id.startswith(("https://", "http://")) else ""
    with transaction.atomic():
        _row, made = RemoteNote.objects.get_or_create(
            object_id=note_id,
            defaults={
                "author": incoming.actor,
                "url": url[:500],
                "name": clean_text(name, multiline=False)[:MAX_NOTE_NAME]
                if isinstance(name, str)
                else "",
                "content_html": html,
                "published": _published(note.get("published")),
                "reply_to": reply_to,
            },
        )
        if made and reply_to is not None:
            invalidate(replies_tag(reply_to.pk))


def _create(incoming: Incoming) -> None:
    note = incoming.activity.get("object")
    if not isinstance(note, dict) or note.get("type") not in ("Note", "Article"):
        return
    note_id = _id_of(note)
    if not note_id or ids.domain_of(note_id) != incoming.actor.domain:
        return  # a note is created by its own server
    if _id_of(note.get("attributedTo")) != incoming.actor.url:
        return
    found = _replied_to(_id_of(note.get("inReplyTo"))) if note.get("type") == "Note" else None
    if found is None:
        if following.followed(incoming.actor.pk) and _addressed_to_followers_or_public(
            note, incoming.actor
        ):
            _keep_note(incoming, note, None)
        return
    post, replied = found
    if rules.blocked_by(post.author, incoming.actor):
        return
    if choices.replies_under_posts():
        _keep_note(incoming, note, post)
        return
    text = _text_of(note)
    if not text:
        return
    if Comment.objects.filter(source=incoming.actor.domain, source_id=note_id[:500]).exists():
        return
    member = remote.member_of(incoming.actor)
    parent = comment_services.top_level(replied) if replied is not None else None
    comment = Comment(
        target=post,
        parent=parent,
        author=member,
        body=text,
        body_html=render_plain_text(text),
        # Only members may comment here: a reply from elsewhere waits for a moderator.
        pending_at=timezone.now(),
        source=incoming.actor.domain,
        source_id=note_id[:500],
    )
    with transaction.atomic():
        comment.save(force_insert=True)
        invalidate(*for_target(post).cache_tags(post), comment_services.PENDING_TAG)
        comment_services.approval_submitted(comment)


def _answer(accepted: bool) -> Any:
    def handler(incoming: Incoming) -> None:
        answered = incoming.activity.get("object")
        follow_id = _id_of(answered)
        object_actor = _id_of(answered.get("actor")) if isinstance(answered, dict) else ""
        if local_path(follow_id) is None:
            follow_id = ""  # not one of our ids: find the Follow by its actor
        following.answered(incoming.actor.pk, follow_id, object_actor, accepted)

    return handler


def _delete(incoming: Incoming) -> None:
    gone_id = _id_of(incoming.activity.get("object"))
    if gone_id == incoming.actor.url:
        rows = Follower.objects.filter(remote=incoming.actor)
        for member_pk in set(rows.values_list("actor__member_id", flat=True)):
            invalidate(followers_tag(member_pk))
        rows.delete()
        # The account is gone: members stop following it, and its posts leave their streams
        # (its replies under our posts too).
        Following.objects.filter(remote=incoming.actor).delete()
        for post_pk in set(
            RemoteNote.objects.filter(author=incoming.actor, reply_to__isnull=False).values_list(
                "reply_to_id", flat=True
            )
        ):
            invalidate(replies_tag(post_pk))
        RemoteNote.objects.filter(author=incoming.actor).delete()
        return
    for kept in RemoteNote.objects.filter(object_id=gone_id, author=incoming.actor):
        if kept.reply_to_id is not None:
            invalidate(replies_tag(kept.reply_to_id))
        kept.delete()
    if incoming.actor.member_id is None:
        return
    for comment in Comment.objects.filter(
        source=incoming.actor.domain, source_id=gone_id, author_id=incoming.actor.member_id
    ):
        comment_services.delete_comment(comment)


_HANDLERS = {
    "Follow": _follow,
    "Undo": _undo,
    "Like": _like,
    "Create": _create,
    "Delete": _delete,
    "Accept": _answer(True),
    "Reject": _answer(False),
}
