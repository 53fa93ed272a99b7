"""Likes on the demo network's posts and comments (loaddemo).

The likes app loads before the content it likes (INSTALLED_APPS order), so the likes are given
once every app has loaded (ctx.later), after the members' join dates are settled. They draw from
a random generator of their own: the demo's shared one stays as the other apps left it.
"""

import datetime as dt
import random
from typing import Any

from django.contrib.contenttypes.models import ContentType

from lib.datagen import DemoContext
from members.models import Member

from . import registry
from .models import Like
from .services import recount_likes

# Most posts get a few likes, some many; comments fewer.
POST_LIKES = (0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 11)
COMMENT_LIKES = (0, 0, 0, 1, 1, 1, 2, 3)


def load(ctx: DemoContext) -> None:
    ctx.later(lambda: _give_likes(ctx))


def _give_likes(ctx: DemoContext) -> None:
    rng = random.Random("anjuman demo likes")  # noqa: S311 — demo data
    joined = dict(Member.objects.filter(is_active=True).values_list("pk", "date_joined"))
    people = sorted(joined)
    posts = sorted(ctx.made.get("posts", {}).values(), key=lambda p: p.pk)
    # Through the registry: likes sits below the apps whose content it likes.
    comment_model = registry.for_kind("comment").model
    comments: list[Any] = list(comment_model._default_manager.filter(hidden_at=None).order_by("pk"))
    likes: list[Like] = []

    def give(target: object, owner: int, at: dt.datetime | None, choices: tuple[int, ...]) -> None:
        if at is None:
            return
        others = [pk for pk in people if pk != owner]
        for member_pk in rng.sample(others, min(len(others), rng.choice(choices))):
            start = max(at, joined[member_pk])
            span = max((ctx.now - start).total_seconds(), 0) * rng.random() ** 3
            likes.append(
                Like(
                    member_id=member_pk,
                    target=target,
                    created_at=start + dt.timedelta(seconds=span),
                )
            )

    for post in posts:
        give(post, post.author_id, post.published_at, POST_LIKES)
    for comment in comments:
        give(comment, comment.author_id, comment.created_at, COMMENT_LIKES)
    Like.objects.bulk_create(likes, batch_size=500)
    for model in {type(p) for p in posts} | {comment_model}:
        recount_likes(ContentType.objects.get_for_model(model))
    ctx.count("likes", len(likes))
