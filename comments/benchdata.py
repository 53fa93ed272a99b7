"""Replies for the benchmark network (manage.py generatedata): REPLIES at scale 1 (a tenth of
the comments earlier apps made), under comments picked at random, each within days of its
parent and from a member who had joined by then.

The bench post's comments get none: its page weighs the same in every run (blogs/benchdata.py).
Runs after the apps whose comments it answers (INSTALLED_APPS order); moves the manifest's
`max_comment_id` past its rows, as the harness deletes the comments above it.
"""

import bisect
import datetime as dt
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max

from lib.datagen import Context
from lib.markup import render_plain_text

from .demo import content
from .models import Comment
from .services import recount_comments

REPLIES = 20_000
REPLY_WINDOW = dt.timedelta(days=7)


def generate(ctx: Context) -> None:
    first = Comment.objects.filter(parent=None).order_by("pk").values_list("pk", flat=True).first()
    last = ctx.manifest.get("max_comment_id")
    if first is None or not last:
        return
    bench = ctx.manifest.get("bench_post", {}).get("pk")
    picked = sorted({ctx.rng.randint(first, last) for _ in range(ctx.scaled(REPLIES))})
    contributors = ctx.made["contributors"]
    joined = [c.at for c in contributors]
    bodies = [(body, render_plain_text(body)) for body in content.REPLIES + content.URDU_REPLIES]
    # The bench post is a blog post (the manifest names it by its id alone).
    post_type = ContentType.objects.filter(app_label="blogs", model="post").first()

    parents: list[tuple[int, int, int, dt.datetime]] = []
    for start in range(0, len(picked), ctx.batch_size):
        rows = Comment.objects.filter(pk__in=picked[start : start + ctx.batch_size], parent=None)
        if bench is not None and post_type is not None:
            rows = rows.exclude(content_type=post_type, object_id=bench)
        parents += rows.values_list("pk", "content_type_id", "object_id", "created_at")

    def replies() -> Iterator[Comment]:
        for pk, content_type_id, object_id, at in parents:
            when = min(ctx.now, at + REPLY_WINDOW * ctx.rng.random() ** 2)
            author = contributors[ctx.rng.randrange(max(1, bisect.bisect_right(joined, when)))]
            body, html = ctx.rng.choice(bodies)
            yield Comment(
                content_type_id=content_type_id,
                object_id=object_id,
                parent_id=pk,
                author_id=author.pk,
                body=body,
                body_html=html,
                created_at=when,
            )

    ctx.bulk_create("replies", Comment, replies(), total=len(parents))
    ctx.progress.start("reply counts", 1)
    # Every row of each kind (one UPDATE): a list of thousands of ids would pass SQLite's
    # limit of parameters.
    for content_type_id in {c for _pk, c, _o, _at in parents}:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            recount_comments(model)
    ctx.progress.finish()
    ctx.manifest["max_comment_id"] = Comment.objects.aggregate(m=Max("id"))["m"]
    counts = ctx.manifest.setdefault("counts", {})
    counts["replies"] = len(parents)
