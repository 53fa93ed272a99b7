"""The demo network's private messages (loaddemo): the creator, whose sign-in the command
prints, finds conversations in their inbox — one with a reply waiting to be read, a group one,
one they archived — and a message they sent to every member.

Rows are written as the services would leave them, without publishing events: nobody is
emailed about the demo's history.
"""

import datetime as dt

from lib.datagen import DemoContext
from lib.markup import render_plain_text, truncate_words
from members.models import Member

from .models import Broadcast, Message, Participant, Thread

# (subject, members, [(author, days ago, text)], who has read it all, archived by)
CONVERSATIONS = [
    (
        "Reunion venue",
        ["ayesha", "javed"],
        [
            ("ayesha", 6.0, "Javed, have you booked the hall for the reunion yet? The college "
             "auditorium is free on the 14th."),
            ("javed", 5.5, "Not yet. The auditorium is a good idea; I will call the principal "
             "tomorrow."),
            ("ayesha", 0.4, "The principal said yes! We have it from six until ten."),
        ],
        ["ayesha"],
        [],
    ),
    (
        "Scholarship committee",
        ["noor", "javed", "fatima"],
        [
            ("noor", 9.0, "Three applications came in this week. Could you both read them before "
             "Friday?"),
            ("fatima", 8.2, "Read them. The second one moved me: a girl from Thar who wants to "
             "study physics."),
            ("javed", 7.9, "Agreed on the second. Let us talk on Friday."),
        ],
        ["noor", "javed", "fatima"],
        [],
    ),
    (
        "کرکٹ میچ",
        ["irfan", "javed"],
        [
            ("irfan", 2.0, "جاوید بھائی، سالانہ میچ کے لیے آپ کی ٹیم تیار ہے؟"),
            ("irfan", 1.8, "We need two more players, and someone who keeps score."),
        ],
        ["irfan"],
        [],
    ),
    (
        "Old photographs",
        ["shirin", "javed"],
        [
            ("javed", 20.0, "Shirin, do you still have the photographs of the old library before "
             "the restoration?"),
            ("shirin", 19.0, "I do. I will scan them this weekend and send the link here."),
        ],
        ["shirin", "javed"],
        ["javed"],
    ),
]  # fmt: skip

BROADCAST = (
    "Welcome to the new network",
    "Dear all, welcome to our new home online. Please add a photo and a few words about "
    "yourself, and look for your classmates among the members. — Javed",
    12.0,
)


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
    for subject, keys, lines, read_by, archived_by in CONVERSATIONS:
        _conversation(ctx, members, subject, keys, lines, read_by, archived_by)
    _broadcast(ctx, members)
    ctx.count("message threads", len(CONVERSATIONS) + 1)


def _conversation(
    ctx: DemoContext,
    members: dict[str, Member],
    subject: str,
    keys: list[str],
    lines: list[tuple[str, float, str]],
    read_by: list[str],
    archived_by: list[str],
) -> None:
    times = [ctx.now - dt.timedelta(days=days) for _author, days, _text in lines]
    thread = Thread.objects.create(
        subject=subject,
        created_at=times[0],
        last_message_at=times[-1],
        last_excerpt=truncate_words(" ".join(lines[-1][2].split()), 140),
    )
    written = Message.objects.bulk_create(
        Message(
            thread=thread,
            author=members[author],
            body=text,
            body_html=render_plain_text(text),
            created_at=at,
        )
        for (author, _days, text), at in zip(lines, times, strict=True)
    )
    for (author, _days, _text), at in zip(lines, times, strict=True):
        ctx.saw(members[author].pk, at)
    newest = max(m.pk for m in written)
    for key in keys:
        authors = [author for author, _days, _text in lines]
        trailing = 0
        for author in reversed(authors):
            if author == key:
                break
            trailing += 1
        unread = 0 if key in read_by else trailing
        Participant.objects.create(
            thread=thread,
            member=members[key],
            sent=key in authors,
            received=any(a != key for a in authors),
            archived=key in archived_by,
            unread=unread,
            read_upto=0 if unread else newest,
            last_activity_at=times[-1],
            joined_at=times[0],
        )


def _broadcast(ctx: DemoContext, members: dict[str, Member]) -> None:
    subject, body, days = BROADCAST
    creator = members["javed"]
    at = ctx.now - dt.timedelta(days=days)
    thread = Thread.objects.create(
        subject=subject,
        kind=Thread.Kind.BROADCAST,
        created_at=at,
        last_message_at=at,
        last_excerpt=truncate_words(body, 140),
    )
    message = Message.objects.create(
        thread=thread, author=creator, body=body, body_html=render_plain_text(body), created_at=at
    )
    others = [m for m in members.values() if m.pk != creator.pk]
    Participant.objects.create(thread=thread, member=creator, sent=True, last_activity_at=at)
    Participant.objects.bulk_create(
        Participant(
            thread=thread,
            member=m,
            received=True,
            unread=1 if ctx.rng.random() < 0.5 else 0,
            read_upto=message.pk,
            last_activity_at=at,
        )
        for m in others
    )
    Broadcast.objects.create(
        thread=thread,
        sender=creator,
        total=len(others),
        delivered=len(others),
        cursor=max(m.pk for m in others),
        upto=max(m.pk for m in others),
        created_at=at,
        updated_at=at,
        finished_at=at,
    )
