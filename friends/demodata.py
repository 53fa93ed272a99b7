"""The demo network's friendships (loaddemo): everyone has a few friends, the creator and the
sample member more, and the sample member has a request waiting for their answer and one of
their own waiting for someone else's — so signing in as them shows every part of /friends/.

Dates are set once the members' join dates are (ctx.later): a friendship begins after both
joined.
"""

import datetime as dt

from lib.datagen import DemoContext
from members.models import Member

from .models import FriendRequest, Friendship

# Friendships that the demo's stories suggest (classmates, co-authors, neighbours).
PAIRS = [
    ("javed", "ayesha"), ("javed", "omar"), ("javed", "mehreen"), ("javed", "hassan"),
    ("javed", "priya"), ("javed", "tahir"), ("javed", "noor"), ("ayesha", "omar"),
    ("ayesha", "fatima"), ("ayesha", "samina"), ("ayesha", "zainab"), ("ayesha", "hina"),
    ("omar", "hassan"), ("omar", "rashid"), ("mehreen", "priya"), ("mehreen", "lena"),
    ("hassan", "daniel"), ("priya", "arjun"), ("priya", "kabir"), ("daniel", "marcus"),
    ("daniel", "lena"), ("fatima", "samina"), ("fatima", "hina"), ("rashid", "tahir"),
    ("rashid", "yusuf"), ("lena", "marcus"), ("kabir", "arjun"), ("zainab", "noor"),
    ("zainab", "shirin"), ("tahir", "irfan"), ("noor", "shirin"), ("yusuf", "irfan"),
]  # fmt: skip
# Requests still waiting: (from, to).
REQUESTS = [("kabir", "ayesha"), ("irfan", "ayesha"), ("ayesha", "shirin"), ("marcus", "javed")]


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
    friendships = Friendship.objects.bulk_create(
        Friendship(low_id=low, high_id=high)
        for low, high in (Friendship.pair(members[a].pk, members[b].pk) for a, b in PAIRS)
    )
    requests = FriendRequest.objects.bulk_create(
        FriendRequest(from_member=members[a], to_member=members[b]) for a, b in REQUESTS
    )
    ctx.count("friendships", len(friendships))
    ctx.count("friend requests", len(requests))
    ctx.later(lambda: _set_dates(ctx))


def _set_dates(ctx: DemoContext) -> None:
    joined = dict(Member.objects.values_list("pk", "date_joined"))
    for friendship in Friendship.objects.order_by("pk"):
        start = max(joined[friendship.low_id], joined[friendship.high_id])
        friendship.created_at = start + (ctx.now - start) * ctx.rng.random()
        friendship.save(update_fields=["created_at"])
    for request in FriendRequest.objects.order_by("pk"):
        recent = ctx.now - dt.timedelta(days=ctx.rng.uniform(0.5, 10))
        request.created_at = max(
            recent, joined[request.from_member_id], joined[request.to_member_id]
        )
        request.save(update_fields=["created_at"])
