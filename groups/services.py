"""Every write of groups: one function per action, each checking who acts (`by`), in one
transaction, naming the cache tags it changes and publishing its event (lib/events.py) for
Latest Activity and notifications.

A refusal a member may meet in the normal course (the group is full of them already, the last
administrator leaving) raises ValidationError with a sentence for them; an action the member
has no right to at all raises PermissionDenied (403).
"""

import io
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from comments.services import delete_all_comments_on
from lib import events
from lib.cachetags import invalidate
from lib.markup import render_markdown
from members.models import Member
from members.permissions import can_contribute
from tags.services import set_tags

from . import permissions
from .models import (
    LISTS_TAG,
    Group,
    Invitation,
    JoinRequest,
    Membership,
    group_tag,
    member_groups_tag,
    members_tag,
)

ICON_SIZE = 256

CREATED = "groups.created"
JOINED = "groups.joined"
REQUESTED = "groups.requested"
APPROVED = "groups.approved"
INVITED = "groups.invited"
LEFT = "groups.left"
REMOVED = "groups.removed"
DELETED = "groups.deleted"
HIDDEN = "groups.hidden"
SHOWN = "groups.shown"


def _membership_changed(group: Group, member: Member) -> None:
    invalidate(group_tag(group.pk), members_tag(group.pk), LISTS_TAG, member_groups_tag(member.pk))


def _group_changed(group: Group) -> None:
    """What shows the group itself: its pages, the lists, and its members' pages."""
    member_ids = Membership.objects.filter(group=group).values_list("member_id", flat=True)
    invalidate(*group.cache_tags(), *(member_groups_tag(pk) for pk in member_ids))


def _icon_file(upload: UploadedFile[bytes]) -> ContentFile[bytes]:
    """The picture as a square-bounded JPEG: only its pixels (no EXIF, comment or profile)."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    image.thumbnail((ICON_SIZE, ICON_SIZE))
    image.info = {}
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue())


def set_icon(group: Group, upload: UploadedFile[bytes]) -> None:
    old = group.icon.name
    group.icon.save(f"{group.pk}.jpg", _icon_file(upload), save=False)
    group.save(update_fields=["icon"])
    if old and old != group.icon.name:
        storage = group.icon.storage
        transaction.on_commit(lambda: storage.delete(old))


def _add_member(group: Group, member: Member, role: str = Membership.Role.MEMBER) -> bool:
    """Makes the membership; False if it existed already (a double submission)."""
    try:
        with transaction.atomic():
            Membership.objects.create(group=group, member=member, role=role)
    except IntegrityError:
        return False
    now = timezone.now()
    Group.objects.filter(pk=group.pk).update(member_count=F("member_count") + 1, active_at=now)
    group.member_count += 1
    group.active_at = now
    JoinRequest.objects.filter(group=group, member=member).delete()
    Invitation.objects.filter(group=group, member=member).delete()
    permissions.forget_memberships(member)
    _membership_changed(group, member)
    return True


def _end_membership(group: Group, member: Member) -> bool:
    deleted, _rows = Membership.objects.filter(group=group, member=member).delete()
    if not deleted:
        return False
    Group.objects.filter(pk=group.pk, member_count__gt=0).update(member_count=F("member_count") - 1)
    group.member_count = max(0, group.member_count - 1)
    permissions.forget_memberships(member)
    _membership_changed(group, member)
    return True


@transaction.atomic
def create_group(
    *,
    by: Member,
    name: str,
    slug: str,
    description: str = "",
    is_private: bool = False,
    joining: str = Group.Joining.OPEN,
    icon: UploadedFile[bytes] | None = None,
    tags: Sequence[str] = (),
) -> Group:
    """A new group, its creator its first administrator; with `tags`."""
    if not permissions.can_create_group(by):
        raise PermissionDenied
    group = Group.objects.create(
        name=name.strip(),
        slug=slug,
        description=description,
        description_html=render_markdown(description),
        is_private=is_private,
        joining=joining,
        creator=by,
    )
    if icon is not None:
        set_icon(group, icon)
    if tags:
        set_tags(group, tags)
    _add_member(group, by, Membership.Role.ADMIN)
    events.publish(CREATED, actor=by, target=group)
    return group


@transaction.atomic
def update_group(
    group: Group,
    *,
    by: Member,
    name: str,
    description: str,
    joining: str,
    icon: UploadedFile[bytes] | None = None,
    tags: Sequence[str] | None = None,
) -> Group:
    """Name, description, joining, icon and (unless None) tags. Whether it is private stays
    as it was made: a public group's wall, members and activity were read by everyone, and a
    private one's members joined expecting privacy."""
    if not permissions.can_manage_group(by, group):
        raise PermissionDenied
    group.name = name.strip()
    group.description = description
    group.description_html = render_markdown(description)
    group.joining = joining
    group.save(update_fields=["name", "description", "description_html", "joining"])
    if icon is not None:
        set_icon(group, icon)
    if tags is not None:
        set_tags(group, tags)
    _group_changed(group)
    return group


