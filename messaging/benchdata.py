"""Private messages for the benchmark network (manage.py generatedata): each confirmed member
starts five threads and receives about as many (about 12,000 threads and 52,000 messages at
scale 1), the members whose sessions the benchmark signs in with forty more each (their inboxes
have several pages); some unread, a few archived; and one broadcast from the creator to every
member (2,000 participant rows in one thread).

Rows are written as the services would leave them (participants' flags, unread counts and the
threads' newest message), in bulk; events are not published (nobody is told of history).
"""

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse

from lib.datagen import Context
from lib.markup import render_plain_text, truncate_words
from members.models import Member

from .models import Broadcast, Message, Participant, Thread

THREADS_PER_MEMBER = 5  # started by each member: about ten per member with those received
# The sample members (the benchmark's signed-in sessions) start and receive this many more.
SAMPLE_THREADS = 40
SAMPLE = 50
MAX_MESSAGES = 8
UNREAD = 0.3
ARCHIVED = 0.1

SUBJECTS = [
    "Reunion plans", "The photos from Saturday", "A question about the scholarship fund",
    "Lunch next week?", "Your post on the old library", "Books to lend", "The alumni dinner",
    "Carpool to the meetup", "Thank you!", "Recipe you asked for", "Volunteering at the fair",
    "Old class list", "Job opening at our office", "Moving to Karachi", "ملاقات کا وقت",
]  # fmt: skip
LINES = [
    "It was so good to see you again after all these years.",
    "Do you still have the photos from the trip to Murree? I would love a copy.",
    "I can bring the books on Saturday if that suits you.",
    "Let me ask the others and I will write back tonight.",
    "Thank you for the kind words on my post, it meant a lot.",
    "The dinner is at eight; the address is on the network's page.",
    "Sure, count me in. Should I bring anything?",
    "I found the old class list in a box at my parents' house.",
    "We are hiring two engineers, do you know anyone who would fit?",
    "آپ کا بہت شکریہ، ہم ضرور آئیں گے۔",
    "Sorry for the late reply, it has been a busy week.",
    "Here is the recipe: lentils, onions, a lot of patience.",
]  # fmt: skip

type Plan = tuple[str, list[int], list[tuple[int, dt.datetime]]]  # subject, members, messages


