"""Friendships, requests and blocks for the benchmark network (manage.py generatedata): about
ten friends per confirmed member at any scale (10,000 friendships at scale 1), a pending request
for every other member, and a few blocks.

Each member picks FRIENDS_PER_MEMBER / 2 others at random and each pair is made once, so the
average is about FRIENDS_PER_MEMBER; a friendship begins after both members joined. The
manifest names the member with the most friends (the longest lists) for the benchmark.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from django.urls import reverse

from lib.datagen import Context, Made
from members.models import Member

from .models import Block, FriendRequest, Friendship

FRIENDS_PER_MEMBER = 10
REQUESTS_PER_MEMBER = 0.5
BLOCKS_PER_MEMBER = 0.01
# Requests waiting for an answer are recent: this many days old at most.
REQUEST_DAYS = 30

type Pair = tuple[int, int]


def generate(ctx: Context) -> None:
    senders = [m.pk for m in ctx.made["contributors"]]
    if len(senders) < 2:
        return
    joined = {m.pk: m.at for m in ctx.made["members"]}

    def after(a: int, b: int, earliest: dt.datetime) -> dt.datetime:
        start = max(joined[a], joined[b], earliest)
        return start + (ctx.now - start) * ctx.rng.random()

    friends = _friend_pairs(ctx, senders)
    planned = sorted((after(low, high, ctx.start), low, high) for low, high in friends)
    ids = ctx.bulk_create(
        "friendships",
        Friendship,
        (Friendship(low_id=low, high_id=high, created_at=at) for at, low, high in planned),
        total=len(planned),
    )
    ctx.made["friendships"] = [
        Made(pk, at, low) for pk, (at, low, _high) in zip(ids, planned, strict=True)
    ]

    everyone = [m.pk for m in ctx.made["members"]]
    taken = set(friends)
    asked = _new_pairs(ctx, senders, everyone, round(len(senders) * REQUESTS_PER_MEMBER), taken)
    recent = ctx.now - dt.timedelta(days=REQUEST_DAYS)

    def requests() -> Iterator[FriendRequest]:
        for a, b in asked:
            yield FriendRequest(from_member_id=a, to_member_id=b, created_at=after(a, b, recent))

    ctx.bulk_create("friend requests", FriendRequest, requests(), total=len(asked))

    blocks = _new_pairs(ctx, senders, everyone, round(len(senders) * BLOCKS_PER_MEMBER), taken)
    ctx.bulk_create(
        "blocks",
        Block,
        (Block(blocker_id=a, blocked_id=b, created_at=after(a, b, ctx.start)) for a, b in blocks),
        total=len(blocks),
    )
    _write_manifest(ctx, friends)


def _friend_pairs(ctx: Context, member_ids: list[int]) -> set[Pair]:
    pairs: set[Pair] = set()
    picks = min(FRIENDS_PER_MEMBER // 2, len(member_ids) - 1)
    for pk in member_ids:
        others = [other for other in ctx.rng.sample(member_ids, picks + 1) if other != pk]
        pairs.update(Friendship.pair(pk, other) for other in others[:picks])
    return pairs


def _new_pairs(
    ctx: Context, firsts: list[int], seconds: list[int], n: int, taken: set[Pair]
) -> list[Pair]:
    """Up to `n` (first, second) pairs of two members not already paired in `taken` (which
    gets them too)."""
    made: list[Pair] = []
    for _attempt in range(n * 3):
        if len(made) >= n:
            break
        a, b = ctx.rng.choice(firsts), ctx.rng.choice(seconds)
        pair = Friendship.pair(a, b)
        if a != b and pair not in taken:
            taken.add(pair)
            made.append((a, b))
    return made


def _write_manifest(ctx: Context, pairs: set[Pair]) -> None:
    degree: Counter[int] = Counter()
    for low, high in pairs:
        degree[low] += 1
        degree[high] += 1
    [(busiest, count)] = degree.most_common(1)
    handle = Member.objects.values_list("handle", flat=True).get(pk=busiest)
    ctx.manifest["friends"] = {
        "pk": busiest,
        "handle": handle,
        "friends": count,
        "path": reverse("friends:of_member", args=[handle]),
        "profile_path": reverse("members:profile", args=[handle]),
    }
