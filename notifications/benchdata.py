"""Notifications for the benchmark network (manage.py generatedata): each of the manifest's
sample members — those the benchmark signs in as — has NOTIFICATIONS_PER_MEMBER of them over
the last DAYS days (comments on their posts, grouped likes, mentions, friend requests), the
newest UNREAD unread; so their list and their bell weigh the same in every run. The manifest
names the list's address.

Written once every app has generated (the posts come after this app's turn is taken: ctx.later).
"""

import datetime as dt
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from comments.registry import for_kind
from lib.datagen import Context, Made

from .models import Notification

NOTIFICATIONS_PER_MEMBER = 300
UNREAD = 12
DAYS = 90
KINDS = ("comment", "like", "like", "also-commented", "mention", "friend-request")


def generate(ctx: Context) -> None:
    later = getattr(ctx, "later", None)
    if later is not None:
        later(lambda: generate_notifications(ctx))


def generate_notifications(ctx: Context) -> None:
    members = [m["pk"] for m in ctx.manifest.get("members", [])]
    posts: list[Made] = ctx.made.get("posts", [])
    actors = [m.pk for m in ctx.made.get("contributors", [])]
    if not members or not posts or not actors:
        return
    post_model = for_kind("post").model
    post_type = ContentType.objects.get_for_model(post_model)
    rng = ctx.rng
    chosen = rng.sample(posts, min(len(posts), 500))
    titles = dict(
        post_model._default_manager.filter(pk__in=[p.pk for p in chosen]).values_list("pk", "title")
    )

    def notifications() -> Iterator[Notification]:
        for member in members:
            for i in range(NOTIFICATIONS_PER_MEMBER):
                at = ctx.now - dt.timedelta(
                    days=DAYS * (i + rng.random()) / NOTIFICATIONS_PER_MEMBER
                )
                post = rng.choice(chosen)
                kind = rng.choice(KINDS)
                url = reverse("blogs:post_short", args=[post.pk])
                yield Notification(
                    recipient_id=member,
                    kind=kind,
                    actor_id=rng.choice(actors),
                    actor_count=rng.randint(1, 9) if kind == "like" else 1,
                    target_type=None if kind == "friend-request" else post_type,
                    target_id=None if kind == "friend-request" else post.pk,
                    about_type=None if kind == "friend-request" else post_type,
                    about_id=None if kind == "friend-request" else post.pk,
                    url=reverse("friends:mine") if kind == "friend-request" else url,
                    title=titles.get(post.pk, "")[:200],
                    excerpt="A comment from the benchmark, long enough to show as an excerpt."
                    if kind != "like"
                    else "",
                    created_at=at,
                    read_at=None if i < UNREAD else at + dt.timedelta(hours=3),
                )

    ctx.bulk_create(
        "notifications",
        Notification,
        notifications(),
        total=len(members) * NOTIFICATIONS_PER_MEMBER,
    )
    ctx.manifest["notifications"] = {
        "path": reverse("notifications:list"),
        "per_member": NOTIFICATIONS_PER_MEMBER,
    }
