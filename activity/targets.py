"""What the stream knows of the things entries are on, through the comments plug-in's
registrations (activity imports no content app): who wrote it, whether it is a member's wall,
which listings show its title."""

from collections.abc import Sequence

from django.db import models

from comments import registry as comments
from members.models import Member

# The name the walls app registers members' walls under (comments.registry, "kind").
WALL = "wall"


def commentable(obj: object) -> comments.Commentable | None:
    """How the comments plug-in knows `obj` (a post, a member's wall), or None."""
    if not isinstance(obj, models.Model):
        return None
    try:
        return comments.for_target(obj)
    except LookupError:
        return None


def owner_id(obj: object) -> int | None:
    """Whose it is: a post's author, a wall's member."""
    registration = commentable(obj)
    if registration is not None and isinstance(obj, models.Model):
        return registration.author_id(obj)
    return obj.pk if isinstance(obj, Member) else None


def is_wall(obj: object) -> bool:
    """Whether `obj` is a member's comment wall (or the member, where members are commented
    on themselves): a comment on it is told as "… wrote on Bilal's wall"."""
    if isinstance(obj, Member):
        return True
    registration = commentable(obj)
    return registration is not None and registration.kind == WALL


def count_tags(obj: models.Model | None) -> Sequence[str]:
    """The tags of the listings that show `obj`'s title (a post's: post-lists, which its edits
    change)."""
    registration = commentable(obj)
    return registration.count_tags(obj) if registration is not None and obj is not None else ()
