"""access/'s part of the access matrix (tests/test_access_matrix.py).

The world is a public network where anyone may join and only administrators invite (the
defaults). The settings, the pending members and the invitations are the administrators'
(and the creator's); members may not invite here, so they are refused (403). An invitation's
link is anyone's who has it: a visitor joins with it (REDIRECT home, signed in), a signed-in
member is sent home.
"""

from typing import Any

from access import services
from access.models import Invitation, InvitationBatch
from conftest import make_member
from members.models import Member
from tests.test_access_matrix import ADMINS_ACT, LOGIN, REDIRECT, row

MATRIX = {
    "access:settings": ADMINS_ACT,
    "access:pending": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "access:approve": ADMINS_ACT,
    "access:decline": ADMINS_ACT,
    "access:invite": ADMINS_ACT,
    "access:invitations": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "access:batch": row((LOGIN, 405), signed_in=(403, 405), admins=(200, 405)),
    "access:resend": ADMINS_ACT,
    "access:cancel": ADMINS_ACT,
    "access:accept": row((200, REDIRECT), signed_in=(REDIRECT, REDIRECT)),
}


def _pending_member(w: Any) -> Member:
    return make_member("Pia Pending", "pia@example.org", awaiting_approval=True)


def _invitation(w: Any) -> Invitation:
    invitation = services.invite(
        "newcomer@example.org",
        by=w.administrator,
        network=w.network,
        base_url="http://testserver",
    )
    assert invitation is not None
    return invitation


def _invitation_token(w: Any) -> str:
    invitation = w.invitation
    return services.fresh_token(invitation)


def _batch(w: Any) -> InvitationBatch:
    return InvitationBatch.objects.create(
        invited_by=w.administrator, addresses=["a@example.org", "b@example.org"]
    )


OBJECTS = {
    "pending_member": _pending_member,
    "invitation": _invitation,
    "invitation_batch": _batch,
}

KWARGS = {
    "access:approve": lambda w: {"pk": w.pending_member.pk},
    "access:decline": lambda w: {"pk": w.pending_member.pk},
    "access:batch": lambda w: {"pk": w.invitation_batch.pk},
    "access:resend": lambda w: {"pk": w.invitation.pk},
    "access:cancel": lambda w: {"pk": w.invitation.pk},
    "access:accept": lambda w: {"token": _invitation_token(w)},
}

POST_DATA = {
    "access:settings": lambda w: {
        "visibility": "public",
        "join_mode": "approval",
        "members_may_invite": "on",
    },
    "access:invite": lambda w: {"addresses": "friend.of.ours@example.org"},
    "access:accept": lambda w: {
        "display_name": "Nasreen Newcomer",
        "password1": "plenty of letters 42",
        "password2": "plenty of letters 42",
    },
}
