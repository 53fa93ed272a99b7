"""Who may see and do what with groups. Views, templates (through the views), services, the
comments and activity plug-ins and the content apps that live in groups (forum, events,
photos) all ask here; docs/permissions.md has the whole matrix.

- A public group, its wall, members and activity: everyone.
- A private group: its page shows its name, icon and description (and how to join) to
  everyone, so that an invitation or a link can be followed; its wall, member list, activity
  and content are its members' and the network administrators' only.
- A hidden group (by a moderator): moderators and up only; its members see it no more.
- Suspended members read as visitors (members.permissions.is_member is false for them).
"""

from collections.abc import Collection

from django.utils.translation import gettext_lazy as _

from friends.queries import hidden_member_ids
from members.models import Member
from members.permissions import can_contribute, is_admin, is_member, is_moderator

from .models import Group, Membership

LAST_ADMIN = _(
    "You are this group's only administrator. Make another member an administrator first, "
    "or delete the group."
)


def membership_of(user: object, group: Group) -> Membership | None:
    """The user's membership of the group (remembered on the user for the request)."""
    if not is_member(user) or group.pk is None:
        return None
    memo: dict[int, Membership | None] = user.__dict__.setdefault("_group_memberships", {})
    if group.pk not in memo:
        memo[group.pk] = Membership.objects.filter(group=group, member=user).first()
    return memo[group.pk]


def forget_memberships(user: object) -> None:
    """After a write: the next question reads the database again."""
    if isinstance(user, Member):
        user.__dict__.pop("_group_memberships", None)


def is_group_member(user: object, group: Group) -> bool:
    return membership_of(user, group) is not None


def is_group_admin(user: object, group: Group) -> bool:
    membership = membership_of(user, group)
    return membership is not None and membership.is_admin


def can_create_group(user: object) -> bool:
    """Members who confirmed their email."""
    return can_contribute(user)


def can_find_group(user: object, group: Group) -> bool:
    """Whether the group's page answers at all (its name, icon, description): everyone, unless
    a moderator hid it."""
    return not group.is_hidden or is_moderator(user)


def can_view_group_content(user: object, group: Group) -> bool:
    """The group's wall, member list, activity and what the content apps keep in it."""
    if group.is_hidden:
        return is_moderator(user)
    if not group.is_private:
        return True
    return is_admin(user) or is_group_member(user, group)


def can_list_group(user: object, group: Group) -> bool:
    """Group.objects.visible_to says the same for many groups."""
    if group.is_hidden:
        return is_moderator(user) and (not group.is_private or can_view_group_content(user, group))
    return can_view_group_content(user, group)


def can_post_in_group(user: object, group: Group) -> bool:
    """Writing on the wall (and, later, content in the group): confirmed members of it."""
    return can_contribute(user) and not group.is_hidden and is_group_member(user, group)


def can_manage_group(user: object, group: Group) -> bool:
    """Edit it, answer requests, invite, remove members, name administrators: the group's
    administrators and the network's."""
    return is_member(user) and (is_admin(user) or is_group_admin(user, group))


def can_delete_group(user: object, group: Group) -> bool:
    """Its administrators, and the network's moderators and up."""
    return is_member(user) and (is_moderator(user) or is_group_admin(user, group))


def can_hide_group(user: object) -> bool:
    """Network moderators, administrators and the creator."""
    return is_moderator(user)


def can_join(user: object, group: Group) -> bool:
    """Confirmed members not in it yet, of a group they can find and that is open."""
    return (
        can_contribute(user)
        and not group.is_hidden
        and group.joining == Group.Joining.OPEN
        and not is_group_member(user, group)
    )


def can_ask_to_join(user: object, group: Group) -> bool:
    return (
        can_contribute(user)
        and not group.is_hidden
        and group.joining == Group.Joining.REQUEST
        and not is_group_member(user, group)
    )


def hidden_authors(user: object, group: Group) -> Collection[int]:
    """For the comments plug-in: on a group's wall, those `user` blocked or who blocked them."""
    return hidden_member_ids(user)
