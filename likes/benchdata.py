"""Likes for the benchmark network (manage.py generatedata): 100,000 likes of posts and 40,000
of comments at scale 1, written in bulk with their counts.

Popularity is log-normal, as for comments; the bench post gets BENCH_POST_LIKES and each of its
comments a few, whatever the scale, so its page weighs the same in every run.

The likes app generates before the content it likes (INSTALLED_APPS order): its work waits
until every app has generated, through the context's `later` (as loaddemo's context has it).
"""

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType

from lib.datagen import Context, Made
from lib.urls import fast_reverse

from . import registry
from .models import Like, LikeCount

POST_LIKES = 100_000
COMMENT_LIKES = 40_000
BENCH_POST_LIKES = 40
BENCH_COMMENT_LIKES = 3  # on each of the bench post's comments


def generate(ctx: Context) -> None:
    later = getattr(ctx, "later", None)
    if later is None:
        # lib.datagen.Context without `later`: the posts do not exist yet, nothing to like.
        return
    later(lambda: generate_likes(ctx))


def generate_likes(ctx: Context) -> None:
    likers = ctx.made["contributors"]
    joined = [m.at for m in likers]
    posts: list[Made] = ctx.made["posts"]
    bench_pk = ctx.manifest["bench_post"]["pk"]
    rng = ctx.rng
    # Through the registry: likes sits below the apps whose content it likes.
    Post = registry.for_kind("post").model
    Comment = registry.for_kind("comment").model

    def choose(at: dt.datetime, owner: int | None, n: int) -> Iterator[tuple[int, dt.datetime]]:
        """n members who had joined by `at` (not the owner), and when each liked."""
        there = bisect.bisect_right(joined, at)
        chosen = {likers[i].pk for i in rng.sample(range(there), min(n, there))} - {owner}
        span = max((ctx.now - at).total_seconds(), 0)
        for pk in sorted(chosen):
            yield pk, at + dt.timedelta(seconds=span * rng.random() ** 4)

    # Posts: log-normal popularity over all but the bench post.
    others = [p for p in posts if p.pk != bench_pk]
    weights = [rng.lognormvariate(0, 1.2) for _ in others]
    per_post = Counter(rng.choices(range(len(others)), weights, k=ctx.scaled(POST_LIKES)))
    planned: list[tuple[int, int, int, dt.datetime]] = []  # (content type, object, member, at)
    post_type = ContentType.objects.get_for_model(Post).pk
    for i, n in per_post.items():
        post = others[i]
        planned += [(post_type, post.pk, m, at) for m, at in choose(post.at, post.owner, n)]
    bench = next(p for p in posts if p.pk == bench_pk)
    planned += [
        (post_type, bench.pk, m, at) for m, at in choose(bench.at, bench.owner, BENCH_POST_LIKES)
    ]

    # Comments: any comment may be liked; ids are contiguous from their bulk insert.
    comment_type = ContentType.objects.get_for_model(Comment).pk
    comments = Comment._default_manager.order_by("pk")
    first, last = comments.values_list("pk", flat=True).first(), ctx.manifest.get("max_comment_id")
    if first is not None and last:
        wanted = Counter(rng.randint(first, last) for _ in range(ctx.scaled(COMMENT_LIKES)))
        bench_comments = comments.filter(content_type_id=post_type, object_id=bench_pk)
        wanted.update(
            dict.fromkeys(bench_comments.values_list("pk", flat=True), BENCH_COMMENT_LIKES)
        )
        ids = sorted(wanted)
        for start in range(0, len(ids), ctx.batch_size):
            batch = ids[start : start + ctx.batch_size]
            for pk, author, at in comments.filter(pk__in=batch).values_list(
                "pk", "author_id", "created_at"
            ):
                planned += [
                    (comment_type, pk, m, when) for m, when in choose(at, author, wanted[pk])
                ]

    def likes() -> Iterator[Like]:
        for content_type, object_id, member, at in planned:
            yield Like(
                content_type_id=content_type, object_id=object_id, member_id=member, created_at=at
            )

    ctx.bulk_create("likes", Like, likes(), total=len(planned))
    counted = Counter((content_type, object_id) for content_type, object_id, _m, _at in planned)
    ctx.bulk_create(
        "like counts",
        LikeCount,
        (LikeCount(content_type_id=ct, object_id=pk, count=n) for (ct, pk), n in counted.items()),
        total=len(counted),
    )
    ctx.manifest["bench_post"].update(
        likes=counted[(post_type, bench_pk)],
        like_path=fast_reverse("likes:like", "post", bench_pk),
        unlike_path=fast_reverse("likes:unlike", "post", bench_pk),
    )
    ctx.manifest.setdefault("counts", {})["likes"] = len(planned)