@transaction.atomic
def delete_group(group: Group, *, by: Member | None) -> None:
    """The group, its wall's comments, memberships, requests and invitations."""
    if by is not None and not permissions.can_delete_group(by, group):
        raise PermissionDenied
    events.publish(DELETED, actor=by, target=group)
    delete_all_comments_on(group)
    _group_changed(group)
    icon = group.icon.name
    storage = group.icon.storage
    group.delete()
    if icon:
        transaction.on_commit(lambda: storage.delete(icon))


@transaction.atomic
def set_hidden(group: Group, *, by: Member, hidden: bool) -> None:
    """A moderator hides a group (only moderators and up see it then) or shows it again."""
    if not permissions.can_hide_group(by):
        raise PermissionDenied
    if group.is_hidden == hidden:
        return
    group.hidden_at = timezone.now() if hidden else None
    group.save(update_fields=["hidden_at"])
    _group_changed(group)
    events.publish(HIDDEN if hidden else SHOWN, actor=by, target=group)


# --- Joining ---------------------------------------------------------------------------------


@transaction.atomic
def join(group: Group, *, by: Member) -> None:
    """Joins an open group at once."""
    if permissions.is_group_member(by, group):
        return
    if not permissions.can_join(by, group):
        raise ValidationError(_("This group is not open: ask to join, or wait to be invited."))
    if _add_member(group, by):
        events.publish(JOINED, actor=by, target=group)


@transaction.atomic
def ask_to_join(group: Group, *, by: Member) -> JoinRequest | None:
    """Asks the group's administrators; None if asked already (or a member already)."""
    if permissions.is_group_member(by, group):
        return None
    if not permissions.can_ask_to_join(by, group):
        raise ValidationError(_("This group does not take requests to join."))
    invitation = Invitation.objects.filter(group=group, member=by).first()
    if invitation is not None:  # invited already: asking is accepting
        _add_member(group, by)
        events.publish(JOINED, actor=by, target=group)
        return None
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(group=group, member=by)
    except IntegrityError:
        return None
    events.publish(REQUESTED, actor=by, target=group)
    return request


@transaction.atomic
def cancel_request(group: Group, *, by: Member) -> None:
    JoinRequest.objects.filter(group=group, member=by).delete()


def _manager(group: Group, by: Member) -> None:
    if not permissions.can_manage_group(by, group):
        raise PermissionDenied


@transaction.atomic
def approve(group: Group, member: Member, *, by: Member) -> None:
    _manager(group, by)
    if not JoinRequest.objects.filter(group=group, member=member).exists():
        if permissions.is_group_member(member, group):
            return  # approved twice
        raise ValidationError(_("%(name)s has not asked to join.") % {"name": member})
    if not can_contribute(member):
        JoinRequest.objects.filter(group=group, member=member).delete()
        raise ValidationError(_("%(name)s can no longer join.") % {"name": member})
    if _add_member(group, member):
        events.publish(APPROVED, actor=by, target=group, member=member)
        events.publish(JOINED, actor=member, target=group)


@transaction.atomic
def decline(group: Group, member: Member, *, by: Member) -> None:
    _manager(group, by)
    JoinRequest.objects.filter(group=group, member=member).delete()


@transaction.atomic
def invite(group: Group, member: Member, *, by: Member) -> Invitation | None:
    """Invites a member; None if they are in it or invited already."""
    _manager(group, by)
    if group.is_hidden:
        raise ValidationError(_("A hidden group invites nobody."))
    if not can_contribute(member):
        raise ValidationError(_("%(name)s cannot join groups.") % {"name": member})
    if permissions.is_group_member(member, group):
        raise ValidationError(_("%(name)s is in the group already.") % {"name": member})
    if JoinRequest.objects.filter(group=group, member=member).exists():
        approve(group, member, by=by)  # they asked: inviting is approving
        return None
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(group=group, member=member, invited_by=by)
    except IntegrityError:
        return None
    events.publish(INVITED, actor=by, target=group, member=member)
    return invitation


