"""The moderation app's part of the access matrix (tests/test_access_matrix.py).

Reports are on the author's published post (`world.post`) and on the author as a member
("@member"); the queue's actions on the same post (and, to warn or suspend, its author); the
member record, suspension and the log on the author; reinstating on a suspended member of
this app's own (`world.suspended_by_moderators`, suspended through the service: the matrix's
`suspended` persona is only inactive). The matrix's moderator moderates every feature.
"""

from typing import Any

from blogs.models import Post
from conftest import make_member, make_post
from members.models import Member
from moderation import services
from tests.test_access_matrix import LOGIN, REDIRECT, World, confirm_then_act, row


def _pending_post(w: World) -> Post:
    """The author's post awaiting approval (as on a network that approves blog posts)."""
    post = make_post(w.author, "Waiting for a moderator")
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PENDING, published_at=None)
    post.refresh_from_db()
    return post


def _suspended_by_moderators(w: World) -> Member:
    member = make_member("Sana Suspended", "sana@example.org")
    services.suspend(member, by=w.creator, reason="Spam")
    return member


# Visitors (and the suspended, who read as visitors) are asked to sign in; unconfirmed members
# are told to confirm first (403); the author cannot report their own post (403).
REPORT = row((LOGIN, LOGIN), unconfirmed=(403, 403), confirmed=(200, REDIRECT), author=(403, 403))
MODERATORS = ("moderator", "administrator", "creator")

MATRIX = {
    "moderation:report": REPORT,
    "moderation:report@member": REPORT,  # the author cannot report themselves either
    "moderation:queue": row((LOGIN, LOGIN), signed_in=(403, 403), moderators=(200, 200)),
    "moderation:log": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "moderation:member": confirm_then_act(*MODERATORS),
    "moderation:suspend": confirm_then_act(*MODERATORS),
    "moderation:reinstate": confirm_then_act(*MODERATORS),
    "moderation:act": confirm_then_act(*MODERATORS),  # hide
    "moderation:act@delete": confirm_then_act(*MODERATORS),
    "moderation:act@dismiss": confirm_then_act(*MODERATORS),
    "moderation:act@warn": confirm_then_act(*MODERATORS),
    "moderation:act@suspend": confirm_then_act(*MODERATORS),
    # Approval: the queue, and approving or rejecting the author's post awaiting approval.
    "moderation:pending": row((LOGIN, LOGIN), signed_in=(403, 403), moderators=(200, 200)),
    "moderation:act@approve": confirm_then_act(*MODERATORS),
    "moderation:act@reject": confirm_then_act(*MODERATORS),
    # Once approved there is nothing to approve: refused.
    "moderation:act@approve_published": confirm_then_act(),
    # A post awaiting approval: its author and the blogs' moderators see it, nobody else.
    "blogs:post@pending": row((404, 404), author=(200, 200), moderators=(200, 200)),
}


def _act(action: str) -> Any:
    return lambda w: {"kind": "post", "pk": w.post.pk, "action": action}


KWARGS = {
    "moderation:report": lambda w: {"kind": "post", "pk": w.post.pk},
    "moderation:report@member": lambda w: {"kind": "member", "pk": w.author.pk},
    "moderation:member": lambda w: {"pk": w.author.pk},
    "moderation:suspend": lambda w: {"pk": w.author.pk},
    "moderation:reinstate": lambda w: {"pk": w.suspended_by_moderators.pk},
    "moderation:act": _act("hide"),
    "moderation:act@delete": _act("delete"),
    "moderation:act@dismiss": _act("dismiss"),
    "moderation:act@warn": _act("warn"),
    "moderation:act@suspend": _act("suspend"),
    "moderation:act@approve": lambda w: {
        "kind": "post",
        "pk": w.pending_post.pk,
        "action": "approve",
    },
    "moderation:act@reject": lambda w: {
        "kind": "post",
        "pk": w.pending_post.pk,
        "action": "reject",
    },
    "moderation:act@approve_published": _act("approve"),
    "blogs:post@pending": lambda w: {"pk": w.pending_post.pk, "slug": w.pending_post.slug},
}

REASON = {"reason": "Against the network's rules."}

POST_DATA = {
    "moderation:report": lambda w: REASON,
    "moderation:report@member": lambda w: REASON,
    "moderation:member": lambda w: {"body": "Warned twice before, by email."},
    "moderation:suspend": lambda w: REASON,
    "moderation:reinstate": lambda w: REASON,
    "moderation:act": lambda w: REASON,
    "moderation:act@delete": lambda w: REASON,
    "moderation:act@dismiss": lambda w: REASON,
    "moderation:act@warn": lambda w: REASON,
    "moderation:act@suspend": lambda w: REASON,
    "moderation:act@approve": lambda w: REASON,
    "moderation:act@reject": lambda w: REASON,
    "moderation:act@approve_published": lambda w: REASON,
}

OBJECTS = {"suspended_by_moderators": _suspended_by_moderators, "pending_post": _pending_post}
