"""The demo network's members (loaddemo); the creator comes with the network (network/demodata.py).

Their join dates are set last, once the other apps have loaded: each member joined a little
before their first post or comment.
"""

import datetime as dt

from django.contrib.auth.hashers import make_password

from lib.datagen import DemoContext

from .demo import content
from .models import Member, unique_handle


def load(ctx: DemoContext) -> None:
    # One hash for everyone: the production hasher (Argon2) is slow by design.
    password = make_password(content.PASSWORD)
    members: dict[str, Member] = ctx.made.setdefault("members", {})
    for person in content.MEMBERS:
        member = Member(
            email=person.email,
            display_name=person.name,
            handle=unique_handle(person.name),
            about=person.about,
            email_confirmed=True,
            password=password,
        )
        member.save()
        members[person.key] = member
    ctx.count("members", len(content.MEMBERS))
    ctx.later(lambda: _set_join_dates(ctx))


def _set_join_dates(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
    for member in members.values():
        if member.is_creator:
            continue
        first = ctx.first_seen.get(member.pk, ctx.now - dt.timedelta(days=30))
        joined = max(
            ctx.start + dt.timedelta(days=ctx.rng.uniform(1, 20)),
            first - dt.timedelta(days=ctx.rng.uniform(3, 90)),
        )
        Member.objects.filter(pk=member.pk).update(date_joined=joined)
