"""Every write of the messages app, checked and in one transaction.

Each function takes the acting member (`by`) and checks messaging/permissions.py itself, so a
command or a future API is refused what the page refuses. What cannot be done raises `Refused`
(a ValidationError whose messages are for the member, by form field); writing too fast raises
`TooManyMessages`.

A form sent twice (a double click, the browser sending it again) writes one message: each form
carries a one-time token, and the message stores a hash of it with what was sent
(`Message.submission`, unique per author); the second submission finds the first message and
answers with it. Two submissions racing both pass the first look, and the database constraint
lets one through: the other rolls back to its savepoint and answers with the winner's.

Blocks are never named: "You cannot send a message to X" is all the writer learns.
"""

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, Max, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from friends.models import Block
from friends.queries import hidden_member_ids
from lib import events, ratelimit
from lib.cachetags import invalidate
from lib.markup import render_plain_text, truncate_words
from lib.text import clean_text
from members.models import Member

from . import permissions
from .models import (
    MAX_BODY_CHARS,
    MAX_SUBJECT_CHARS,
    Broadcast,
    Message,
    Participant,
    Policy,
    Thread,
)
from .queries import inbox_tag, thread_tag

MAX_RECIPIENTS = 20
EXCERPT_CHARS = 140
# Messages one member may send in RATELIMIT_MESSAGES' window (anjuman/settings.py; 0: none).
DEFAULT_RATELIMIT = (40, 10 * 60)


class Refused(ValidationError):
    """What the member asked cannot be done; the messages say why (by form field)."""


class TooManyMessages(PermissionDenied):
    """A member sent more messages than RATELIMIT_MESSAGES allows in its window."""


def _refuse(field: str | None, message: str) -> Refused:
    return Refused({field: [message]}) if field else Refused(message)


def clean_subject(subject: str) -> str:
    subject = clean_text(subject).strip()
    if not subject:
        raise _refuse("subject", _("Please give your message a subject."))
    if len(subject) > MAX_SUBJECT_CHARS:
        raise _refuse(
            "subject",
            _("The subject is %(n)d characters long; at most %(max)d, please.")
            % {"n": len(subject), "max": MAX_SUBJECT_CHARS},
        )
    return subject


def clean_body(body: str) -> str:
    body = clean_text(body, multiline=True).strip()
    if not body:
        raise _refuse("body", _("Please write your message first."))
    if len(body) > MAX_BODY_CHARS:
        raise _refuse(
            "body",
            _("Your message is %(n)d characters long; at most %(max)d, please.")
            % {"n": len(body), "max": MAX_BODY_CHARS},
        )
    return body


def cannot_write_to(member: Member) -> str:
    return _("You cannot send a message to %(name)s.") % {"name": member.display_name}


def check_recipients(by: Member, recipients: Iterable[Member]) -> list[Member]:
    """The members `by` writes to, each once, without `by`; refused if there are none, too
    many, or one they may not write to (suspended, of another server, blocked either way)."""
    chosen = list({m.pk: m for m in recipients if m.pk != by.pk}.values())
    if not chosen:
        raise _refuse("to", _("Please choose at least one member other than yourself."))
    if len(chosen) > MAX_RECIPIENTS:
        raise _refuse(
            "to",
            ngettext(
                "At most %(max)d recipient, please.",
                "At most %(max)d recipients, please.",
                MAX_RECIPIENTS,
            )
            % {"max": MAX_RECIPIENTS},
        )
    hidden = hidden_member_ids(by)
    refused = [m for m in chosen if m.pk in hidden or not permissions.is_reachable(m)]
    if refused:
        raise Refused({"to": [cannot_write_to(m) for m in refused]})
    return chosen


def submission_key(token: str, *parts: object) -> str:
    """What identifies one sending of one form: its token and what it sent ("" without a
    token: nothing to compare with)."""
    token = token.strip()[:64]
    if not token:
        return ""
    text = "\x1f".join([token, *(str(p) for p in parts)])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _already_sent(by: Member, key: str) -> Message | None:
    if not key:
        return None
    return Message.objects.filter(author=by, submission=key).select_related("thread").first()


