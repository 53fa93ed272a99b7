"""The demo and the benchmark network have likes, with exact counts."""

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from anjuman.management.commands.generatedata import generators
from lib.datagen import Context, Progress
from likes.models import Like, LikeCount

pytestmark = pytest.mark.django_db


def assert_counts_exact():
    actual = {
        (row["content_type"], row["object_id"]): row["n"]
        for row in Like.objects.values("content_type", "object_id").annotate(n=Count("id"))
    }
    stored = {
        (row.content_type_id, row.object_id): row.count
        for row in LikeCount.objects.filter(count__gt=0)
    }
    assert actual == stored


def test_the_demo_has_likes_on_posts_and_comments():
    call_command("loaddemo", stdout=StringIO())
    kinds = set(Like.objects.values_list("content_type__model", flat=True))
    assert kinds == {"post", "comment"}
    assert Like.objects.count() > 100
    assert not Like.objects.filter(created_at__gt=timezone.now()).exists()
    assert_counts_exact()


def test_the_benchmark_network_has_likes_once_every_app_has_generated():
    ctx = Context(
        scale=0.01,
        rng=random.Random(1962),  # noqa: S311
        now=timezone.now().replace(microsecond=0),
        progress=Progress(StringIO(), enabled=False),
    )
    steps = []
    # Until lib.datagen.Context has `later` (as DemoContext does).
    ctx.later = steps.append
    for _label, generate in generators():
        generate(ctx)
    for step in steps:
        step()
    assert ctx.manifest["counts"]["likes"] == Like.objects.count() > 500
    assert (
        ctx.manifest["bench_post"]["likes"] == 20 - 1
    )  # 20 members at this scale, less its author
    assert_counts_exact()
    bench = ctx.manifest["bench_post"]
    assert bench["like_path"] == f"/likes/post/{bench['pk']}/like/"
