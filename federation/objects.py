"""This network's things as ActivityStreams JSON: actors, posts (Article), comments (Note),
activities and collections."""

import datetime as dt
import re
import uuid
from typing import Any

from django.utils import timezone

from blogs.models import Post
from comments.models import Comment
from lib.markup import render_plain_text, sanitize_html
from lib.urls import fast_reverse
from members.models import Member
from network.models import Network

from . import ids
from .models import LocalActor

JSON = dict[str, Any]
ACTOR_CONTEXT: list[Any] = [
    ids.AS_CONTEXT,
    ids.SECURITY_CONTEXT,
    {
        "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
        "Hashtag": "as:Hashtag",
        "toot": "http://joinmastodon.org/ns#",
        "discoverable": "toot:discoverable",
    },
]
OBJECT_CONTEXT: list[Any] = [ids.AS_CONTEXT, {"Hashtag": "as:Hashtag"}]
_IMG = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"\balt=\"([^\"]*)\"", re.IGNORECASE)
_MEDIA_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
}


def when(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else ids.absolute(url)


def _image(url: str, alt: str = "") -> JSON:
    extension = url.rsplit(".", 1)[-1].lower().split("?")[0]
    image: JSON = {"type": "Image", "url": _absolute(url)}
    if extension in _MEDIA_TYPES:
        image["mediaType"] = _MEDIA_TYPES[extension]
    if alt:
        image["name"] = alt
    return image


def _public_key(actor_url: str, actor: LocalActor) -> JSON:
    return {"id": ids.key_id(actor_url), "owner": actor_url, "publicKeyPem": actor.public_key}


def member_actor(member: Member, actor: LocalActor) -> JSON:
    url = ids.member_actor(member.handle)
    document: JSON = {
        "@context": ACTOR_CONTEXT,
        "id": url,
        "type": "Person",
        "preferredUsername": member.handle,
        "name": member.display_name,
        "summary": render_plain_text(member.about) if member.about else "",
        "url": url,
        "inbox": ids.actor_path(member.handle, "inbox"),
        "outbox": ids.actor_path(member.handle, "outbox"),
        "followers": ids.actor_path(member.handle, "followers"),
        "following": ids.actor_path(member.handle, "following"),
        "publicKey": _public_key(url, actor),
        "endpoints": {"sharedInbox": ids.shared_inbox()},
        "manuallyApprovesFollowers": False,
        "discoverable": False,
        "published": when(member.date_joined),
    }
    if member.photo:
        document["icon"] = _image(member.photo.url)
    return document


def network_actor(network: Network, actor: LocalActor) -> JSON:
    """The network's blog: a Group (see the integration notes: Mastodon labels a Service
    "Automated", a bot; a Group is shown as a group and its Announces as boosts of the
    members' own posts, each under its author's name)."""
    url = ids.network_actor()
    document: JSON = {
        "@context": ACTOR_CONTEXT,
        "id": url,
        "type": "Group",
        "preferredUsername": ids.NETWORK_USERNAME,
        "name": network.name,
        "summary": render_plain_text(network.tagline or network.description or ""),
        "url": url,
        "inbox": ids.actor_path(None, "inbox"),
        "outbox": ids.actor_path(None, "outbox"),
        "followers": ids.actor_path(None, "followers"),
        "following": ids.actor_path(None, "following"),
        "publicKey": _public_key(url, actor),
        "endpoints": {"sharedInbox": ids.shared_inbox()},
        "manuallyApprovesFollowers": False,
        "discoverable": False,
    }
    if network.logo:
        document["icon"] = _image(network.logo.url)
    return document


def article(post: Post) -> JSON:
    author = ids.member_actor(post.author.handle)
    content = sanitize_html(post.body_html)
    document: JSON = {
        "@context": OBJECT_CONTEXT,
        "id": ids.post_object(post.pk),
        "type": "Article",
        "name": post.title,
        "content": content,
        "mediaType": "text/html",
        # No `summary`: Mastodon shows an Article's summary as its content warning, so every
        # post would arrive folded behind its own excerpt (docs: integration notes).
        "url": ids.absolute(post.get_absolute_url()),
        "attributedTo": author,
        "published": when(post.published_at),
        "to": [ids.PUBLIC],
        "cc": [ids.actor_path(post.author.handle, "followers")],
        "tag": [
            {
                "type": "Hashtag",
                "name": f"#{tag.name}",
                "href": ids.absolute(fast_reverse("blogs:tag", tag.slug)),
            }
            for tag in post.tags.all()
        ],
        "attachment": [
            _image(src, (_ALT.search(img.group(0)) or [None, ""])[1] or "")
            for img in _IMG.finditer(content)
            for src in [img.group(1)]
        ],
        "sensitive": False,
    }
    if post.published_at and post.updated_at > post.published_at:
        document["updated"] = when(post.updated_at)
    return document


def note(comment: Comment, post: Post) -> JSON:
    """A member's comment under a post, as a reply (to the post, or to the comment it
    answers)."""
    if comment.parent_id is not None:
        parent = comment.parent
        replying_to = (
            parent.source_id
            if parent is not None and parent.source
            else ids.comment_object(comment.parent_id)
        )
    else:
        replying_to = ids.post_object(post.pk)
    return {
        "@context": OBJECT_CONTEXT,
        "id": ids.comment_object(comment.pk),
        "type": "Note",
        "content": comment.body_html,
        "mediaType": "text/html",
        "inReplyTo": replying_to,
        "url": ids.absolute(f"{post.get_absolute_url()}#comment-{comment.pk}"),
        "attributedTo": ids.member_actor(comment.author.handle),
        "published": when(comment.created_at),
        "to": [ids.PUBLIC],
        "cc": [ids.actor_path(comment.author.handle, "followers")],
    }


def bare(document: JSON) -> JSON:
    return {k: v for k, v in document.items() if k != "@context"}


def activity(kind: str, actor_url: str, obj: JSON | str, *, suffix: str = "") -> JSON:
    """Create / Update / Delete / Announce of `obj` by `actor_url`; the id is the object's with
    a fragment (never dereferenced by Mastodon, unique per change)."""
    object_id = obj if isinstance(obj, str) else obj["id"]
    document: JSON = {
        "@context": ids.AS_CONTEXT if isinstance(obj, str) else obj.get("@context", ids.AS_CONTEXT),
        "id": f"{object_id}#{kind.lower()}{suffix}",
        "type": kind,
        "actor": actor_url,
        "published": when(timezone.now()),
        "object": obj if isinstance(obj, str) else bare(obj),
    }
    if not isinstance(obj, str):
        document["to"] = obj.get("to", [ids.PUBLIC])
        document["cc"] = obj.get("cc", [])
    return document


def create(document: JSON) -> JSON:
    return activity("Create", document["attributedTo"], document)


def update(document: JSON) -> JSON:
    return activity(
        "Update", document["attributedTo"], document, suffix=f"-{uuid.uuid4().hex[:12]}"
    )


def delete(object_id: str, actor_url: str, former_type: str) -> JSON:
    return {
        "@context": ids.AS_CONTEXT,
        "id": f"{object_id}#delete",
        "type": "Delete",
        "actor": actor_url,
        "to": [ids.PUBLIC],
        "object": {"id": object_id, "type": "Tombstone", "formerType": former_type},
    }


def announce(post: Post) -> JSON:
    """The network blog passing a member's post on to its followers."""
    url = ids.network_actor()
    return {
        "@context": ids.AS_CONTEXT,
        "id": f"{url}#announce-{post.pk}",
        "type": "Announce",
        "actor": url,
        "published": when(post.published_at),
        "to": [ids.PUBLIC],
        "cc": [ids.actor_path(None, "followers")],
        "object": ids.post_object(post.pk),
    }


def undo_announce(post: Post) -> JSON:
    url = ids.network_actor()
    announced = announce(post)
    announced.pop("@context")
    return {
        "@context": ids.AS_CONTEXT,
        "id": f"{url}#undo-announce-{post.pk}",
        "type": "Undo",
        "actor": url,
        "to": [ids.PUBLIC],
        "object": announced,
    }


def accept(actor_url: str, follow: JSON) -> JSON:
    return {
        "@context": ids.AS_CONTEXT,
        "id": f"{actor_url}#accept-{uuid.uuid4().hex}",
        "type": "Accept",
        "actor": actor_url,
        "object": bare(follow),
    }


def collection(url: str, total: int, *, first: str | None = None) -> JSON:
    document: JSON = {
        "@context": ids.AS_CONTEXT,
        "id": url,
        "type": "OrderedCollection",
        "totalItems": total,
    }
    if first is not None:
        document["first"] = first
    return document


def collection_page(
    url: str, part_of: str, items: list[JSON], *, next_url: str | None, prev_url: str | None
) -> JSON:
    document: JSON = {
        "@context": ids.AS_CONTEXT,
        "id": url,
        "type": "OrderedCollectionPage",
        "partOf": part_of,
        "orderedItems": items,
    }
    if next_url:
        document["next"] = next_url
    if prev_url:
        document["prev"] = prev_url
    return document


def follow(follow_id: str, actor_url: str, followed_url: str) -> JSON:
    """One of our members following an account elsewhere."""
    return {
        "@context": ids.AS_CONTEXT,
        "id": follow_id,
        "type": "Follow",
        "actor": actor_url,
        "object": followed_url,
    }


def undo(actor_url: str, undone: JSON) -> JSON:
    return {
        "@context": ids.AS_CONTEXT,
        "id": f"{undone['id']}/undo",
        "type": "Undo",
        "actor": actor_url,
        "object": bare(undone),
    }


def instance_actor(public_key: str) -> JSON:
    """The network's own actor (an Application, as Mastodon's): it signs our fetches."""
    url = ids.instance_actor()
    return {
        "@context": ACTOR_CONTEXT,
        "id": url,
        "type": "Application",
        "preferredUsername": ids.host().split(":")[0],
        "name": ids.host(),
        "url": ids.base() + "/",
        "inbox": ids.shared_inbox(),
        "manuallyApprovesFollowers": True,
        "endpoints": {"sharedInbox": ids.shared_inbox()},
        "publicKey": {"id": ids.key_id(url), "owner": url, "publicKeyPem": public_key},
    }