def _count_attempt(by: Member) -> None:
    limit, window = getattr(settings, "RATELIMIT_MESSAGES", DEFAULT_RATELIMIT)
    # Counted before writing: a burst of parallel sends cannot slip past the limit.
    if limit and ratelimit.record_attempt("message", str(by.pk), window) > limit:
        raise TooManyMessages(
            _("You are sending messages very fast. Please wait a few minutes and try again.")
        )


def _write(thread: Thread, by: Member, body: str, key: str) -> Message:
    """Adds the message and updates everyone's view of the thread (inside a transaction)."""
    now = timezone.now()
    message = Message.objects.create(
        thread=thread,
        author=by,
        body=body,
        body_html=render_plain_text(body),
        created_at=now,
        submission=key,
    )
    thread.last_message_at = now
    thread.last_excerpt = truncate_words(" ".join(body.split()), EXCERPT_CHARS)
    thread.save(update_fields=["last_message_at", "last_excerpt"])
    rows = Participant.objects.filter(thread=thread)
    # Writing in it is having read it.
    rows.filter(member=by).update(
        sent=True, hidden=False, unread=0, last_activity_at=now, read_upto=message.pk
    )
    # Someone deleted it for themselves: it comes back with this message (and what follows).
    rows.exclude(member=by).update(
        received=True, hidden=False, archived=False, unread=F("unread") + 1, last_activity_at=now
    )
    return message


def _tell(message: Message, by: Member, recipients: list[Member]) -> None:
    invalidate(thread_tag(message.thread_id), inbox_tag(by), *(inbox_tag(m) for m in recipients))
    events.publish("messages.sent", actor=by, target=message, recipients=recipients)


@transaction.atomic
def start_thread(
    *, by: Member, recipients: Iterable[Member], subject: str, body: str, token: str = ""
) -> Message:
    """A new thread from `by` to `recipients`; its first message."""
    if not permissions.can_write_messages(by):
        raise PermissionDenied(_("Only members with a confirmed email can send messages."))
    chosen = check_recipients(by, recipients)
    subject, body = clean_subject(subject), clean_body(body)
    key = submission_key(token, "new", sorted(m.pk for m in chosen), subject, body)
    first = _already_sent(by, key)
    if first is not None:
        return first
    _count_attempt(by)
    try:
        with transaction.atomic():  # a savepoint: the same form may be being sent right now
            now = timezone.now()
            thread = Thread.objects.create(subject=subject, created_at=now, last_message_at=now)
            Participant.objects.bulk_create(
                Participant(thread=thread, member=m, last_activity_at=now) for m in [by, *chosen]
            )
            message = _write(thread, by, body, key)
    except IntegrityError:
        first = _already_sent(by, key)
        if first is None:
            raise
        ratelimit.forget_attempt("message", str(by.pk))
        return first
    _tell(message, by, chosen)
    return message


@transaction.atomic
def reply(*, by: Member, thread: Thread, body: str, token: str = "") -> Message:
    """`by` writes in a thread they are in, to everyone else in it."""
    own = Participant.objects.filter(thread=thread, member=by).first()
    if not permissions.can_view_thread(by, own):
        raise PermissionDenied(_("You are not in this conversation."))
    if not permissions.can_reply(by, thread, own):
        if thread.is_broadcast:
            raise _refuse("body", _("Nobody replies to a message to every member."))
        raise PermissionDenied(_("Only members with a confirmed email can send messages."))
    body = clean_body(body)
    key = submission_key(token, "reply", thread.pk, body)
    first = _already_sent(by, key)
    if first is not None:
        return first
    others = list(
        Member.objects.filter(message_threads__thread=thread).exclude(pk=by.pk).order_by("pk")
    )
    reachable = [m for m in others if permissions.is_reachable(m)]
    if not reachable:
        raise _refuse("body", _("Nobody else can read this conversation any more."))
    hidden = hidden_member_ids(by)
    refused = [m for m in reachable if m.pk in hidden]
    if refused:
        raise Refused({"body": [cannot_write_to(m) for m in refused]})
    _count_attempt(by)
    try:
        with transaction.atomic():
            message = _write(thread, by, body, key)
    except IntegrityError:
        first = _already_sent(by, key)
        if first is None:
            raise
        ratelimit.forget_attempt("message", str(by.pk))
        return first
    _tell(message, by, others)
    return message


