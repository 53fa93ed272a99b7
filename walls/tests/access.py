"""The walls app's part of the access matrix (tests/test_access_matrix.py).

Walls have no routes of their own: a wall takes comments through the comments plug-in's
(`/comments/wall/<member id>/`, reply, delete, hide), so these rows are those routes on the
author's wall. `blocked` (whom the author blocked) may not write or reply there; the author,
whose wall it is, deletes any comment on it, as moderators and administrators do. A suspended
member has no wall (404).
"""

from typing import Any

from comments.models import Comment
from comments.services import add_comment
from tests.test_access_matrix import LOGIN, REDIRECT, World, confirm_then_act, row
from walls.models import Wall
from walls.services import find_wall


def _wall(w: World) -> Wall:
    wall = find_wall(w.author.pk)
    assert wall is not None
    return wall


def _wall_comment(w: World) -> Comment:
    return add_comment(w.wall, w.other_member, "Happy birthday, Amina!")


MATRIX = {
    # POST only, as on posts: visitors and unconfirmed members 403 (the page shows why).
    "comments:create@wall": row((405, 403), confirmed=(405, REDIRECT), blocked=(405, 403)),
    "comments:create@suspended_wall": row((405, 404)),
    "comments:reply@wall": row(
        (LOGIN, LOGIN),
        unconfirmed=(REDIRECT, REDIRECT),
        confirmed=(200, REDIRECT),
        blocked=(403, 403),
    ),
    "comments:delete@wall": confirm_then_act(
        "author", "other_member", "moderator", "administrator", "creator"
    ),
    "comments:hide@wall": confirm_then_act("moderator", "administrator", "creator"),
}


def _comment_pk(w: World) -> dict[str, Any]:
    return {"pk": w.wall_comment.pk}


KWARGS = {
    "comments:create@wall": lambda w: {"kind": "wall", "pk": w.author.pk},
    "comments:create@suspended_wall": lambda w: {"kind": "wall", "pk": w.suspended.pk},
    "comments:reply@wall": _comment_pk,
    "comments:delete@wall": _comment_pk,
    "comments:hide@wall": _comment_pk,
}

OBJECTS = {"wall": _wall, "wall_comment": _wall_comment}
