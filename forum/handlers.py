"""What the forum hears (lib/events.py) and tells (notifications).

- `comments.added` on a discussion: the reply is its last one, its author follows it, and its
  followers are told — through the task queue, so the replying request pays one queued task,
  not the rows, preferences, blocks and emails of every follower (as notifications.handlers
  does for comments).
- `comments.deleted`, `comments.hidden`, `comments.shown` on a discussion: its last reply is
  read again from the replies shown.
- `groups.left`, `groups.removed`: what the member was told of a private group's discussions
  leaves their notifications.
- `groups.deleted` (before the group goes): its discussions are deleted through the service;
  `groups.hidden`, `groups.shown`: the lists and its discussions' pages are refreshed.
"""

from collections.abc import Iterator
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.tasks import task
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comments.models import Comment
from groups.models import Group
from lib import events
from lib.tasks import enqueue_with_change
from members.models import Member
from notifications import kinds
from notifications import services as notifications
from notifications.models import Notification

from . import services
from .models import Discussion
from .permissions import can_view_discussion

REPLY = "forum-reply"
FOLLOWERS_PER_BATCH = 1000


def _reply_sentence(n: Notification) -> str:
    return _("%(actor)s replied in the discussion “%(title)s”")


KIND = kinds.Kind(
    REPLY,
    gettext_lazy("Replies in discussions I follow"),
    kinds.Delivery.EMAIL,
    _reply_sentence,
    order=15,
)


def _discussion(event: events.Event) -> Discussion | None:
    on = event.data.get("on")
    return on if isinstance(on, Discussion) else None


def on_reply(event: events.Event) -> None:
    discussion = _discussion(event)
    if discussion is None or not isinstance(event.target, Comment):
        return
    services.replied(discussion.pk, event.target)
    enqueue_with_change(tell_followers, event.target.pk)


def on_reply_gone(event: events.Event) -> None:
    discussion = _discussion(event)
    if discussion is not None:
        services.recount_last_reply([discussion.pk])


@task
def tell_followers(comment_pk: int) -> None:
    """Tells the followers of the reply's discussion, but its author and those who may not
    see the discussion; a member already told of this reply by a more particular kind (the
    author of the reply it answers, someone it mentions) is not told twice."""
    comment = (
        Comment.objects.filter(pk=comment_pk, hidden_at=None, pending_at=None)
        .select_related("author")
        .first()
    )
    if comment is None:
        return  # deleted or hidden since
    discussion = comment.target
    if not isinstance(discussion, Discussion):
        return
    told = set(
        Notification.objects.filter(
            target_type=ContentType.objects.get_for_model(Comment), target_id=comment.pk
        ).values_list("recipient_id", flat=True)
    )
    followers = (
        Member.objects.filter(forum_follows__discussion=discussion)
        .exclude(pk=comment.author_id)
        .exclude(pk__in=told)
    )
    about = notifications.About(
        comment,
        f"{discussion.get_absolute_url()}#comment-{comment.pk}",
        discussion.title,
        comment.body,
        where=discussion,
    )
    ids = list(followers.values_list("pk", flat=True))
    # In batches, as a broadcast is told: a popular discussion's followers never sit in
    # memory, or in one notify() call, all at once.
    for start in range(0, len(ids), FOLLOWERS_PER_BATCH):
        notifications.notify(
            REPLY,
            Member.objects.filter(pk__in=ids[start : start + FOLLOWERS_PER_BATCH]),
            actor=comment.author,
            about=about,
            can_view=lambda member: can_view_discussion(member, discussion),
        )


def on_group_deleted(event: events.Event) -> None:
    if isinstance(event.target, Group):
        services.delete_group_discussions(event.target)


def on_group_hidden_or_shown(event: events.Event) -> None:
    if isinstance(event.target, Group):
        services.group_changed(event.target)


def on_group_left(event: events.Event) -> None:
    """A member left a group (`groups.left`: the actor) or was removed (`groups.removed`:
    `member`)."""
    member = event.data.get("member", event.actor)
    if isinstance(event.target, Group) and isinstance(member, Member):
        services.forget_group_notifications(event.target, member)


def register_all() -> None:
    events.subscribe("groups.left", on_group_left)
    events.subscribe("groups.removed", on_group_left)
    events.subscribe("groups.deleted", on_group_deleted)
    events.subscribe("groups.hidden", on_group_hidden_or_shown)
    events.subscribe("groups.shown", on_group_hidden_or_shown)
    kinds.register(KIND)
    events.subscribe("comments.added", on_reply)
    for name in ("comments.deleted", "comments.hidden", "comments.shown"):
        events.subscribe(name, on_reply_gone)


def started_history() -> Iterator[tuple[Member, Discussion, datetime]]:
    """Each discussion started so far (activity.registry.Kind.history)."""
    started = Discussion.objects.approved().select_related("author")
    for discussion in started.order_by("created_at", "id"):
        yield discussion.author, discussion, discussion.created_at
