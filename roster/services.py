"""The writes of /manage/members/, /manage/badges/ and the hand-over. Each checks `by`
(roster/permissions.py), records itself in the network's log (members.actionlog) and
invalidates the pages that show what changed (docs/architecture.md, the tag table):
names, roles and badges show beside members' names everywhere ("people") and in the
directory ("directory"); the network's creator shows in every page's footer ("network")."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.cachetags import invalidate
from lib.pictures import reencoded
from members import actionlog
from members.models import Badge, Member
from members.services import remove_member as _remove_member
from network.models import Network
from notifications.services import About, notify

from . import permissions
from .models import HandOver

FEATURES = ("blogs", "comments", "forum", "groups", "events", "photos")
BADGE_IMAGE_SIZE = 64
# The notification kind a hand-over sends (registered in RosterConfig.ready()).
HAND_OVER_KIND = "roster_hand_over"


def _refresh(member: Member) -> None:
    invalidate(*member.cache_tags())


# --- Roles ------------------------------------------------------------------------------------


@transaction.atomic
def change_role(member: Member, role: str, *, by: Member, scopes: list[str] | None = None) -> bool:
    """Makes `member` a member, a moderator (of `scopes`, none: every feature) or an
    administrator; returns whether anything changed."""
    if role not in (Member.Role.MEMBER, Member.Role.MODERATOR, Member.Role.ADMIN):
        raise ValidationError(_("Choose a role."))
    if not permissions.can_change_role(by, member, role):
        raise PermissionDenied(_("You cannot give this member that role."))
    scopes = sorted({s for s in scopes or [] if s in FEATURES})
    if role != Member.Role.MODERATOR or len(scopes) == len(FEATURES):
        scopes = []
    if member.role == role and list(member.moderator_scopes or []) == scopes:
        return False
    before = member.get_role_display()
    member.role = role
    member.moderator_scopes = scopes
    member.save(update_fields=["role", "moderator_scopes"])
    what = f"role:{role}"
    if scopes:
        reason = _("%(before)s → %(after)s (%(scopes)s)") % {
            "before": before,
            "after": member.get_role_display(),
            "scopes": ", ".join(scopes),
        }
    else:
        reason = _("%(before)s → %(after)s") % {
            "before": before,
            "after": member.get_role_display(),
        }
    actionlog.record(by, what, member, reason=reason)
    # The member page says the role; bylines and the directory show the member.
    _refresh(member)
    return True


# --- Suspension and removal -------------------------------------------------------------------


def suspend(member: Member, *, by: Member, reason: str, delete_content: bool = False) -> None:
    """Through moderation's service (which signs them out, logs and invalidates)."""
    if not permissions.can_suspend(by, member):
        raise PermissionDenied(_("You cannot suspend this member."))
    from moderation import services as moderation

    moderation.suspend(member, by=by, reason=reason, delete_content=delete_content)


def reinstate(member: Member, *, by: Member, reason: str) -> None:
    if not permissions.can_reinstate(by, member):
        raise PermissionDenied(_("You cannot reinstate this member."))
    from moderation import services as moderation

    moderation.reinstate(member, by=by, reason=reason)


@transaction.atomic
def remove(member: Member, *, by: Member, reason: str = "") -> None:
    """Deletes the member and everything they wrote (members.services.remove_member: every
    app's removal step recounts what their content counted, then every page is refreshed)."""
    if not permissions.can_remove(by, member):
        raise PermissionDenied(_("You cannot remove this member."))
    actionlog.record(
        by, "remove-member", member, label=f"{member.display_name} <{member.email}>", reason=reason
    )
    _remove_member(member)


# --- Badges -----------------------------------------------------------------------------------


@transaction.atomic
def save_badge(
    badge: Badge, *, by: Member, image: UploadedFile[bytes] | None = None, clear_image: bool = False
) -> Badge:
    """Creates or edits a badge; `image` (checked by lib.pictures.validate_picture) is stored
    re-encoded, at most BADGE_IMAGE_SIZE pixels."""
    if not permissions.can_manage_badges(by):
        raise PermissionDenied
    new = badge.pk is None
    old_file = badge.image.name if (clear_image or image is not None) else ""
    if clear_image or image is not None:
        badge.image.name = ""
    badge.save()
    if image is not None:
        content, extension = reencoded(image, size=BADGE_IMAGE_SIZE, keep_transparency=True)
        badge.image.save(f"badge-{badge.pk}.{extension}", content, save=True)
    if old_file:
        storage = badge.image.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    actionlog.record(by, "badge:new" if new else "badge:edit", badge)
    invalidate("people", "directory")
    return badge


@transaction.atomic
def delete_badge(badge: Badge, *, by: Member) -> None:
    if not permissions.can_manage_badges(by):
        raise PermissionDenied
    actionlog.record(by, "badge:delete", badge)
    name = badge.image.name
    storage = badge.image.storage
    badge.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    invalidate("people", "directory")


