"""Every write of notifications: making them (for the event handlers and later apps), marking
them read, the members' choices, unsubscribing, and what goes when something goes.

notify() is where the rules for everyone live: nobody is notified of their own action, nor by
a member they blocked or who blocked them, nor about what they may not see (the caller says
who may, `can_view`), nor when they chose "not at all" for the kind; suspended members and
accounts of other servers are never notified. It runs inside the writer's transaction
(lib/events.py): the notification, and the email queued with it, exist exactly when the
comment or like that caused them is committed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from friends.queries import hidden_member_ids
from members.models import Member

from . import emails, kinds, permissions, queries
from .kinds import DIGESTS, EMAILED, Delivery
from .models import EXCERPT_CHARS, TITLE_CHARS, Digest, Notification, Preference

# Everyone who commented before on a busy post: the most recent this many.
MAX_RECIPIENTS_PER_EVENT = 10_000


@dataclass(frozen=True)
class About:
    """What a notification is about, and what it shows of it."""

    target: models.Model | None
    url: str
    title: str = ""
    excerpt: str = ""
    # Where the target lives (the post a comment is on); its deletion takes the notification.
    where: models.Model | None = None


def _type_and_id(obj: models.Model | None) -> tuple[ContentType | None, int | None]:
    if obj is None:
        return None, None
    return ContentType.objects.get_for_model(obj), obj.pk


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def notify(
    kind_name: str,
    recipients: Iterable[Member],
    *,
    actor: Member | None,
    about: About,
    can_view: Callable[[Member], bool] | None = None,
    group_key: str = "",
) -> list[Notification]:
    """Tells each recipient (see the module for who is left out); returns what was written."""
    kind = kinds.get(kind_name)
    chosen: dict[int, Member] = {}
    for member in recipients:
        if actor is not None and member.pk == actor.pk:
            continue
        if not permissions.may_be_notified(member):
            continue
        if can_view is not None and not can_view(member):
            continue
        chosen[member.pk] = member
    if chosen and actor is not None:
        for pk in hidden_member_ids(actor) & chosen.keys():
            del chosen[pk]
    if not chosen:
        return []
    delivery = queries.deliveries_for(list(chosen), kind.name)
    wanted = [m for pk, m in chosen.items() if delivery[pk] != Delivery.OFF]
    target_type, target_id = _type_and_id(about.target)
    where_type, where_id = _type_and_id(about.where or about.target)
    now = timezone.now()

    def new(member: Member) -> Notification:
        return Notification(
            recipient=member,
            kind=kind.name,
            actor=actor,
            target_type=target_type,
            target_id=target_id,
            about_type=where_type,
            about_id=where_id,
            group_key=group_key if kind.grouped else "",
            url=about.url[:500],
            title=_short(about.title, TITLE_CHARS),
            excerpt=_short(about.excerpt, EXCERPT_CHARS),
            delivery=delivery[member.pk],
            created_at=now,
        )

    made: list[Notification] = []
    if kind.grouped and group_key:
        for member in wanted:
            notification = _add_to_group(new(member), actor)
            if notification is not None:
                made.append(notification)
    else:
        made = Notification.objects.bulk_create([new(member) for member in wanted])
    for notification in made:
        if notification.delivery == Delivery.EMAIL and permissions.may_be_emailed(
            notification.recipient
        ):
            emails.send_now(notification)
    return made


def _add_to_group(notification: Notification, actor: Member | None) -> Notification | None:
    """Adds `actor` to the recipient's unread notification of the same group, or starts one;
    returns the new notification (None when it joined one: that one was emailed already)."""
    unread = Notification.objects.filter(
        recipient_id=notification.recipient_id, group_key=notification.group_key, read_at=None
    )

    def join() -> int:
        # The same member liking again (after an unlike) is not one more.
        more = unread.exclude(actor=actor).update(
            actor=actor, actor_count=F("actor_count") + 1, created_at=notification.created_at
        )
        return more or unread.count()

    if join():
        return None
    try:
        with transaction.atomic():  # a savepoint: another like may start the group meanwhile
            notification.save()
    except IntegrityError:
        join()
        return None
    return notification


@transaction.atomic
def mark_read(notification: Notification, *, by: Member) -> bool:
    """Marks one notification read; False if it was already."""
    if not permissions.can_view_notification(by, notification):
        raise PermissionDenied(_("This is not your notification."))
    changed = Notification.objects.filter(pk=notification.pk, read_at=None).update(
        read_at=timezone.now()
    )
    notification.refresh_from_db(fields=["read_at"])
    return bool(changed)


@transaction.atomic
def mark_all_read(*, by: Member) -> int:
    """Marks every notification of `by` read; returns how many were unread."""
    if not permissions.can_have_notifications(by):
        raise PermissionDenied(_("Only members have notifications."))
    return Notification.objects.filter(recipient=by, read_at=None).update(read_at=timezone.now())


def _save_choice(member: Member, kind: kinds.Kind, delivery: Delivery) -> None:
    if delivery == kind.default:
        Preference.objects.filter(member=member, kind=kind.name).delete()
    else:
        Preference.objects.update_or_create(
            member=member, kind=kind.name, defaults={"delivery": delivery}
        )
    # What waits for a digest follows the new choice (no email at all if it is none).
    Notification.objects.filter(
        recipient=member, kind=kind.name, digest=None, read_at=None, delivery__in=DIGESTS
    ).update(delivery=delivery if delivery in DIGESTS else Delivery.PAGE)


@transaction.atomic
def set_preferences(choices: dict[str, Delivery], *, by: Member) -> None:
    """Saves `by`'s choice for each kind named in `choices`."""
    if not permissions.can_have_notifications(by):
        raise PermissionDenied(_("Only members have notifications."))
    current = queries.deliveries(by)
    for kind in kinds.registered():
        delivery = choices.get(kind.name)
        if delivery is not None and delivery != current[kind.name]:
            _save_choice(by, kind, delivery)


