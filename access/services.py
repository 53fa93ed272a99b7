"""Every write of access/: the privacy and joining settings, approving and declining the
members who wait, and invitations (one, many, resent, cancelled, accepted).

Destructive and administrative actions are logged (members.actionlog.record) in their
transaction; emails go through the queue (lib.email.queue_email) once the change commits.
"""

import hashlib
import secrets
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import QuerySet
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lib import events, ratelimit
from lib.cachetags import invalidate
from lib.email import queue_email
from members import actionlog
from members.models import Member
from members.services import remove_member
from network.models import Network

from .models import INVITATION_DAYS, Invitation, InvitationBatch
from .permissions import lets_in_directly

# The event a member who asks to join publishes once their email is confirmed (or at once when
# they came by a member's invitation): administrators are told (notifications, see
# /tmp/access-integration.md).
ASKED_TO_JOIN = "access.asked_to_join"

INVITATION_SALT = "access.invitation"
INVITATION_MAX_AGE = INVITATION_DAYS * 24 * 3600
# Addresses one bulk sending takes, and how many the queue handles per task run.
MAX_ADDRESSES = 1000
BATCH_SIZE = 50
# Invitations one person may send a day: members, administrators.
INVITES_PER_DAY = 50
INVITES_PER_DAY_ADMIN = 2000
INVITE_WINDOW = 24 * 3600
# How often one invitation may be resent.
MAX_SENDS = 5


# --- Settings ---------------------------------------------------------------------------------


@transaction.atomic
def update_access_settings(network: Network, changed: list[str], *, by: Member) -> Network:
    """Saves visibility, joining and members' invitations (validated by the form); every
    cached page depends on "network", so a network made private serves no cached page to a
    visitor from this moment on (lib/pagecache.py; page files are removed: lib/pagefiles.py)."""
    renamed = {
        "posts_wait": "approval_required",
        "discussions_wait": "approval_required",
        "comments_wait": "approval_required",
        "photos_wait": "approval_required",
        "events_wait": "approval_required",
        "hold_links": "hold_new_members_links",
    }
    changed = list(dict.fromkeys(renamed.get(f, f) for f in changed))
    fields = [
        f
        for f in (
            "visibility",
            "join_mode",
            "members_may_invite",
            "approval_required",
            "hold_new_members_links",
        )
        if f in changed
    ]
    if not fields:
        return network
    network.save(update_fields=fields)
    invalidate("network")
    described = "; ".join(f"{name}: {getattr(network, name)}" for name in fields)
    actionlog.record(by, "access-settings", network, reason=described)
    return network


# --- Members waiting for approval -----------------------------------------------------------


def pending_members() -> "QuerySet[Member]":
    return Member.objects.local().filter(awaiting_approval=True, is_active=True)


def _email_member(member: Member, template: str, network: Network, base_url: str) -> None:
    context = {"network": network, "member": member, "home": base_url + "/"}
    address = member.address
    if not address:
        return
    queue_email(
        " ".join(render_to_string(f"access/email/{template}_subject.txt", context).split()),
        render_to_string(f"access/email/{template}_body.txt", context),
        [address],
    )


@transaction.atomic
def approve_member(member: Member, *, by: Member, network: Network, base_url: str) -> None:
    updated = Member.objects.filter(pk=member.pk, awaiting_approval=True).update(
        awaiting_approval=False
    )
    if not updated:
        return
    member.awaiting_approval = False
    actionlog.record(by, "approve-member", member, label=member.display_name)
    invalidate("directory", *member.cache_tags())
    if member.email_confirmed:
        events.publish("members.joined", actor=member, target=member)
    _email_member(member, "approved", network, base_url)


@transaction.atomic
def decline_member(member: Member, *, by: Member, network: Network, base_url: str) -> None:
    """Tells them, then removes the account (and anything it holds) with the members' own
    service."""
    if not member.awaiting_approval:
        return
    _email_member(member, "declined", network, base_url)
    actionlog.record(by, "decline-member", member, label=member.display_name)
    remove_member(member)


