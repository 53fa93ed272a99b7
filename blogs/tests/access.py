"""The blogs app's part of the access matrix (tests/test_access_matrix.py): the view beacon.

The post page's beacon (a POST with the signed token of its post) counts for anyone who sends
it (204); it never looks at who is signed in. A draft's page has no token: the published
post's token sent for the draft is refused (404), as any token not the post's own. GET: 405.
"""

from blogs.views import view_token
from tests.test_access_matrix import World, row

MATRIX = {
    "blogs:view": row((405, 204)),
    "blogs:view@draft": row((405, 404)),
}

KWARGS = {
    "blogs:view": lambda w: {"pk": w.post.pk},
    "blogs:view@draft": lambda w: {"pk": w.draft.pk},
}


def _token(w: World) -> dict[str, str]:
    return {"token": view_token(w.post.pk)}


POST_DATA = {"blogs:view": _token}
