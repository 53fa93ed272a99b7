"""The demo's badges and named blogs."""

import datetime as dt
import random

from django.utils import timezone

from conftest import make_member
from lib.datagen import DemoContext
from members.models import Badge, Member
from network.models import Network
from roster import demodata


def test_the_demo_gives_badges_and_names_blogs(network: Network) -> None:
    now = timezone.now()
    ctx = DemoContext(rng=random.Random(1), now=now, start=now - dt.timedelta(days=10))  # noqa: S311
    ayesha = make_member("Ayesha Rahman", "ayesha@example.org")
    ctx.made["members"] = {"javed": network.creator, "ayesha": ayesha}
    demodata.load(ctx)
    assert Badge.objects.count() == 3
    assert set(ayesha.badges.values_list("name", flat=True)) == {"Founding member", "Mentor"}
    assert Member.objects.get(pk=ayesha.pk).blog_name == "Notes from Toronto"