def asked_to_join(member: Member) -> None:
    """A member now waits for an administrator: tell them (the event's handlers)."""
    events.publish(ASKED_TO_JOIN, actor=member, target=member)


# --- Invitations ------------------------------------------------------------------------------


def _hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def _new_link(invitation: Invitation) -> str:
    """A fresh nonce for the invitation (older links stop working) and its signed token."""
    nonce = secrets.token_urlsafe(16)
    invitation.nonce_hash = _hash(nonce)
    return signing.dumps({"i": invitation.pk, "n": nonce}, salt=INVITATION_SALT, compress=True)


def fresh_token(invitation: Invitation) -> str:
    """A new link's token for the invitation, saved (the links sent before stop working)."""
    token = _new_link(invitation)
    invitation.save(update_fields=["nonce_hash"])
    return token


class InvitationProblem(Exception):
    """Why an invitation's link does not let someone in: "invalid", "expired", "used",
    "cancelled"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def invitation_for(token: str, *, used_too: bool = False) -> Invitation:
    """The open invitation of a link's token (`used_too`: or an accepted one); else
    InvitationProblem says why not."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired:
        raise InvitationProblem("expired") from None
    except signing.BadSignature:
        raise InvitationProblem("invalid") from None
    pk, nonce = (data.get("i"), data.get("n")) if isinstance(data, dict) else (None, None)
    if not isinstance(pk, int) or not isinstance(nonce, str):
        raise InvitationProblem("invalid")
    invitation = Invitation.objects.select_related("invited_by").filter(pk=pk).first()
    if invitation is None or not secrets.compare_digest(invitation.nonce_hash, _hash(nonce)):
        raise InvitationProblem("invalid")
    state = invitation.state
    if state == Invitation.State.ACCEPTED:
        if used_too:
            return invitation
        raise InvitationProblem("used")
    if state == Invitation.State.CANCELLED:
        raise InvitationProblem("cancelled")
    if state == Invitation.State.EXPIRED:
        raise InvitationProblem("expired")
    return invitation


def _send(invitation: Invitation, token: str, network: Network, base_url: str) -> None:
    context = {
        "network": network,
        "invitation": invitation,
        "inviter": invitation.inviter_name,
        "link": base_url + reverse("access:accept", args=[token]),
        "days": INVITATION_DAYS,
    }
    queue_email(
        " ".join(render_to_string("access/email/invitation_subject.txt", context).split()),
        render_to_string("access/email/invitation_body.txt", context),
        [invitation.email],
    )


def invites_left(member: Member) -> int:
    limit = INVITES_PER_DAY_ADMIN if lets_in_directly(member) else INVITES_PER_DAY
    return max(0, limit - ratelimit.count("invitations", str(member.pk)))


def _count_sent(member: Member, how_many: int) -> None:
    for _ in range(how_many):
        ratelimit.record_attempt("invitations", str(member.pk), INVITE_WINDOW)


def may_be_invited(email: str) -> bool:
    """Not a member already, and no open invitation waiting for them."""
    return not (
        Member.objects.filter(email__iexact=email).exists()
        or Invitation.objects.open().filter(email__iexact=email).exists()
    )


@transaction.atomic
def invite(
    email: str,
    *,
    by: Member,
    network: Network,
    base_url: str,
    message: str = "",
    batch: InvitationBatch | None = None,
) -> Invitation | None:
    """Invites one address (already validated); None when it is a member's or already invited."""
    email = email.strip().lower()
    if not may_be_invited(email):
        return None
    invitation = Invitation.objects.create(
        email=email,
        invited_by=by,
        inviter_name=by.display_name,
        by_admin=lets_in_directly(by),
        message=message,
        batch=batch,
        nonce_hash="-",
    )
    token = _new_link(invitation)
    invitation.save(update_fields=["nonce_hash"])
    _count_sent(by, 1)
    _send(invitation, token, network, base_url)
    invalidate("invitations")
    return invitation


