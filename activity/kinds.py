"""The kinds of activity the stream shows from the start, registered as any later app's are
(activity/registry.py): a member joined, published a post, commented (on a member: wrote on
their wall), became friends with someone.

Only lower layers are imported: what a post or a wall is, the comments registry says.
"""

from django.db import models

from comments.models import Comment
from lib import events
from members.models import Member

from . import lines, registry, services, targets
from .models import Entry


def _on(event: events.Event) -> models.Model | None:
    on = event.data.get("on")
    return on if isinstance(on, models.Model) else None


def _owner_of_on(event: events.Event) -> int | None:
    return targets.owner_id(_on(event))


def _wall_owner(event: events.Event) -> int | None:
    """A comment on a member's wall: the stream tells it on the wall owner's page too."""
    on = _on(event)
    return targets.owner_id(on) if targets.is_wall(on) else None


def _author(event: events.Event) -> int | None:
    return event.actor.pk if isinstance(event.actor, Member) else None


def _comment_shown(viewer: object, entry: Entry, target: models.Model, on: object) -> bool:
    # Hidden comments leave the stream for everyone (their entry is hidden too, services.py).
    return isinstance(target, Comment) and target.hidden_at is None


JOINED = registry.Kind(
    event="members.joined",
    render=lines.joined,
    on=lambda event: None,
    group=True,
)
PUBLISHED = registry.Kind(
    event="blogs.published",
    render=lines.published,
    owner=_author,
    tags=targets.count_tags,
    removed_by=("blogs.deleted",),
    hidden_by=("blogs.unpublished", "blogs.hidden"),
    shown_by=("blogs.shown",),
)
COMMENTED = registry.Kind(
    event="comments.added",
    render=lines.commented,
    on=_on,
    subject=_wall_owner,
    owner=_owner_of_on,
    can_view=_comment_shown,
    group=True,
    once=True,
    tags=targets.count_tags,
    removed_by=("comments.deleted",),
    hidden_by=("comments.hidden",),
    shown_by=("comments.shown",),
)
BEFRIENDED = registry.Kind(
    event=services.FRIENDS_ACCEPTED,
    render=lines.befriended,
    on=lambda event: None,
    subject=lambda event: event.target,
)


def register_all() -> None:
    for kind in (JOINED, PUBLISHED, COMMENTED, BEFRIENDED):
        registry.register(kind)
    events.subscribe("friends.unfriended", services.forget_friendship)
    events.subscribe("friends.blocked", services.forget_friendship)
