"""The messages app's part of the access matrix (tests/test_access_matrix.py).

The thread under test is between the author and other_member (the author wrote to them):
everyone else — the member, moderators, administrators, the creator, the author's friend and
the member the author blocked — is not in it, and it does not exist for them (404, on every
route that names it). The creator sent the broadcast under test; its delivery page is theirs
alone. Writing to the author: the author themselves is refused (400: nobody else to write to),
and so is the member they blocked (400, "You cannot send a message to Amina Writer").
"""

from typing import Any

from messaging import services
from messaging.models import Broadcast, Thread
from tests.test_access_matrix import LOGIN, REDIRECT, World, row


def _thread(w: World) -> Thread:
    message = services.start_thread(
        by=w.author, recipients=[w.other_member], subject="Reunion venue", body="Booked it!"
    )
    return message.thread


def _broadcast(w: World) -> Broadcast:
    return services.start_broadcast(
        by=w.creator, subject="The annual reunion", body="First Saturday of next month."
    )


THREAD = lambda w: {"pk": w.message_thread.pk}  # noqa: E731

# Participants act (POST) and are sent on; anyone else finds nothing there.
PARTICIPANTS_POST = row(
    (405, LOGIN),
    signed_in=(405, 404),
    author=(405, REDIRECT),
    other_member=(405, REDIRECT),
)
LISTS = row((LOGIN, 405), signed_in=(200, 405))

MATRIX = {
    "messaging:inbox": LISTS,
    "messaging:sent": LISTS,
    "messaging:archive": LISTS,
    "messaging:recipients": LISTS,
    # Choosing whom to write to (a GET form); the form to them.
    "messaging:compose": row((LOGIN, 405), unconfirmed=(REDIRECT, 405), confirmed=(200, 405)),
    "messaging:write": row(
        (LOGIN, LOGIN),
        unconfirmed=(REDIRECT, REDIRECT),
        confirmed=(200, REDIRECT),
        author=(400, 400),
        blocked=(400, 400),
    ),
    # The author's friend and the member they blocked: not in it either (the matrix checks
    # its app personas only where a row names them).
    "messaging:thread": row(
        (LOGIN, 405),
        signed_in=(404, 405),
        author=(200, 405),
        other_member=(200, 405),
        friend=(404, 405),
        blocked=(404, 405),
    ),
    "messaging:reply": PARTICIPANTS_POST,
    "messaging:archive_thread": PARTICIPANTS_POST,
    "messaging:unarchive_thread": PARTICIPANTS_POST,
    "messaging:delete": row(
        (LOGIN, LOGIN),
        signed_in=(404, 404),
        author=(200, REDIRECT),
        other_member=(200, REDIRECT),
    ),
    "messaging:broadcast": row((LOGIN, LOGIN), signed_in=(403, 403), creator=(200, REDIRECT)),
    "messaging:broadcast_progress": row((LOGIN, 405), signed_in=(404, 405), creator=(200, 405)),
    "messaging:manage": row((LOGIN, LOGIN), signed_in=(403, 403), creator=(200, REDIRECT)),
}

KWARGS = {
    "messaging:write": lambda w: {"handles": w.author.handle},
    "messaging:thread": THREAD,
    "messaging:reply": THREAD,
    "messaging:archive_thread": THREAD,
    "messaging:unarchive_thread": THREAD,
    "messaging:delete": THREAD,
    "messaging:broadcast_progress": lambda w: {"pk": w.message_broadcast.pk},
}


def _write(w: World) -> dict[str, Any]:
    return {"subject": "Hello again", "body": "It was good to see you.", "token": "matrix"}


POST_DATA = {
    "messaging:write": _write,
    "messaging:reply": lambda w: {"body": "Thank you!", "token": "access-matrix"},
    "messaging:broadcast": lambda w: {"subject": "News", "body": "The hall is booked."},
    "messaging:manage": lambda w: {"admins_may_broadcast": "on"},
}

OBJECTS = {"message_thread": _thread, "message_broadcast": _broadcast}
