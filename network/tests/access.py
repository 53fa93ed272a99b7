"""The network's part of the access matrix (tests/test_access_matrix.py) for the sidebar's new
routes: moving a box (Move up / Move down), the whole order at once (drag and drop), and
editing a feed box. The creator and administrators only; both are POST only (405 on GET)."""

from network.models import SidebarBox
from tests.test_access_matrix import ADMINS_ACT, LOGIN, REDIRECT, World, row


def _feed_box(w: World) -> SidebarBox:
    # Never fetched here: the matrix's transactions do not commit, and the fetch is queued at
    # commit (a name that resolves to loopback would be refused at once anyway).
    return SidebarBox.objects.create(
        kind=SidebarBox.Kind.FEED, title="Harbour News", feed_url="http://localhost/feed.xml"
    )


MATRIX = {
    # /favicon.ico: everyone is sent to the network's favicon (or Anjuman's); GET only.
    "network:favicon": row((REDIRECT, 405)),
    # POST only: moves the box up or down and goes back to the list.
    "network:sidebar_move": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
    # POST only: the order drag and drop sends (a plain form goes back to the list).
    "network:sidebar_order": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
    # A feed box's form (its address, how many items, where it shows). The POST sends the
    # route's body (POST_DATA is per route: a text box's title, body and position), which a
    # feed box refuses for want of its address: 400 with the form, nothing changed.
    "network:sidebar_edit@feed": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 400)),
    "network:sidebar_delete@feed": ADMINS_ACT,
}

KWARGS = {
    "network:sidebar_move": lambda w: {"pk": w.box.pk},
    "network:sidebar_edit@feed": lambda w: {"pk": w.feed_box.pk},
    "network:sidebar_delete@feed": lambda w: {"pk": w.feed_box.pk},
}

POST_DATA = {
    "network:sidebar_move": lambda w: {"direction": "up"},
    "network:sidebar_order": lambda w: {"order": str(w.box.pk)},
}

OBJECTS = {"feed_box": _feed_box}
