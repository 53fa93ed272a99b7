"""Comment walls for the benchmark network (manage.py generatedata): WALL_COMMENTS at scale 1
(five for each of 2,000 members), on walls picked by a log-normal popularity so that some
walls are long and many are empty, and the wall's member answering a fifth of them.

Each comment comes after both members joined. The busiest wall is named in the manifest (its
page: the member page with the longest wall). Runs after the apps whose comments come first
(INSTALLED_APPS order) and moves `max_comment_id` past its rows, as the harness deletes the
comments above it.
"""

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max

from comments.demo import content as comment_texts
from comments.models import Comment
from comments.services import recount_comments
from lib.datagen import Context, Made
from lib.markup import render_plain_text
from members.models import Member

from .demo import content
from .models import Wall

WALL_COMMENTS = 10_000
OWNER_REPLY_SHARE = 0.2
REPLY_WINDOW = dt.timedelta(days=3)


def generate(ctx: Context) -> None:
    # Confirmed members write, on the walls of confirmed members (whose pages show them).
    writers: list[Made] = ctx.made["contributors"]
    members = writers
    if len(writers) < 2:
        return
    weights = [ctx.rng.lognormvariate(0, 1.2) for _ in members]
    total = ctx.scaled(WALL_COMMENTS)
    per_wall = Counter(ctx.rng.choices(range(len(members)), weights, k=total))
    joined = [w.at for w in writers]
    texts = [text for _writer, _owner, text in content.WALL_COMMENTS]
    bodies = [(text, render_plain_text(text)) for text in texts + comment_texts.COMMENTS[:20]]
    replies = [(text, render_plain_text(text)) for text in content.OWNER_REPLIES]
    wall_type = ContentType.objects.get_for_model(Wall).pk
    walls = [members[i] for i in sorted(per_wall)]
    ctx.bulk_create("walls", Wall, (Wall(member_id=m.pk) for m in walls), total=len(walls))

    def comments(wall: Made, n: int) -> Iterator[Comment]:
        for _ in range(n):
            at = wall.at + (ctx.now - wall.at) * ctx.rng.random()
            writer = writers[ctx.rng.randrange(max(1, bisect.bisect_right(joined, at)))]
            body, html = ctx.rng.choice(bodies)
            yield Comment(
                content_type_id=wall_type,
                object_id=wall.pk,
                author_id=writer.pk,
                body=body,
                body_html=html,
                created_at=at,
            )

    def all_comments() -> Iterator[Comment]:
        for i, n in sorted(per_wall.items()):
            yield from comments(members[i], n)

    ids = ctx.bulk_create("wall comments", Comment, all_comments(), total=total)
    _generate_replies(ctx, ids, replies)
    ctx.progress.start("wall counts", 1)
    recount_comments(Wall)
    ctx.progress.finish()
    ctx.manifest["max_comment_id"] = Comment.objects.aggregate(m=Max("id"))["m"]
    ctx.manifest.setdefault("counts", {})["wall_comments"] = total
    (busiest, count), *_rest = Counter({members[i].pk: n for i, n in per_wall.items()}).most_common(
        1
    )
    handle = Member.objects.values_list("handle", flat=True).get(pk=busiest)
    ctx.manifest["wall"] = {
        "pk": busiest,
        "handle": handle,
        "comments": count,
        "path": Member.objects.get(pk=busiest).get_absolute_url(),
    }


def _generate_replies(ctx: Context, ids: list[int], bodies: list[tuple[str, str]]) -> None:
    """The wall's member answers some comments on their wall."""
    picked = [pk for pk in ids if ctx.rng.random() < OWNER_REPLY_SHARE]
    parents: list[tuple[int, int, int, dt.datetime]] = []
    for start in range(0, len(picked), ctx.batch_size):
        rows = Comment.objects.filter(pk__in=picked[start : start + ctx.batch_size])
        parents += rows.values_list("pk", "content_type_id", "object_id", "created_at")

    def replies() -> Iterator[Comment]:
        for pk, content_type_id, owner, at in parents:
            body, html = ctx.rng.choice(bodies)
            yield Comment(
                content_type_id=content_type_id,
                object_id=owner,
                parent_id=pk,
                author_id=owner,
                body=body,
                body_html=html,
                created_at=min(ctx.now, at + REPLY_WINDOW * ctx.rng.random()),
            )

    ctx.bulk_create("wall replies", Comment, replies(), total=len(parents))