def generate(ctx: Context) -> None:
    contributors = [m.pk for m in ctx.made["contributors"]]
    if len(contributors) < 2:
        return
    joined = {m.pk: m.at for m in ctx.made["members"]}
    sample = [m["pk"] for m in ctx.manifest.get("members", [])[:SAMPLE]]
    starters = [pk for pk in contributors for _ in range(THREADS_PER_MEMBER)]
    starters += [pk for pk in sample for _ in range(SAMPLE_THREADS // 2)]
    plans = [_plan(ctx, a, _other(ctx, a, contributors), joined) for a in starters]
    plans += [
        _plan(ctx, _other(ctx, b, contributors), b, joined)
        for b in sample
        for _i in range(SAMPLE_THREADS // 2)
    ]
    plans.sort(key=lambda plan: plan[2][0][1])
    _write(ctx, plans)
    _broadcast(ctx)


def _other(ctx: Context, pk: int, among: list[int]) -> int:
    while True:
        other = ctx.rng.choice(among)
        if other != pk:
            return other


def _plan(ctx: Context, a: int, b: int, joined: dict[int, dt.datetime]) -> Plan:
    start = max(joined[a], joined[b], ctx.start)
    # Conversations lean recent: the square of a uniform draw, counted back from now.
    at = ctx.now - (ctx.now - start) * ctx.rng.random() ** 2
    messages = []
    author = a
    for _i in range(ctx.rng.randint(1, MAX_MESSAGES)):
        messages.append((author, at))
        if ctx.rng.random() < 0.6:
            author = b if author == a else a
        at = min(ctx.now, at + dt.timedelta(minutes=ctx.rng.uniform(2, 60 * 24)))
    return ctx.rng.choice(SUBJECTS), [a, b], messages


def _write(ctx: Context, plans: list[Plan]) -> None:
    thread_ids = ctx.bulk_create(
        "threads",
        Thread,
        (
            Thread(
                subject=subject,
                created_at=msgs[0][1],
                last_message_at=msgs[-1][1],
                last_excerpt=truncate_words(LINES[len(msgs) % len(LINES)], 140),
            )
            for subject, _members, msgs in plans
        ),
        total=len(plans),
    )

    html = {line: render_plain_text(line) for line in LINES}

    def messages() -> Iterator[Message]:
        for thread_id, (_subject, _members, msgs) in zip(thread_ids, plans, strict=True):
            for i, (author, at) in enumerate(msgs):
                body = LINES[i % len(LINES)] if i < len(msgs) - 1 else LINES[len(msgs) % len(LINES)]
                yield Message(
                    thread_id=thread_id,
                    author_id=author,
                    body=body,
                    body_html=html[body],
                    created_at=at,
                )

    total = sum(len(msgs) for _s, _m, msgs in plans)
    message_ids = iter(ctx.bulk_create("messages", Message, messages(), total=total))
    newest: list[int] = []
    for _subject, _members, msgs in plans:
        ids = [next(message_ids) for _msg in msgs]
        newest.append(ids[-1])

    def participants() -> Iterator[Participant]:
        for thread_id, last_id, (_subject, members, msgs) in zip(
            thread_ids, newest, plans, strict=True
        ):
            for member in members:
                wrote = any(author == member for author, _at in msgs)
                trailing = 0
                for author, _at in reversed(msgs):
                    if author == member:
                        break
                    trailing += 1
                unread = trailing if trailing and ctx.rng.random() < UNREAD else 0
                yield Participant(
                    thread_id=thread_id,
                    member_id=member,
                    sent=wrote,
                    received=any(author != member for author, _at in msgs),
                    archived=not unread and ctx.rng.random() < ARCHIVED,
                    unread=unread,
                    read_upto=0 if unread else last_id,
                    last_activity_at=msgs[-1][1],
                    joined_at=msgs[0][1],
                )

    ctx.bulk_create("participants", Participant, participants(), total=2 * len(plans))
    sample = ctx.manifest.get("members", [])
    if sample:
        first = sample[0]["pk"]
        thread = Participant.objects.filter(member_id=first).order_by("-last_activity_at").first()
        ctx.manifest["messages"] = {
            "inbox_path": reverse("messaging:inbox"),
            "thread_path": thread.thread.get_absolute_url() if thread else None,
            "threads": len(plans),
            "messages": total,
        }


def _broadcast(ctx: Context) -> None:
    creator = Member.objects.filter(role=Member.Role.CREATOR).first()
    if creator is None:
        return
    at = ctx.now - dt.timedelta(days=3)
    body = "Dear all, the annual reunion is on the first Saturday of next month. Do come!"
    thread = Thread.objects.create(
        subject="The annual reunion",
        kind=Thread.Kind.BROADCAST,
        created_at=at,
        last_message_at=at,
        last_excerpt=body,
    )
    message = Message.objects.create(
        thread=thread, author=creator, body=body, body_html=render_plain_text(body), created_at=at
    )
    everyone = list(Member.objects.listed().exclude(pk=creator.pk).values_list("pk", flat=True))
    rows = [Participant(thread=thread, member=creator, sent=True, last_activity_at=at)]
    rows += [
        Participant(
            thread=thread,
            member_id=pk,
            received=True,
            unread=1 if ctx.rng.random() < UNREAD else 0,
            last_activity_at=at,
            read_upto=message.pk,
        )
        for pk in everyone
    ]
    ctx.bulk_create("broadcast", Participant, iter(rows), total=len(rows))
    Broadcast.objects.create(
        thread=thread,
        sender=creator,
        total=len(everyone),
        delivered=len(everyone),
        cursor=max(everyone, default=0),
        upto=max(everyone, default=0),
        created_at=at,
        updated_at=at,
        finished_at=at,
    )
