"""The benchmark network's badges (roster/benchdata.py)."""

import datetime as dt
import io
import random

from django.utils import timezone

from conftest import make_member
from lib.datagen import Context, Made, Progress
from members.models import Badge, Member
from network.models import Network
from roster import benchdata


def test_about_one_member_in_eight_holds_a_badge(network: Network) -> None:
    now = timezone.now()
    members = [make_member(f"Bench {i}", f"bench{i}@example.org") for i in range(200)]
    ctx = Context(
        scale=0.01,
        rng=random.Random(7),  # noqa: S311
        now=now,
        progress=Progress(io.StringIO(), enabled=False),
    )
    ctx.made["members"] = [Made(m.pk, now - dt.timedelta(days=1)) for m in members]
    benchdata.generate(ctx)
    assert Badge.objects.count() == 3
    holders = Member.objects.filter(badges__isnull=False).distinct().count()
    assert 10 <= holders <= 45
