"""Groups: members gathered around a class year, a city, a cause. A group has a page with its
description and a comment wall, its members (some of them its administrators), and its way of
joining. A private group shows only its name, icon and description to those not in it.

Membership rows are unique per (group, member), as are requests and invitations: a double
submission (two tabs, a double click) makes one row (services.py catches the second).
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.urls import fast_reverse
from members.permissions import is_admin, is_member, is_moderator

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from members.models import Member

# Every listing of groups (the index, the home page's section, a member's groups, counts).
LISTS_TAG = "group-lists"


def group_tag(pk: int) -> str:
    """A group's page: its description, count, administrators and comment wall."""
    return f"group:{pk}"


def members_tag(pk: int) -> str:
    """A group's member list."""
    return f"group-members:{pk}"


def name_tag(pk: int) -> str:
    """What shows a group's name and link alone (Latest Activity's lines): its edits, hiding
    and deletion, not its memberships."""
    return f"group-name:{pk}"


def member_groups_tag(member_id: int) -> str:
    """The groups a member's page lists (their public groups)."""
    return f"member-groups:{member_id}"


class GroupQuerySet(models.QuerySet["Group"]):
    def shown(self) -> "GroupQuerySet":
        """Not hidden by a moderator."""
        return self.filter(hidden_at=None)

    def public(self) -> "GroupQuerySet":
        return self.shown().filter(is_private=False)

    def visible_to(self, user: "Member | AnonymousUser | object") -> "GroupQuerySet":
        """The groups `user` sees in lists (groups.permissions.can_list_group, for many):
        public ones to everyone; private ones to their members and network administrators;
        hidden ones to moderators and up."""
        if is_admin(user):
            return self.all()
        if is_member(user):
            mine = Membership.objects.filter(member=user).values("group_id")
            readable = self.filter(Q(is_private=False) | Q(pk__in=mine))
            return readable if is_moderator(user) else readable.shown()
        return self.public()


class Group(models.Model):
    class Joining(models.TextChoices):
        OPEN = "open", _("Anyone may join")
        REQUEST = "request", _("Members ask to join; the group's administrators approve")
        INVITATION = "invitation", _("By invitation of the group's administrators only")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("address"),
        max_length=60,
        unique=True,
        allow_unicode=True,
        help_text=_("The group's page is at /groups/<address>/: letters, digits and hyphens."),
    )
    description = models.TextField(
        _("description"), max_length=10_000, blank=True, help_text=_("Markdown")
    )
    description_html = models.TextField(editable=False, blank=True)
    icon = models.ImageField(_("icon"), upload_to="groups/icons/", blank=True)
    is_private = models.BooleanField(
        _("private"),
        default=False,
        help_text=_(
            "Only its members see a private group's wall, members and activity; others see "
            "its name, icon and description."
        ),
    )
    joining = models.CharField(
        _("joining"), max_length=12, choices=Joining.choices, default=Joining.OPEN
    )
    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # The last time someone joined (or the group was made): the home page's "active" order.
    active_at = models.DateTimeField(default=timezone.now, editable=False)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True, editable=False)
    # Kept by services in the transaction of each membership made or ended.
    member_count = models.PositiveIntegerField(default=0, editable=False)
    # Kept by comments.services (the group's comment wall).
    comment_count = models.PositiveIntegerField(default=0, editable=False)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["is_private", "hidden_at", "name", "id"], name="group_listing"),
            models.Index(
                fields=["is_private", "hidden_at", "-active_at", "-id"], name="group_active"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("groups:detail", self.slug)

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def takes_requests(self) -> bool:
        return self.joining == self.Joining.REQUEST

    def cache_tags(self) -> list[str]:
        return [group_tag(self.pk), members_tag(self.pk), name_tag(self.pk), LISTS_TAG]


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "member"], name="one_membership_per_group")
        ]
        indexes = [
            # The member list: administrators first, then by joining.
            models.Index(fields=["group", "role", "joined_at", "id"], name="membership_list"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} in {self.group_id}"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


class JoinRequest(models.Model):
    """A member asks to join a group whose joining is by request."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="join_requests")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_requests"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("request to join a group")
        verbose_name_plural = _("requests to join groups")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "member"], name="one_request_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} asks to join {self.group_id}"


class Invitation(models.Model):
    """A group's administrator invites a member."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("invitation to a group")
        verbose_name_plural = _("invitations to groups")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "member"], name="one_invitation_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} invited to {self.group_id}"