def mark_read(participant: Participant) -> None:
    """The member has seen the thread up to its newest message."""
    newest = (
        Message.objects.filter(thread_id=participant.thread_id).aggregate(n=Max("id"))["n"] or 0
    )
    changed = Participant.objects.filter(pk=participant.pk).exclude(unread=0, read_upto__gte=newest)
    if changed.update(unread=0, read_upto=newest) and participant.unread:
        invalidate(inbox_tag(participant.member_id))
    participant.unread, participant.read_upto = 0, newest


def _own(by: Member, thread: Thread) -> Participant:
    own = Participant.objects.filter(thread=thread, member=by).first()
    if own is None or not permissions.can_view_thread(by, own):
        raise PermissionDenied(_("You are not in this conversation."))
    return own


@transaction.atomic
def set_archived(*, by: Member, thread: Thread, archived: bool) -> bool:
    """Moves the thread to `by`'s archive or back; False if it was there already. Others'
    views do not change; a new message brings it back to the inbox."""
    own = _own(by, thread)
    changed = Participant.objects.filter(pk=own.pk).exclude(archived=archived)
    if not changed.update(archived=archived):
        return False
    invalidate(inbox_tag(by))
    return True


@transaction.atomic
def delete_for(*, by: Member, thread: Thread) -> None:
    """Deletes the thread for `by` alone: out of their lists, its messages so far never shown
    to them again. The others keep it; when the last one deletes it, it is gone."""
    own = _own(by, thread)
    newest = Message.objects.filter(thread=thread).aggregate(n=Max("id"))["n"] or 0
    Participant.objects.filter(pk=own.pk).update(
        hidden=True,
        archived=False,
        sent=False,
        received=False,
        unread=0,
        cleared_upto=newest,
        read_upto=newest,
    )
    invalidate(inbox_tag(by), thread_tag(thread))
    delivering = (
        thread.is_broadcast
        and Broadcast.objects.filter(thread=thread, finished_at__isnull=True).exists()
    )
    if not delivering and not Participant.objects.filter(thread=thread, hidden=False).exists():
        thread.delete()


# --- Broadcasts ------------------------------------------------------------------------------


def audience(broadcast: Broadcast) -> QuerySet[Member]:
    """Who a broadcast goes to: listed members up to `upto`, not the sender, nobody the sender
    blocked or who blocked the sender."""
    sender = broadcast.sender_id
    return (
        Member.objects.listed()
        .filter(pk__lte=broadcast.upto)
        .exclude(pk=sender)
        .exclude(pk__in=Block.objects.filter(blocker_id=sender).values("blocked_id"))
        .exclude(pk__in=Block.objects.filter(blocked_id=sender).values("blocker_id"))
    )


@transaction.atomic
def start_broadcast(*, by: Member, subject: str, body: str, token: str = "") -> Broadcast:
    """Writes the message to every member and queues its delivery (tasks.py); the request
    never delivers it."""
    from .tasks import queue_batch

    if not permissions.can_broadcast(by):
        raise PermissionDenied(_("Only the network's creator can send a message to everyone."))
    subject, body = clean_subject(subject), clean_body(body)
    key = submission_key(token, "broadcast", subject, body)
    first = _already_sent(by, key)
    if first is not None:
        return Broadcast.objects.get(thread_id=first.thread_id)
    _count_attempt(by)
    now = timezone.now()
    try:
        with transaction.atomic():
            thread = Thread.objects.create(
                subject=subject, kind=Thread.Kind.BROADCAST, created_at=now, last_message_at=now
            )
            Participant.objects.create(thread=thread, member=by, last_activity_at=now)
            _write(thread, by, body, key)
    except IntegrityError:
        first = _already_sent(by, key)
        if first is None:
            raise
        return Broadcast.objects.get(thread_id=first.thread_id)
    broadcast = Broadcast(thread=thread, sender=by, created_at=now, updated_at=now)
    broadcast.upto = Member.objects.aggregate(n=Max("pk"))["n"] or 0
    broadcast.total = audience(broadcast).count()
    broadcast.save()
    invalidate(inbox_tag(by))
    queue_batch(broadcast.pk)
    return broadcast


class _Superseded(Exception):
    """Another run of the batch delivered it first."""


