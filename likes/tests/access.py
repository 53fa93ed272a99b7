"""The likes part of the access matrix (tests/test_access_matrix.py).

Liking and unliking take POST only (GET is 405). What someone may not see does not exist for
them (404: a draft, a hidden post or comment); what they see but which takes no likes is 403 (a
draft for its author and administrators, a hidden comment for moderators). Visitors are asked
to sign in, unconfirmed members sent home with a message, as on every write page.
"""

from typing import Any

from tests.test_access_matrix import LOGIN, REDIRECT, row

LIKE = row((405, LOGIN), unconfirmed=(405, REDIRECT), confirmed=(405, REDIRECT))


MATRIX = {
    "likes:like": LIKE,
    "likes:like@draft": row((405, 404), author=(405, 403), admins=(405, 403)),
    "likes:like@hidden": row((405, 404), author=(405, REDIRECT), moderators=(405, REDIRECT)),
    "likes:like@comment": LIKE,
    "likes:like@hidden_comment": row((405, 404), moderators=(405, 403)),
    "likes:unlike": LIKE,
    # Taking a like back needs only seeing the item (nobody here liked the draft: no change).
    "likes:unlike@draft": row((405, 404), author=(405, REDIRECT), admins=(405, REDIRECT)),
    "likes:unlike@comment": LIKE,
    "likes:unlike@hidden_comment": row((405, 404), moderators=(405, REDIRECT)),
    "likes:liked_by": row((200, 405)),
    # GET only: any POST is 405, before the item is looked up.
    "likes:liked_by@draft": row((404, 405), author=(200, 405), admins=(200, 405)),
    "likes:liked_by@hidden": row((404, 405), author=(200, 405), moderators=(200, 405)),
    "likes:liked_by@comment": row((200, 405)),
    "likes:liked_by@hidden_comment": row((404, 405), moderators=(200, 405)),
}


def _on(kind: str, which: str) -> Any:
    return lambda w: {"kind": kind, "pk": getattr(w, which).pk}


KWARGS = {
    "likes:like": _on("post", "post"),
    "likes:like@draft": _on("post", "draft"),
    "likes:like@hidden": _on("post", "hidden_post"),
    "likes:like@comment": _on("comment", "comment"),
    "likes:like@hidden_comment": _on("comment", "hidden_comment"),
    "likes:unlike": _on("post", "post"),
    "likes:unlike@draft": _on("post", "draft"),
    "likes:unlike@comment": _on("comment", "comment"),
    "likes:unlike@hidden_comment": _on("comment", "hidden_comment"),
    "likes:liked_by": _on("post", "post"),
    "likes:liked_by@draft": _on("post", "draft"),
    "likes:liked_by@hidden": _on("post", "hidden_post"),
    "likes:liked_by@comment": _on("comment", "comment"),
    "likes:liked_by@hidden_comment": _on("comment", "hidden_comment"),
}
