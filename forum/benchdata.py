"""The forum of the benchmark network (manage.py generatedata): CATEGORIES categories,
DISCUSSIONS discussions at scale 1 with REPLIES replies (comments) spread by a log-normal
popularity, and the *bench discussion* with exactly BENCH_REPLIES replies at every scale.

Counts, last replies, the starters' follows and each category's count and latest discussion
are written in bulk from the rows, as the services would keep them. Runs after the apps whose
comments come first (INSTALLED_APPS order) and moves `max_comment_id` past its rows, as the
harness deletes the comments above it.
"""

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from django.utils.text import slugify

from comments.models import Comment
from comments.services import recount_comments
from lib.datagen import Context, Made
from lib.markup import html_to_text, render_markdown, render_plain_text, truncate_words

from .demo import content
from .models import Category, Discussion, Follow
from .services import EXCERPT_CHARS, refresh_category

CATEGORIES = 10
DISCUSSIONS = 5_000  # including the bench discussion
REPLIES = 40_000  # including the bench discussion's
BENCH_REPLIES = 50
BENCH_TITLE = "Bench discussion: the reunion committee's open questions"
REPLY_WINDOW = dt.timedelta(days=30)


def generate(ctx: Context) -> None:
    contributors: list[Made] = ctx.made["contributors"]
    if not contributors:
        return
    names = [name for name, _text in content.CATEGORIES]
    extra = ["Travel", "Sports", "Books", "Health", "Technology", "Arts"]
    categories = Category.objects.bulk_create(
        Category(
            name=name,
            slug=slugify(name, allow_unicode=True),
            description=f"Discussions about {name.lower()}.",
            position=10 * (i + 1),
        )
        for i, name in enumerate([*names, *extra][:CATEGORIES])
    )
    body_html = render_markdown(content.BENCH_BODY)
    excerpt = truncate_words(html_to_text(body_html), EXCERPT_CHARS)
    joined = [c.at for c in contributors]
    n = ctx.scaled(DISCUSSIONS)

    planned: list[tuple[dt.datetime, int, int, str]] = []
    for i in range(n - 1):
        at = ctx.start + (ctx.now - ctx.start) * ctx.rng.random()
        author = contributors[ctx.rng.randrange(max(1, bisect.bisect_right(joined, at)))]
        title = ctx.rng.choice(content.BENCH_TITLES).format(n=i + 1)
        planned.append((at, author.pk, ctx.rng.randrange(len(categories)), title))
    bench_at = ctx.now - dt.timedelta(days=3)
    bench = (bench_at, contributors[0].pk, 0, BENCH_TITLE)
    planned.append(bench)
    planned.sort(key=lambda p: p[0])

    def discussions() -> Iterator[Discussion]:
        for at, author, category, title in planned:
            yield Discussion(
                category_id=categories[category].pk,
                author_id=author,
                title=title,
                slug=slugify(title, allow_unicode=True)[:80] or "discussion",
                body=content.BENCH_BODY,
                body_html=body_html,
                excerpt=excerpt,
                created_at=at,
                updated_at=at,
                last_activity_at=at,
            )

    ids = ctx.bulk_create("discussions", Discussion, discussions(), total=len(planned))
    made = [Made(pk, p[0], p[1]) for pk, p in zip(ids, planned, strict=True)]
    ctx.made["discussions"] = made
    bench_pk = ids[planned.index(bench)]
    ctx.bulk_create(
        "forum follows",
        Follow,
        (Follow(member_id=m.owner or 0, discussion_id=m.pk, created_at=m.at) for m in made),
        total=len(made),
    )
    _replies(ctx, made, bench_pk, joined, contributors)
    for category in categories:
        refresh_category(category)
    bench_discussion = Discussion.objects.get(pk=bench_pk)
    ctx.manifest["forum"] = {
        "index_path": reverse("forum:index"),
        "latest_path": reverse("forum:latest"),
        "category_path": categories[0].get_absolute_url(),
        "discussion": {
            "pk": bench_pk,
            "path": bench_discussion.get_absolute_url(),
            "replies": bench_discussion.comment_count,
            "comment_path": reverse("comments:create", args=["discussion", bench_pk]),
        },
    }
    counts = ctx.manifest.setdefault("counts", {})
    counts["discussions"] = len(made)


def _replies(
    ctx: Context, made: list[Made], bench_pk: int, joined: list[dt.datetime], people: list[Made]
) -> None:
    others = [m for m in made if m.pk != bench_pk]
    bench = next(m for m in made if m.pk == bench_pk)
    total = max(ctx.scaled(REPLIES), BENCH_REPLIES)
    weights = [ctx.rng.lognormvariate(0, 1.2) for _ in others]
    per = Counter(ctx.rng.choices(range(len(others)), weights, k=total - BENCH_REPLIES))
    bodies = [(text, render_plain_text(text)) for text in content.BENCH_REPLIES]
    content_type = ContentType.objects.get_for_model(Discussion).pk

    def thread(discussion: Made, count: int) -> Iterator[Comment]:
        span = min(REPLY_WINDOW, ctx.now - discussion.at) * 0.95
        for offset in sorted(ctx.rng.random() ** 2 for _ in range(count)):
            at = discussion.at + span * offset
            author = people[ctx.rng.randrange(max(1, bisect.bisect_right(joined, at)))]
            body, html = ctx.rng.choice(bodies)
            yield Comment(
                content_type_id=content_type,
                object_id=discussion.pk,
                author_id=author.pk,
                body=body,
                body_html=html,
                created_at=at,
            )

    def replies() -> Iterator[Comment]:
        for i, discussion in enumerate(others):
            yield from thread(discussion, per[i])
        yield from thread(bench, BENCH_REPLIES)

    ctx.bulk_create("forum replies", Comment, replies(), total=total)
    ctx.progress.start("forum counts", 1)
    recount_comments(Discussion)
    last = Comment.objects.filter(
        content_type_id=content_type, object_id=OuterRef("pk"), hidden_at=None
    ).order_by("-created_at", "-id")
    replied = Discussion.objects.filter(comment_count__gt=0)
    replied.update(
        last_reply_at=Subquery(last.values("created_at")[:1]),
        last_reply_by_id=Subquery(last.values("author_id")[:1]),
    )
    replied.update(last_activity_at=Subquery(last.values("created_at")[:1]))
    ctx.progress.finish()
    ctx.manifest["max_comment_id"] = Comment.objects.aggregate(m=Max("id"))["m"]
    ctx.manifest.setdefault("counts", {})["discussion_replies"] = total