@transaction.atomic
def cancel_invitation(group: Group, member: Member, *, by: Member) -> None:
    _manager(group, by)
    Invitation.objects.filter(group=group, member=member).delete()


@transaction.atomic
def accept_invitation(group: Group, *, by: Member) -> None:
    if permissions.is_group_member(by, group):
        return
    if not Invitation.objects.filter(group=group, member=by).exists():
        raise ValidationError(_("You have no invitation to this group."))
    if not can_contribute(by) or group.is_hidden:
        raise ValidationError(_("You cannot join this group now."))
    if _add_member(group, by):
        events.publish(JOINED, actor=by, target=group)


@transaction.atomic
def decline_invitation(group: Group, *, by: Member) -> None:
    Invitation.objects.filter(group=group, member=by).delete()


# --- Leaving, removing, administrators -------------------------------------------------------


def is_last_admin(group: Group, member: Member) -> bool:
    """Whether `member` is the group's only administrator (who may not leave)."""
    return _is_last_admin(group, member)


def _is_last_admin(group: Group, member: Member) -> bool:
    admins = Membership.objects.filter(group=group, role=Membership.Role.ADMIN)
    return list(admins.values_list("member_id", flat=True)[:2]) == [member.pk]


@transaction.atomic
def leave(group: Group, *, by: Member) -> None:
    """Leaves the group. Its only administrator must hand over first (or delete it)."""
    Group.objects.select_for_update().filter(pk=group.pk).first()
    if _is_last_admin(group, by):
        raise ValidationError(permissions.LAST_ADMIN)
    if _end_membership(group, by):
        events.publish(LEFT, actor=by, target=group)


@transaction.atomic
def remove_member(group: Group, member: Member, *, by: Member) -> None:
    """A group administrator (or the network's) removes a member; not the last administrator."""
    _manager(group, by)
    if member.pk == by.pk:
        raise ValidationError(_("To leave the group, use Leave."))
    Group.objects.select_for_update().filter(pk=group.pk).first()
    if _is_last_admin(group, member):
        raise ValidationError(_("The group's only administrator cannot be removed."))
    if _end_membership(group, member):
        # Not told to the member; content apps forget what they told them of a private group.
        events.publish(REMOVED, actor=by, target=group, member=member)


@transaction.atomic
def set_role(group: Group, member: Member, *, admin: bool, by: Member) -> None:
    """Makes a member an administrator of the group, or a plain member again (not the last
    administrator: the group always has one)."""
    _manager(group, by)
    Group.objects.select_for_update().filter(pk=group.pk).first()
    membership = Membership.objects.filter(group=group, member=member).first()
    if membership is None:
        raise ValidationError(_("%(name)s is not in the group.") % {"name": member})
    if not admin and membership.is_admin and _is_last_admin(group, member):
        raise ValidationError(_("The group must keep at least one administrator."))
    role = Membership.Role.ADMIN if admin else Membership.Role.MEMBER
    if membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
        permissions.forget_memberships(member)
        invalidate(group_tag(group.pk), members_tag(group.pk))


def remove_memberships_of(member: Member) -> None:
    """A members.removal step (and a leaving step): the member's memberships, requests and
    invitations go. A group of which they were the only administrator gets a new one: its
    longest-standing other member, or, if nobody else is in it, the network's creator."""
    groups = list(Group.objects.filter(memberships__member=member))
    for group in groups:
        if _is_last_admin(group, member):
            heir = (
                Membership.objects.filter(group=group)
                .exclude(member=member)
                .order_by("joined_at", "id")
                .first()
            )
            if heir is not None:
                heir.role = Membership.Role.ADMIN
                heir.save(update_fields=["role"])
            else:
                creator = Member.objects.filter(role=Member.Role.CREATOR).first()
                if creator is not None and creator.pk != member.pk:
                    Membership.objects.create(
                        group=group, member=creator, role=Membership.Role.ADMIN
                    )
                    Group.objects.filter(pk=group.pk).update(member_count=F("member_count") + 1)
                    invalidate(member_groups_tag(creator.pk))
        _end_membership(group, member)
    JoinRequest.objects.filter(member=member).delete()
    Invitation.objects.filter(member=member).delete()
