"""Federation's writes: a member's choice, members' blocks of remote accounts, the
administrators' blocks of whole servers. Each checks its permission (`by`)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.cachetags import invalidate
from members import actionlog
from members.models import Member

from . import delivery, ids, objects, permissions, rules
from .keys import actor_for
from .models import (
    Delivery,
    Follower,
    Following,
    LocalActor,
    MemberBlock,
    NetworkChoices,
    RemoteActor,
    Server,
)
from .tags import CHOICES_TAG, followers_tag


def set_federated(member: Member, federated: bool, *, by: Member) -> LocalActor:
    """The member shares their blog with other servers, or stops: nothing of theirs is served
    or sent while they are out (their followers stay, and hear again when they come back)."""
    if by.pk != member.pk or not permissions.can_change_own_federation(by):
        raise PermissionDenied(_("Only the member themselves can change this."))
    actor = actor_for(member)
    LocalActor.objects.filter(pk=actor.pk).update(federated=federated)
    invalidate(followers_tag(member.pk))  # their page's box comes or goes
    actor.federated = federated
    return actor


@transaction.atomic
def block_remote(member: Member, remote: RemoteActor, *, by: Member) -> None:
    """`member` blocks an account of another server: it stops following them, and its
    follows, replies and likes of their posts are refused from now on."""
    if by.pk != member.pk or not permissions.can_change_own_federation(by):
        raise PermissionDenied(_("Only the member themselves can block for themselves."))
    MemberBlock.objects.get_or_create(member=member, remote=remote)
    Follower.objects.filter(actor__member=member, remote=remote).delete()
    invalidate(followers_tag(member.pk))


@transaction.atomic
def unblock_remote(block: MemberBlock, *, by: Member) -> None:
    if not permissions.can_unblock(by, block):
        raise PermissionDenied(_("You cannot change this."))
    block.delete()


def normalized_domain(value: str) -> str:
    return (
        value.strip()
        .lower()
        .rstrip(".")
        .removeprefix("https://")
        .removeprefix("http://")
        .split("/")[0]
    )


@transaction.atomic
def block_domain(domain: str, *, by: Member, reason: str = "") -> Server:
    """Administrators block a whole server: its requests are refused, nothing more is sent to
    it, and its accounts stop following anyone here."""
    if not permissions.can_manage_federation(by):
        raise PermissionDenied(_("Only the network's administrators can do this."))
    domain = normalized_domain(domain)
    server, _made = Server.objects.get_or_create(domain=domain)
    Server.objects.filter(pk=server.pk).update(blocked_at=timezone.now())
    going = Follower.objects.filter(remote__domain=domain)
    invalidate(*{followers_tag(pk) for pk in going.values_list("actor__member_id", flat=True)})
    going.delete()
    # Members stop following its accounts (nothing is sent to a blocked server).
    Following.objects.filter(remote__domain=domain).delete()
    Delivery.objects.filter(
        domain=domain, state__in=[Delivery.State.PENDING, Delivery.State.RETRYING]
    ).update(state=Delivery.State.GIVEN_UP, last_error="server blocked")
    actionlog.record(by, "federation.block_domain", target=None, label=domain, reason=reason)
    server.refresh_from_db()
    return server


@transaction.atomic
def unblock_domain(server: Server, *, by: Member) -> None:
    if not permissions.can_manage_federation(by):
        raise PermissionDenied(_("Only the network's administrators can do this."))
    Server.objects.filter(pk=server.pk).update(blocked_at=None)
    actionlog.record(by, "federation.unblock_domain", target=None, label=server.domain)


def member_leaves(member: Member) -> None:
    """A member who leaves (their content kept, their person erased): servers that follow
    them are told the account is gone (Delete of the actor, signed with its key, which stays
    for that), their followers and blocks are dropped, and nothing of theirs federates again.
    A member removed outright takes their actor, followers and deliveries with them (nothing
    is sent: the key goes with the row)."""
    actor = LocalActor.objects.filter(member=member).first()
    if actor is None:
        return
    followers = Follower.objects.filter(actor=actor).select_related("remote")
    inboxes = {row.remote.delivery_inbox for row in followers}
    if inboxes and rules.enabled():
        actor_url = ids.member_actor(member.handle)
        delivery.queue(actor, objects.delete(actor_url, actor_url, "Person"), inboxes)
    followers.delete()
    # The accounts they follow elsewhere are told they stop (Undo{Follow}).
    from .following import stop

    for row in Following.objects.filter(member=member).select_related("remote", "member"):
        if rules.enabled():
            stop(row, by=member, leaving=True)
        else:
            row.delete()
    MemberBlock.objects.filter(member=member).delete()
    LocalActor.objects.filter(pk=actor.pk).update(federated=False)
    invalidate(followers_tag(member.pk))


@transaction.atomic
def save_choices(chosen: NetworkChoices, *, by: Member) -> None:
    """The administrators' choices (authorized fetch, where replies from elsewhere go), in the
    action log."""
    if not permissions.can_manage_federation(by):
        raise PermissionDenied(_("Only the network's administrators can do this."))
    chosen.pk = 1
    chosen.save()
    invalidate(CHOICES_TAG)
    actionlog.record(
        by,
        "federation.choices",
        target=None,
        label=f"authorized_fetch={chosen.authorized_fetch} replies={chosen.remote_replies}",
    )
