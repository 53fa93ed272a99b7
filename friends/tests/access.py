"""The friends app's part of the access matrix (tests/test_access_matrix.py).

Every action is on the author: `friend` is the author's friend, `blocked` is blocked by the
author (who has not told them), and the author sent `member` a friend request. The author
acting on themselves is refused (400); visitors and suspended members are asked to sign in.
Answering no (decline, cancel, unfriend, block, unblock) is open to unconfirmed members too;
asking (send, accept) is not. Saying the same thing twice is not an error, so the POSTs of
members with nothing to cancel or decline still go back to the page they came from.
"""

from typing import Any

from friends import services
from friends.models import FriendRequest
from members.models import Member
from tests.test_access_matrix import LOGIN, REDIRECT, World, row

HANDLE = lambda w: {"handle": w.author.handle}  # noqa: E731


def _request_from_author(w: World) -> FriendRequest:
    services.send_request(by=w.author, to=w.member)
    return FriendRequest.objects.get(from_member=w.author, to_member=w.member)


def _with_request(w: World) -> dict[str, Any]:
    w.request_from_author  # noqa: B018 — made before the persona acts
    return HANDLE(w)


def _make_friend(w: World, member: Member) -> None:
    services.send_request(by=member, to=w.author)
    services.accept(by=w.author, sender=member)


def _block(w: World, member: Member) -> None:
    services.block(by=w.author, other=member)


# POST-only actions: GET is 405 for everyone.
POST_ONLY_ASKING = row((405, LOGIN), unconfirmed=(405, REDIRECT), confirmed=(405, REDIRECT))
POST_ONLY_ANSWERING = row((405, LOGIN), signed_in=(405, REDIRECT))
# The matrix checks its app personas only on the rows that name them: here, every row, since
# `friend` and `blocked` are what these routes are about (each answers them as it answers a
# plain member, saying nothing of the block).
THEM = ("friend", "blocked")


def both(table: dict[str, Any]) -> dict[str, Any]:
    """`table`, with `friend` and `blocked` getting the plain member's cell."""
    return {**table, **dict.fromkeys(THEM, table["member"])}


MATRIX = {
    "friends:mine": both(row((LOGIN, 405), signed_in=(200, 405))),
    "friends:of_member": both(row((200, 405))),
    # The blocked member's request is "sent" like anyone's (kept from the author's eyes); the
    # friend's is a friendship already.
    "friends:send": both({**POST_ONLY_ASKING, "author": (405, 400)}),
    # Only `member` has a request from the author; `friend` is a friend already (accepted
    # twice); the others have nothing to accept.
    "friends:accept": {
        **row((405, LOGIN), unconfirmed=(405, REDIRECT), confirmed=(405, 400)),
        "member": (405, REDIRECT),
        "friend": (405, REDIRECT),
        "blocked": (405, 400),
    },
    "friends:decline": both({**POST_ONLY_ANSWERING, "author": (405, 400)}),
    "friends:cancel": both({**POST_ONLY_ANSWERING, "author": (405, 400)}),
    "friends:unblock": both({**POST_ONLY_ANSWERING, "author": (405, 400)}),
    # Confirmation on GET (or "you are not friends"), the act on POST.
    "friends:unfriend": both(row((LOGIN, LOGIN), signed_in=(200, REDIRECT), author=(400, 400))),
    "friends:block": both(row((LOGIN, LOGIN), signed_in=(200, REDIRECT), author=(400, 400))),
}

KWARGS = {
    "friends:of_member": HANDLE,
    "friends:send": HANDLE,
    "friends:accept": _with_request,
    "friends:decline": _with_request,
    "friends:cancel": HANDLE,
    "friends:unfriend": HANDLE,
    "friends:block": HANDLE,
    "friends:unblock": HANDLE,
}

OBJECTS = {"request_from_author": _request_from_author}

PERSONA_SETUP = {"friend": _make_friend, "blocked": _block}
