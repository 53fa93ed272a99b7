"""Reading groups for other apps: which groups' content a user may read, in one query.

A content app that keeps rows in groups (a forum discussion, an event, a photo with a nullable
`group` foreign key) filters its lists with `in_readable_groups(user)`:

    Discussion.objects.filter(in_readable_groups(user))          # group=None, or readable

and asks `groups.permissions.can_view_group_content(user, discussion.group)` for one row.
"""

from django.db.models import Q, QuerySet

from members.permissions import is_admin, is_member, is_moderator

from .models import Group, Membership


def readable_group_ids(user: object) -> "QuerySet[Group, int]":
    """The ids of the groups whose content `user` may read, as a subquery (no query of its own
    until used): public groups not hidden; the private ones they are in; every group for
    network administrators; hidden public ones for moderators."""
    groups = Group.objects.all()
    if is_admin(user):
        return groups.values_list("pk", flat=True)
    readable = Q(is_private=False)
    if is_member(user):
        readable |= Q(pk__in=Membership.objects.filter(member=user).values("group_id"))
    if not is_moderator(user):
        readable &= Q(hidden_at=None)
    return groups.filter(readable).values_list("pk", flat=True)


def in_readable_groups(user: object, field: str = "group") -> Q:
    """Rows in no group, or in one whose content `user` may read (see the module)."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__in": readable_group_ids(user)})


def member_ids(group: Group) -> "QuerySet[Membership, int]":
    return Membership.objects.filter(group=group).values_list("member_id", flat=True)


def admins_of(group: Group) -> "QuerySet[Membership]":
    return Membership.objects.filter(group=group, role=Membership.Role.ADMIN)