@transaction.atomic
def set_badges(member: Member, badges: list[Badge], *, by: Member) -> bool:
    """Gives `member` exactly `badges`; returns whether that changed anything."""
    if not permissions.can_set_badges(by, member):
        raise PermissionDenied(_("You cannot give this member badges."))
    before = set(member.badges.values_list("pk", flat=True))
    after = {b.pk for b in badges}
    if before == after:
        return False
    member.badges.set(badges)
    names = ", ".join(sorted(b.name for b in badges)) or "—"
    actionlog.record(by, "badges", member, reason=names)
    _refresh(member)
    return True


# --- Hand-over --------------------------------------------------------------------------------


def _expire_lapsed() -> None:
    HandOver.objects.filter(status=HandOver.Status.PENDING, expires_at__lte=timezone.now()).update(
        status=HandOver.Status.EXPIRED
    )


def open_hand_over() -> HandOver | None:
    """The hand-over waiting for an answer, if any (one that lapsed is marked expired)."""
    _expire_lapsed()
    return (
        HandOver.objects.filter(status=HandOver.Status.PENDING)
        .select_related("from_member", "to_member")
        .first()
    )


@transaction.atomic
def ask_hand_over(to: Member, *, by: Member, base_url: str = "") -> HandOver:
    """The creator asks administrator `to` to take the network over (their password was
    checked by the form); `to` is told, by notification and (by default) email."""
    if not permissions.can_hand_over(by):
        raise PermissionDenied(_("Only the network's creator can hand it over."))
    if to.pk == by.pk or not permissions.can_receive_network(to):
        raise ValidationError(_("The network can be handed over only to an administrator."))
    if open_hand_over() is not None:
        raise ValidationError(_("A hand-over is already waiting for an answer."))
    try:
        with transaction.atomic():
            hand_over = HandOver.objects.create(from_member=by, to_member=to)
    except IntegrityError:  # asked twice at once: the database keeps one ("one_pending_hand_over")
        raise ValidationError(_("A hand-over is already waiting for an answer.")) from None
    actionlog.record(by, "hand-over:ask", to)
    notify(
        HAND_OVER_KIND,
        [to],
        actor=by,
        about=About(target=hand_over, url=hand_over.get_absolute_url(), title=""),
    )
    return hand_over


def _locked(hand_over: HandOver) -> HandOver:
    return (
        HandOver.objects.select_for_update()
        .select_related("from_member", "to_member")
        .get(pk=hand_over.pk)
    )


@transaction.atomic
def cancel_hand_over(hand_over: HandOver, *, by: Member) -> None:
    hand_over = _locked(hand_over)
    if by.pk != hand_over.from_member_id or not hand_over.is_open:
        raise PermissionDenied(_("This hand-over cannot be cancelled."))
    hand_over.status = HandOver.Status.CANCELLED
    hand_over.answered_at = timezone.now()
    hand_over.save(update_fields=["status", "answered_at"])
    actionlog.record(by, "hand-over:cancel", hand_over.to_member)


@transaction.atomic
def decline_hand_over(hand_over: HandOver, *, by: Member) -> None:
    hand_over = _locked(hand_over)
    if not permissions.can_answer_hand_over(by, hand_over):
        raise PermissionDenied(_("This hand-over is not waiting for your answer."))
    hand_over.status = HandOver.Status.DECLINED
    hand_over.answered_at = timezone.now()
    hand_over.save(update_fields=["status", "answered_at"])
    actionlog.record(by, "hand-over:decline", hand_over.from_member)


@transaction.atomic
def accept_hand_over(hand_over: HandOver, *, by: Member) -> None:
    """The administrator takes the network over: they become its creator, the creator an
    administrator, in one transaction. The old creator steps down first: the database allows
    one creator only (members.models, constraint "one_creator")."""
    hand_over = _locked(hand_over)
    if not permissions.can_answer_hand_over(by, hand_over):
        raise PermissionDenied(_("This hand-over is not waiting for your answer."))
    old = Member.objects.select_for_update().get(pk=hand_over.from_member_id)
    new = Member.objects.select_for_update().get(pk=hand_over.to_member_id)
    if not old.is_creator or not permissions.can_receive_network(new):
        raise PermissionDenied(_("This hand-over no longer holds: the roles have changed."))
    # The technical admin goes with the network (the first creator has it from setup).
    staff = old.is_staff or new.is_staff, old.is_superuser or new.is_superuser
    old.role = Member.Role.ADMIN
    old.moderator_scopes = []
    old.is_staff = old.is_superuser = False
    old.save(update_fields=["role", "moderator_scopes", "is_staff", "is_superuser"])
    new.role = Member.Role.CREATOR
    new.moderator_scopes = []
    new.is_staff, new.is_superuser = staff
    new.save(update_fields=["role", "moderator_scopes", "is_staff", "is_superuser"])
    Network.objects.update(creator=new)
    hand_over.status = HandOver.Status.ACCEPTED
    hand_over.answered_at = timezone.now()
    hand_over.save(update_fields=["status", "answered_at"])
    actionlog.record(
        new,
        "hand-over:accept",
        old,
        reason=_("%(new)s is the creator now; %(old)s an administrator")
        % {"new": new.display_name, "old": old.display_name},
    )
    # The footer's "Created by", roles on member pages, the /manage/ links.
    invalidate("network", "people", "directory")
    by.role = new.role
