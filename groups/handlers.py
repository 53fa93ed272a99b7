"""Who hears of what happens in groups (notifications), and Latest Activity's kinds for groups:
registered in AppConfig.ready().

- a request to join: the group's administrators;
- a request approved: the member who asked;
- an invitation: the member invited.
Making a group and joining one are activity; their lines show only to those who may see the
group's content (a private group's to its members).
"""

from collections.abc import Iterator
from datetime import datetime

from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activity import registry as activity
from lib import events
from members.models import Member
from notifications import kinds
from notifications.kinds import Delivery
from notifications.models import Notification
from notifications.services import About, forget_about, notify

from . import permissions, services
from .models import Group, Membership, name_tag

REQUEST = "group_request"
APPROVED = "group_approved"
INVITED = "group_invited"


def _request_sentence(n: Notification) -> str:
    return _("%(actor)s asks to join your group “%(title)s”")


def _approved_sentence(n: Notification) -> str:
    return _("%(actor)s let you into the group “%(title)s”")


def _invited_sentence(n: Notification) -> str:
    return _("%(actor)s invited you to the group “%(title)s”")


KINDS = (
    kinds.Kind(
        name=REQUEST,
        label=gettext_lazy("Requests to join a group I run"),
        default=Delivery.EMAIL,
        sentence=_request_sentence,
        order=70,
    ),
    kinds.Kind(
        name=APPROVED,
        label=gettext_lazy("My request to join a group approved"),
        default=Delivery.EMAIL,
        sentence=_approved_sentence,
        order=71,
    ),
    kinds.Kind(
        name=INVITED,
        label=gettext_lazy("Invitations to groups"),
        default=Delivery.EMAIL,
        sentence=_invited_sentence,
        order=72,
    ),
)


def _group(event: events.Event) -> Group | None:
    return event.target if isinstance(event.target, Group) else None


def tell_admins_of_request(event: events.Event) -> None:
    group = _group(event)
    if group is None:
        return
    admins = Member.objects.filter(
        Q(
            pk__in=Membership.objects.filter(group=group, role=Membership.Role.ADMIN).values(
                "member_id"
            )
        )
    )
    url = f"{group.get_absolute_url()}requests/"
    notify(REQUEST, admins, actor=event.actor, about=About(target=group, url=url, title=group.name))


def _tell_member(kind: str, event: events.Event) -> None:
    group = _group(event)
    member = event.data.get("member")
    if group is None or not isinstance(member, Member):
        return
    about = About(target=group, url=group.get_absolute_url(), title=group.name)
    notify(kind, [member], actor=event.actor, about=about)


def tell_of_approval(event: events.Event) -> None:
    _tell_member(APPROVED, event)


def tell_of_invitation(event: events.Event) -> None:
    _tell_member(INVITED, event)


def forget_group(event: events.Event) -> None:
    group = _group(event)
    if group is not None:
        forget_about(group)


def _sees_group(viewer: object, entry: object, target: object, on: object) -> bool:
    return isinstance(target, Group) and permissions.can_view_group_content(viewer, target)


def _group_tags(on: object) -> list[str]:
    return [name_tag(on.pk)] if isinstance(on, Group) else []


def _made_history() -> Iterator[tuple[Member, Group, datetime]]:
    """Each group made so far, by its maker (activity.registry.Kind.history)."""
    for group in Group.objects.select_related("creator").order_by("created_at", "id"):
        if group.creator is not None:
            yield group.creator, group, group.created_at


def _joined_history() -> Iterator[tuple[Member, Group, datetime]]:
    """Each joining of a group so far, its maker's aside (activity.registry.Kind.history)."""
    memberships = Membership.objects.exclude(member_id=F("group__creator_id"))
    for membership in memberships.select_related("member", "group").order_by("joined_at", "id"):
        yield membership.member, membership.group, membership.joined_at


ACTIVITY = (
    activity.Kind(
        event=services.CREATED,
        template="groups/_activity_created.html",
        can_view=_sees_group,
        removed_by=(services.DELETED,),
        hidden_by=(services.HIDDEN,),
        shown_by=(services.SHOWN,),
        tags=_group_tags,
        history=_made_history,
    ),
    activity.Kind(
        event=services.JOINED,
        template="groups/_activity_joined.html",
        can_view=_sees_group,
        removed_by=(services.DELETED,),
        hidden_by=(services.HIDDEN,),
        shown_by=(services.SHOWN,),
        tags=_group_tags,
        history=_joined_history,
    ),
)


def register_all() -> None:
    for kind in KINDS:
        kinds.register(kind)
    for activity_kind in ACTIVITY:
        activity.register(activity_kind)
    events.subscribe(services.REQUESTED, tell_admins_of_request)
    events.subscribe(services.APPROVED, tell_of_approval)
    events.subscribe(services.INVITED, tell_of_invitation)
    events.subscribe(services.DELETED, forget_group)
