"""Badges for the benchmark network (manage.py generatedata): the demo's three, held by about
one member in eight, so the bylines, comment lists and directory of the benchmark pages show
them as a real network's would (one cached map of them, read once per change)."""

from collections.abc import Iterator

from lib.datagen import Context
from members.models import Badge, Member

from .demo import content

# Share of members holding each badge.
SHARE = 0.04


def generate(ctx: Context) -> None:
    badges = [
        Badge.objects.create(name=name, position=position)
        for name, position, _keys in content.BADGES
    ]
    rng = ctx.rng
    planned = [
        (made.pk, badge.pk)
        for made in ctx.made.get("members", [])
        for badge in badges
        if rng.random() < SHARE
    ]
    through = Member.badges.through

    def rows() -> Iterator[object]:
        for member_id, badge_id in planned:
            yield through(member_id=member_id, badge_id=badge_id)

    ctx.bulk_create("member badges", through, rows(), total=len(planned))
