"""What this network sends, told by lib/events: each handler runs in the writer's
transaction and only writes Delivery rows and queues their tasks (delivery.py).

- `blogs.published`, `blogs.shown`: Create{Article} from the author to their followers, and
  an Announce from the network blog to its followers;
- `blogs.edited` (for blogs to publish: see the integration notes): Update{Article};
- `blogs.unpublished`, `blogs.hidden`, `blogs.deleted`: Delete{Tombstone} from the author, to
  the author's and the network blog's followers;
- `comments.added` (a member's comment on a federated post): Create{Note} to the commenter's,
  the post author's and the network's followers, and to the replied-to remote account;
- `comments.hidden`, `comments.deleted` (a member's comment): Delete{Tombstone}; `comments.shown`:
  Create{Note} again.
"""

from typing import Any

from blogs.models import Post
from comments.models import Comment
from lib import events
from members.models import Member

from . import delivery, ids, objects, rules
from .models import Follower, LocalActor, RemoteActor


def _inboxes(*actors: LocalActor | None) -> list[str]:
    found = [a.pk for a in actors if a is not None]
    if not found:
        return []
    rows = (
        Follower.objects.filter(actor_id__in=found)
        .select_related("remote")
        .only("remote__inbox", "remote__shared_inbox")
    )
    return sorted({row.remote.delivery_inbox for row in rows})


def _actor_of(member: Member) -> LocalActor | None:
    """The member's actor if they have one already (none: nobody follows them yet)."""
    return LocalActor.objects.filter(member=member).first()


def _network_actor() -> LocalActor | None:
    return LocalActor.objects.filter(member=None).first()


def _send_post(post: Post, kind: str) -> None:
    if not rules.enabled() or not rules.post_federates(post):
        return
    author = _actor_of(post.author)
    if author is not None:
        document = objects.article(post)
        activity = objects.create(document) if kind == "create" else objects.update(document)
        delivery.queue(author, activity, _inboxes(author))
    network = _network_actor()
    if network is not None and kind == "create":
        delivery.queue(network, objects.announce(post), _inboxes(network))


def _delete_post(post: Post) -> None:
    if not rules.enabled() or not rules.member_has_actor(post.author):
        return
    author = _actor_of(post.author)
    if author is None:
        return
    network = _network_actor()
    activity = objects.delete(
        ids.post_object(post.pk), ids.member_actor(post.author.handle), "Article"
    )
    delivery.queue(author, activity, _inboxes(author, network))


def on_post_published(event: events.Event) -> None:
    if isinstance(event.target, Post):
        _send_post(event.target, "create")


def on_post_edited(event: events.Event) -> None:
    if isinstance(event.target, Post):
        _send_post(event.target, "update")


def on_post_gone(event: events.Event) -> None:
    if isinstance(event.target, Post):
        _delete_post(event.target)


def _comment_on_post(event: events.Event) -> tuple[Comment, Post] | None:
    comment, on = event.target, event.data.get("on")
    if not isinstance(comment, Comment) or not isinstance(on, Post):
        return None
    if comment.author.origin != Member.Origin.LOCAL:
        return None  # a reply from elsewhere is its own server's to send
    if not rules.enabled() or not rules.post_federates(on):
        return None
    return comment, on


def on_comment_added(event: events.Event) -> None:
    found = _comment_on_post(event)
    if found is None:
        return
    comment, post = found
    if not rules.member_federates(comment.author):
        return
    from .keys import actor_for

    commenter = actor_for(comment.author)
    inboxes = set(_inboxes(commenter, _actor_of(post.author), _network_actor()))
    parent: Any = event.data.get("parent")
    if isinstance(parent, Comment) and parent.source:
        replied = RemoteActor.objects.filter(member_id=parent.author_id).first()
        if replied is not None:
            inboxes.add(replied.delivery_inbox)
    if not inboxes:
        return
    delivery.queue(commenter, objects.create(objects.note(comment, post)), inboxes)


def on_comment_gone(event: events.Event) -> None:
    found = _comment_on_post(event)
    if found is None:
        return
    comment, post = found
    commenter = _actor_of(comment.author)
    if commenter is None:
        return
    activity = objects.delete(
        ids.comment_object(comment.pk), ids.member_actor(comment.author.handle), "Note"
    )
    delivery.queue(
        commenter, activity, _inboxes(commenter, _actor_of(post.author), _network_actor())
    )


def subscribe() -> None:
    events.subscribe("blogs.published", on_post_published)
    events.subscribe("blogs.shown", on_post_published)
    events.subscribe("blogs.edited", on_post_edited)
    for name in ("blogs.unpublished", "blogs.hidden", "blogs.deleted"):
        events.subscribe(name, on_post_gone)
    events.subscribe("comments.added", on_comment_added)
    events.subscribe("comments.shown", on_comment_added)
    events.subscribe("comments.hidden", on_comment_gone)
    events.subscribe("comments.deleted", on_comment_gone)
