"""The comments app's part of the access matrix (tests/test_access_matrix.py): replies.

comments:reply shows the reply form on GET and writes the reply on POST, for confirmed members
who may comment on what the comment is on; visitors are asked to sign in (the link is shown
only to those who may reply), unconfirmed members sent home with a message. What someone may
not see does not exist for them (404: a hidden comment, a comment on a draft or a hidden post);
what they see but may not answer is 403 (a hidden comment for moderators, a comment on a draft
for its author and administrators). A reply to a reply goes under the same comment.
"""

from typing import Any

from comments.models import Comment
from comments.services import add_comment
from tests.test_access_matrix import LOGIN, REDIRECT, World, row

REPLY = row((LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, REDIRECT))


def _refused(**cells: Any) -> dict[str, Any]:
    return row((LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(404, 404), **cells)


MATRIX = {
    "comments:reply": REPLY,
    "comments:reply@reply": REPLY,
    "comments:reply@hidden": _refused(moderators=(403, 403)),
    "comments:reply@draft": _refused(author=(403, 403), admins=(403, 403)),
    "comments:reply@hidden_post": _refused(author=(200, REDIRECT), moderators=(200, REDIRECT)),
}


def _pk(which: str) -> Any:
    return lambda w: {"pk": getattr(w, which).pk}


def _reply(w: World) -> Comment:
    return add_comment(w.post, w.author, "Thank you for coming.", parent=w.comment)


KWARGS = {
    "comments:reply": _pk("comment"),
    "comments:reply@reply": _pk("reply"),
    "comments:reply@hidden": _pk("hidden_comment"),
    "comments:reply@draft": _pk("comment_on_draft"),
    "comments:reply@hidden_post": _pk("comment_on_hidden_post"),
}

POST_DATA = {"comments:reply": lambda w: {"body": "Well said."}}

OBJECTS = {"reply": _reply}