def deliver_batch(broadcast_id: int, size: int) -> bool:
    """Delivers the next `size` members of a broadcast, in one transaction; True while more
    remain. Running it twice for the same batch delivers it once (the conditional UPDATE of
    the cursor), and the run that lost stops there: the winner goes on."""
    try:
        with transaction.atomic():
            return _deliver(broadcast_id, size)
    except _Superseded:
        return False


def _deliver(broadcast_id: int, size: int) -> bool:
    broadcast = (
        Broadcast.objects.filter(pk=broadcast_id, finished_at__isnull=True)
        .select_related("thread", "sender")
        .first()
    )
    if broadcast is None:
        return False
    now = timezone.now()
    members = list(audience(broadcast).filter(pk__gt=broadcast.cursor).order_by("pk")[:size])
    mine = Broadcast.objects.filter(pk=broadcast.pk, cursor=broadcast.cursor)
    if not members:
        mine.update(finished_at=now, updated_at=now, total=F("delivered"))
        return False
    thread = broadcast.thread
    Participant.objects.bulk_create(
        (
            Participant(
                thread=thread,
                member=m,
                received=True,
                unread=1,
                last_activity_at=thread.last_message_at,
                joined_at=now,
            )
            for m in members
        ),
        ignore_conflicts=True,
    )
    if not mine.update(
        cursor=members[-1].pk, delivered=F("delivered") + len(members), updated_at=now
    ):
        raise _Superseded
    message = Message.objects.filter(thread=thread).order_by("id").first()
    invalidate(*(inbox_tag(m) for m in members))
    events.publish("messages.broadcast", actor=broadcast.sender, target=message, recipients=members)
    return True


def stalled_broadcasts(older_than_seconds: int) -> list[int]:
    since = timezone.now() - dt.timedelta(seconds=older_than_seconds)
    return list(
        Broadcast.objects.filter(finished_at__isnull=True, updated_at__lt=since).values_list(
            "pk", flat=True
        )
    )


@transaction.atomic
def set_policy(*, by: Member, admins_may_broadcast: bool) -> Policy:
    if not permissions.can_manage_messaging(by):
        raise PermissionDenied(_("Only the network's creator can change this."))
    policy, _created = Policy.objects.update_or_create(
        pk=1, defaults={"admins_may_broadcast": admins_may_broadcast}
    )
    return policy


# --- A member who goes -----------------------------------------------------------------------


def forget_places_of(member: Member) -> None:
    """A members.removal leaving step (the member leaves, their content kept): their own view
    of every thread goes — their inbox, sent list, archive — and their messages stay, shown as
    by a former member, for the others they were written to. A thread nobody is left in goes."""
    threads = list(Participant.objects.filter(member=member).values_list("thread_id", flat=True))
    Participant.objects.filter(member=member).delete()
    Thread.objects.filter(pk__in=threads).exclude(
        pk__in=Participant.objects.filter(thread_id__in=threads).values("thread_id")
    ).delete()
    invalidate(inbox_tag(member), *(thread_tag(pk) for pk in threads))


def delete_messages_of(member: Member) -> None:
    """A members.removal step, inside the transaction that removes the member: their messages
    and their places in threads go; the others keep their threads and their own messages, with
    the threads' newest message and unread counts set right. A thread left without messages
    (theirs alone, or their broadcast) goes too. Every page is invalidated by the removal."""
    written = set(Message.objects.filter(author=member).values_list("thread_id", flat=True))
    Message.objects.filter(author=member).delete()
    Participant.objects.filter(member=member).delete()
    Broadcast.objects.filter(sender=member).delete()
    if not written:
        return
    Thread.objects.filter(pk__in=written).annotate(n=Count("messages")).filter(n=0).delete()
    newest = Message.objects.filter(thread=OuterRef("pk")).order_by("-id")
    Thread.objects.filter(pk__in=written).update(
        last_message_at=Subquery(newest.values("created_at")[:1]),
        last_excerpt=Substr(Subquery(newest.values("body")[:1]), 1, EXCERPT_CHARS),
    )
    unread = (
        Message.objects.filter(thread=OuterRef("thread"), id__gt=OuterRef("read_upto"))
        .exclude(author=OuterRef("member"))
        .values("thread")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Participant.objects.filter(thread_id__in=written).update(
        unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0))
    )
