"""Comments for the benchmark network (manage.py generatedata): 200,000 at scale 1.

Some posts draw many comments and many draw none (popularity is log-normal); the bench post
always gets exactly BENCH_COMMENTS, whatever the scale, so its page weighs the same in every run.
"""

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max

from blogs.models import Post
from lib.markup import render_plain_text
from network.demo import content
from network.management.commands.generatedata import Context, Made

from .models import Comment
from .services import recount_comments

COMMENTS = 200_000  # including the bench post's
BENCH_COMMENTS = 50
# Comments come within this long after the post (most of them early).
WINDOW = dt.timedelta(days=14)


def generate(ctx: Context) -> None:
    bench_pk = ctx.manifest["bench_post"]["pk"]
    posts = [p for p in ctx.made["posts"] if p.pk != bench_pk]
    bench = next(p for p in ctx.made["posts"] if p.pk == bench_pk)
    total = max(ctx.scaled(COMMENTS), BENCH_COMMENTS)
    weights = [ctx.rng.lognormvariate(0, 1.2) for _ in posts]
    per_post = Counter(ctx.rng.choices(range(len(posts)), weights, k=total - BENCH_COMMENTS))
    contributors = ctx.made["contributors"]
    joined = [c.at for c in contributors]
    bodies = _bodies(ctx)
    content_type = ContentType.objects.get_for_model(Post)

    def thread(post: Made, n: int) -> Iterator[Comment]:
        span = min(WINDOW, ctx.now - post.at) * 0.95
        for offset in sorted(ctx.rng.random() ** 2 for _ in range(n)):
            at = post.at + span * offset
            # Written by someone who had joined by then.
            author = contributors[ctx.rng.randrange(max(1, bisect.bisect_right(joined, at)))]
            body, html = ctx.rng.choice(bodies)
            yield Comment(
                content_type_id=content_type.pk,
                object_id=post.pk,
                author_id=author.pk,
                body=body,
                body_html=html,
                created_at=at,
            )

    def comments() -> Iterator[Comment]:
        for i, post in enumerate(posts):
            yield from thread(post, per_post[i])
        yield from thread(bench, BENCH_COMMENTS)

    ctx.bulk_create("comments", Comment, comments(), total=total)

    # Each post's counter from the rows themselves, so it is exact by construction.
    ctx.progress.start("comment counts", 1)
    recount_comments(Post)
    ctx.progress.finish()

    ctx.manifest["bench_post"]["comments"] = Comment.objects.filter(
        content_type=content_type, object_id=bench_pk
    ).count()
    # The harness deletes comments above this id to undo its write load.
    ctx.manifest["max_comment_id"] = Comment.objects.aggregate(m=Max("id"))["m"]
    ctx.manifest.setdefault("counts", {})["comments"] = total


def _bodies(ctx: Context) -> list[tuple[str, str]]:
    """The demo's comments, alone and in pairs, for a few hundred bodies, each rendered once."""
    single = [
        *content.COMMENTS,
        *(c for topic in content.TOPIC_COMMENTS.values() for c in topic),
        *content.URDU_COMMENTS,
        *content.AUTHOR_REPLIES,
    ]
    pairs = ["\n\n".join(ctx.rng.sample(single, 2)) for _ in range(len(single) * 2)]
    return [(body, render_plain_text(body)) for body in single + pairs]