@transaction.atomic
def unsubscribe(member: Member, what: str) -> list[kinds.Kind]:
    """Turns off the emails of kind `what` (or every digest, `emails.DIGEST`): those kinds
    are shown on the site only from now on. Returns the kinds that changed. Needs no
    permission but the signed link (emails.read_token)."""
    current = queries.deliveries(member)
    if what == emails.DIGEST:
        names = [name for name, delivery in current.items() if delivery in DIGESTS]
    else:
        names = [what] if current.get(what) in EMAILED else []
    changed = [kinds.get(name) for name in names]
    for kind in changed:
        _save_choice(member, kind, Delivery.PAGE)
    return changed


def _forget(rows: models.QuerySet[Notification]) -> None:
    rows.delete()


def forget_about(obj: models.Model) -> None:
    """Deletes the notifications about `obj` or about what lives in it (a deleted post)."""
    content_type, pk = _type_and_id(obj)
    _forget(
        Notification.objects.filter(
            Q(target_type=content_type, target_id=pk) | Q(about_type=content_type, about_id=pk)
        )
    )


def forget_unseeable(obj: models.Model, can_view: Callable[[Member], bool]) -> None:
    """Deletes the notifications about `obj` whose recipients may no longer see it (a post
    hidden or turned back into a draft)."""
    content_type, pk = _type_and_id(obj)
    rows = Notification.objects.filter(
        Q(target_type=content_type, target_id=pk) | Q(about_type=content_type, about_id=pk)
    ).select_related("recipient")
    gone = [n.pk for n in rows if not can_view(n.recipient)]
    if gone:
        _forget(Notification.objects.filter(pk__in=gone))


def forget_between(a: Member, b: Member) -> None:
    """Deletes what each of the two was told of the other (a block)."""
    _forget(Notification.objects.filter(Q(recipient=a, actor=b) | Q(recipient=b, actor=a)))


def delete_notifications_of(member: Member) -> None:
    """A members.removal (and leaving) step: the member's notifications, choices and digests
    go, and so do those they caused others."""
    _forget(Notification.objects.filter(Q(recipient=member) | Q(actor=member)))
    Preference.objects.filter(member=member).delete()
    Digest.objects.filter(member=member).delete()
