"""What the pages (and other apps) read of messages; nothing here writes.

Cache tags (docs/architecture.md): `messages:<member id>` changes with anything in member
<id>'s lists (a message to or from them, read, archived, deleted); `message-thread:<id>` with
the messages of thread <id>. Only counts are cached: members' own pages are never page-cached.
"""

from django.db.models import Q, QuerySet

from friends.queries import hidden_member_ids
from lib.cachetags import cached
from members.models import Member

from .models import Broadcast, Message, Participant, Thread

type MemberOrId = Member | int

MAX_ID = 2**63 - 1


def _id(member: MemberOrId) -> int:
    return member if isinstance(member, int) else member.pk


def inbox_tag(member: MemberOrId) -> str:
    return f"messages:{_id(member)}"


def thread_tag(thread: Thread | int) -> str:
    return f"message-thread:{thread if isinstance(thread, int) else thread.pk}"


def unread_count(member: MemberOrId) -> int:
    """How many of the member's threads have messages they have not read (the navigation's
    badge, on every page they see): one count over a partial index, cached until their lists
    change."""
    member_id = _id(member)
    return cached(
        f"messages:unread:{member_id}",
        lambda: Participant.objects.filter(member_id=member_id, hidden=False, unread__gt=0).count(),
        [inbox_tag(member_id)],
    )


def own_row(member: Member, thread_id: int) -> Participant | None:
    """The member's row of the thread with the thread, if they are in it and have not
    deleted it for themselves; else None (the thread does not exist for them)."""
    if not 0 < thread_id <= MAX_ID:
        return None  # an address no thread has (SQLite cannot even compare it)
    return (
        Participant.objects.visible_to(member)
        .filter(thread_id=thread_id)
        .select_related("thread")
        .first()
    )


def others_in(threads: list[Thread], member: Member) -> dict[int, list[Member]]:
    """The other people of each thread, by name, as the lists show them: everyone in a private
    thread, the sender of a broadcast (its thousands of recipients are not listed). At most
    two queries, whatever the threads."""
    found: dict[int, list[Member]] = {t.pk: [] for t in threads}
    private = [t.pk for t in threads if not t.is_broadcast]
    rows = (
        Participant.objects.filter(thread_id__in=private)
        .exclude(member_id=member.pk)
        .select_related("member")
        .order_by("member__display_name", "member_id")
    )
    for row in rows:
        found[row.thread_id].append(row.member)
    broadcasts = [t.pk for t in threads if t.is_broadcast]
    for sent in Broadcast.objects.filter(thread_id__in=broadcasts).select_related("sender"):
        if sent.sender_id != member.pk:
            found[sent.thread_id].append(sent.sender)
    return found


def messages_of(participant: Participant) -> QuerySet[Message]:
    """The thread's messages the member sees (not those before they deleted it), oldest first."""
    return Message.objects.filter(
        thread_id=participant.thread_id, id__gt=participant.cleared_upto
    ).order_by("id")


def broadcasts_by(member: Member) -> QuerySet[Broadcast]:
    return Broadcast.objects.filter(sender=member).select_related("thread").order_by("-created_at")


def recipient_choices(member: Member, text: str, limit: int = 10) -> list[Member]:
    """Members whose name or handle has `text`, whom `member` may write to: listed (not
    suspended, not removed, of this network), not themselves, nobody either of them blocked."""
    text = " ".join(text.split())
    if not text:
        return []
    hidden = hidden_member_ids(member) | {member.pk}
    found = (
        Member.objects.listed()
        .filter(Q(display_name__icontains=text) | Q(handle__istartswith=text))
        .exclude(pk__in=hidden)
        .only("handle", "display_name")
        .order_by("display_name", "id")
    )
    return list(found[:limit])
