"""The roster's part of the access matrix (tests/test_access_matrix.py).

/manage/members/ and everything under it, /manage/badges/ and the CSV export are the
administrators' and the creator's (roster/permissions.py: moderators act on members from the
moderation queue instead); others signed in get 403, visitors and suspended members are asked
to sign in. A member's pages here are on the author (a plain member); reinstating is on a
member suspended through the moderation service. The hand-over is the creator's to ask and
cancel, and the asked administrator's alone to answer.
"""

from typing import Any

from django.utils import timezone

from conftest import PASSWORD, make_member
from members.models import Badge, Member
from roster.models import HandOver
from tests.test_access_matrix import LOGIN, REDIRECT, World, confirm_then_act, row

ADMINS_READ = row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200))
ADMINS_ACT = row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, REDIRECT))
# GET of a POST-only action goes back to the member's page.
ADMINS_POST = row((LOGIN, LOGIN), signed_in=(403, 403), admins=(REDIRECT, REDIRECT))


def _suspended(w: World) -> Member:
    member = make_member("Rafiq Suspended", "rafiq@example.org")
    Member.objects.filter(pk=member.pk).update(is_active=False, suspended_at=timezone.now())
    member.refresh_from_db()
    return member


def _badge(w: World) -> Badge:
    return Badge.objects.create(name="Volunteer", position=1)


def _hand_over(w: World) -> HandOver:
    return HandOver.objects.create(from_member=w.creator, to_member=w.administrator)


def _waiting(w: World) -> dict[str, Any]:
    assert w.roster_hand_over.is_open
    return {}


AUTHOR = lambda w: {"pk": w.author.pk}  # noqa: E731

MATRIX = {
    "roster:members": ADMINS_READ,
    "roster:export": ADMINS_READ,
    "roster:member": ADMINS_READ,
    "roster:role": ADMINS_POST,
    "roster:member_badges": ADMINS_POST,
    "roster:suspend": confirm_then_act("administrator", "creator"),
    "roster:reinstate": confirm_then_act("administrator", "creator"),
    "roster:remove": confirm_then_act("administrator", "creator"),
    "roster:badges": ADMINS_READ,
    "roster:badge_new": ADMINS_ACT,
    "roster:badge_edit": ADMINS_ACT,
    "roster:badge_delete": ADMINS_ACT,
    # The creator alone; with nothing waiting, cancelling sends them back to the hand-over page.
    "roster:hand_over": confirm_then_act("creator"),
    "roster:hand_over_cancel": row(
        (LOGIN, LOGIN), signed_in=(403, 403), creator=(REDIRECT, REDIRECT)
    ),
    "roster:hand_over_cancel@waiting": confirm_then_act("creator"),
    # Addressed to the administrator: only they answer (POST: accept).
    "roster:hand_over_answer": confirm_then_act("administrator"),
}

KWARGS = {
    "roster:member": AUTHOR,
    "roster:role": AUTHOR,
    "roster:member_badges": AUTHOR,
    "roster:suspend": AUTHOR,
    "roster:reinstate": lambda w: {"pk": w.roster_suspended.pk},
    "roster:remove": AUTHOR,
    "roster:badge_edit": lambda w: {"pk": w.roster_badge.pk},
    "roster:badge_delete": lambda w: {"pk": w.roster_badge.pk},
    "roster:hand_over_cancel@waiting": _waiting,
    "roster:hand_over_answer": lambda w: {"pk": w.roster_hand_over.pk},
}

POST_DATA = {
    "roster:role": lambda w: {"role": "moderator", "scopes": ["forum"]},
    "roster:suspend": lambda w: {"reason": "Spam in every comment."},
    "roster:reinstate": lambda w: {"reason": "Promised to behave."},
    "roster:remove": lambda w: {"reason": "A spam account."},
    "roster:badge_new": lambda w: {"name": "Class of 1998", "position": "1"},
    "roster:badge_edit": lambda w: {"name": "Volunteers", "position": "2"},
    "roster:hand_over": lambda w: {"to": str(w.administrator.pk), "password": PASSWORD},
    "roster:hand_over_answer": lambda w: {"answer": "accept"},
}

OBJECTS = {
    "roster_suspended": _suspended,
    "roster_badge": _badge,
    "roster_hand_over": _hand_over,
}