@transaction.atomic
def invite_many(
    addresses: list[str], *, by: Member, message: str = "", base_url: str
) -> InvitationBatch:
    """Starts a bulk sending: the queue invites BATCH_SIZE addresses per run until done."""
    batch = InvitationBatch.objects.create(invited_by=by, addresses=addresses, message=message)
    _count_sent(by, len(addresses))
    transaction.on_commit(lambda: send_batch.enqueue(batch.pk, base_url))
    return batch


@task
def send_batch(batch_id: int, base_url: str) -> None:
    """Invites the next BATCH_SIZE addresses of a bulk sending, then queues itself again."""
    with transaction.atomic():
        batch = (
            InvitationBatch.objects.select_for_update()
            .select_related("invited_by")
            .filter(pk=batch_id, finished_at__isnull=True)
            .first()
        )
        network = Network.objects.first()
        if batch is None or network is None:
            return
        inviter = batch.invited_by
        for email in batch.addresses[batch.done : batch.done + BATCH_SIZE]:
            if _invite_quietly(email, inviter, network, base_url, batch):
                batch.sent += 1
            batch.done += 1
        more = batch.done < batch.total
        if not more:
            batch.finished_at = timezone.now()
        batch.save(update_fields=["done", "sent", "finished_at"])
        invalidate("invitations")
    if more:
        send_batch.enqueue(batch_id, base_url)


def _invite_quietly(
    email: str, inviter: Member, network: Network, base_url: str, batch: InvitationBatch
) -> bool:
    email = email.strip().lower()
    if not may_be_invited(email):
        return False
    invitation = Invitation.objects.create(
        email=email,
        invited_by=inviter,
        inviter_name=inviter.display_name,
        by_admin=lets_in_directly(inviter),
        message=batch.message,
        batch=batch,
        nonce_hash="-",
    )
    token = _new_link(invitation)
    invitation.save(update_fields=["nonce_hash"])
    _send(invitation, token, network, base_url)
    return True


class CannotResend(Exception):
    pass


@transaction.atomic
def resend(invitation: Invitation, *, by: Member, network: Network, base_url: str) -> None:
    """A new link (the old one stops working), valid INVITATION_DAYS from now."""
    if invitation.accepted_at is not None or invitation.cancelled_at is not None:
        raise CannotResend("closed")
    if invitation.sent_count >= MAX_SENDS or invites_left(by) <= 0:
        raise CannotResend("limit")
    token = _new_link(invitation)
    invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
    invitation.sent_count += 1
    invitation.save(update_fields=["nonce_hash", "expires_at", "sent_count"])
    _count_sent(by, 1)
    actionlog.record(by, "resend-invitation", invitation, label=invitation.email)
    _send(invitation, token, network, base_url)
    invalidate("invitations")


@transaction.atomic
def cancel(invitation: Invitation, *, by: Member) -> None:
    if invitation.accepted_at is not None or invitation.cancelled_at is not None:
        return
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    actionlog.record(by, "cancel-invitation", invitation, label=invitation.email)
    invalidate("invitations")


@transaction.atomic
def accept(invitation: Invitation, *, display_name: str, password: str, network: Network) -> Member:
    """Makes the invited person a member: their email is confirmed (the link came to it).
    They wait for approval only on a network that approves members, when a member (not an
    administrator) invited them."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.state != Invitation.State.PENDING:
        raise InvitationProblem("used" if locked.accepted_at else "invalid")
    if Member.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationProblem("member")
    waits = network.join_mode == Network.JoinMode.APPROVAL and not locked.by_admin
    member = Member.objects.create_user(
        invitation.email,
        password,
        display_name=display_name.strip(),
        email_confirmed=True,
        awaiting_approval=waits,
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = member
    locked.save(update_fields=["accepted_at", "accepted_by"])
    invalidate("directory", "invitations")
    if waits:
        asked_to_join(member)
    else:
        events.publish("members.joined", actor=member, target=member)
    return member
