"""Blog posts and their comments for the benchmark network (manage.py generatedata): 20,000
posts and 200,000 comments at scale 1.

Each post is about 600 words made of the demo's paragraphs, with three related links and two or
three tags. Every paragraph is rendered to HTML once and the posts reuse the results, so 20,000
posts cost a few hundred Markdown renderings, not 20,000.

Some posts draw many comments and many draw none (popularity is log-normal); the bench post
always gets exactly BENCH_COMMENTS, whatever the scale, so its page weighs the same in every run.
The comments are made here rather than by the comments app, which knows nothing of posts.
"""

import bisect
import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.urls import reverse
from django.utils.text import slugify

from comments.demo import content as comment_texts
from comments.models import Comment
from comments.services import recount_comments
from lib.datagen import Context, Made
from lib.markup import html_to_text, render_markdown, render_plain_text, truncate_words
from lib.text import normalized_name
from members.models import Member

from .demo import content
from .models import Post, RelatedLink, Tag
from .services import EXCERPT_CHARS
from .views import POSTS_PER_PAGE

POSTS = 20_000  # published, including the bench post
DRAFTS = 200
LINKS_PER_POST = 3
# Share of contributors who blog; the first of them (the creator) writes the most.
BLOGGERS = 0.25
BENCH_TITLE = "The Long Table: Notes From Our Reunion Dinner"
COMMENTS = 200_000  # including the bench post's
BENCH_COMMENTS = 50
# Comments come within this long after the post (most of them early).
COMMENT_WINDOW = dt.timedelta(days=14)

EXTRA_TAGS = [
    "Alumni News", "Architecture", "Art", "Banking", "Biology", "Chemistry", "Children",
    "Cinema", "Community", "Cooking", "Culture", "Data", "Design", "Economics", "Engineering",
    "Environment", "Family", "Fashion", "Finance", "Football", "Friendship", "Gardening",
    "Hiking", "History", "Hockey", "Languages", "Law", "Libraries", "Literature", "Medicine",
    "Memories", "Migration", "Music", "Nursing", "Parenting", "Photography", "Physics",
    "Poetry", "Politics", "Public Health", "Research", "Retirement", "Teaching", "Volunteering",
    "Writing",
]  # fmt: skip
SUBJECTS = {
    "reunions": ["the Banyan Tree", "Our Batch Reunion", "the Old Canteen", "Lost Classmates"],
    "careers": ["Changing Careers", "the First Job", "Working Abroad", "a Late Promotion"],
    "scholarships": ["the Scholarship Fund", "Small Monthly Gifts", "First-Generation Students"],
    "technology": ["Old Computers", "Learning to Code", "the Phone in Every Pocket"],
    "startups": ["a Failed Startup", "Small Businesses", "Raising the First Round"],
    "science": ["the School Laboratory", "Curiosity", "a Telescope on the Roof"],
    "cricket": ["the College Eleven", "a Tape-Ball Final", "Test Cricket"],
    "city": ["Canal Road", "the Old City", "Our Neighbourhood"],
    "food": ["Mother's Kitchen", "Street Food", "the Sunday Breakfast"],
    "travel": ["a Long Train Journey", "Coming Home", "Two Passports"],
    "mentoring": ["Mentoring", "a Good Teacher", "Asking for Help"],
    "climate": ["the Monsoon", "Planting Trees", "a Hotter Summer"],
    "education": ["the Classroom", "Exams", "Public Schools"],
}
PATTERNS = [
    "{s}", "Notes on {s}", "What {s} Taught Me", "{s}, Revisited", "Why {s} Still Matters",
    "Letter From {place}: {s}", "Ten Years of {s}", "On {s}, Again", "{s} and the Rest of Us",
    "A Short History of {s}", "Remembering {s}", "{s}: Questions From Readers",
]  # fmt: skip
PLACES = ["Karachi", "Lahore", "Houston", "Toronto", "Dubai", "London", "Melbourne", "Oslo"]


@dataclass(frozen=True)
class Piece:
    """One paragraph of Markdown with its HTML and plain text, rendered once."""

    markdown: str
    html: str
    text: str
    words: int


@dataclass
class Topic:
    name: str
    openings: list[int]
    middles: list[int]
    closings: list[int]
    tags: list[str]


@dataclass(frozen=True)
class Planned:
    at: dt.datetime
    author: int
    topic: str
    title: str
    pieces: tuple[int, ...]
    tags: tuple[int, ...]
    links: tuple[int, ...]
    published: bool = True


def generate(ctx: Context) -> None:
    pieces, topics = _library()
    tag_ids = _create_tags()
    tag_id = dict(tag_ids)
    all_tags = [pk for _name, pk in tag_ids]

    contributors = ctx.made["contributors"]
    # The creator blogs most, then a long tail (a Zipf-like share of the posts).
    others = contributors[1:]
    n_bloggers = max(1, round(len(contributors) * BLOGGERS))
    bloggers = [contributors[0], *ctx.rng.sample(others, min(len(others), n_bloggers - 1))]
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(bloggers))]

    def plan(author: Made, at: dt.datetime, topic: Topic, title: str, published: bool) -> Planned:
        tags = [tag_id[ctx.rng.choice(topic.tags)]]
        wanted = ctx.rng.choice((2, 3))
        while len(tags) < wanted:
            extra = ctx.rng.choice(all_tags)
            if extra not in tags:
                tags.append(extra)
        return Planned(
            at=at,
            author=author.pk,
            topic=topic.name,
            title=title,
            pieces=_compose(ctx, pieces, topic),
            tags=tuple(tags),
            links=tuple(ctx.rng.sample(range(len(content.LINKS[topic.name])), LINKS_PER_POST)),
            published=published,
        )

    n_posts = ctx.scaled(POSTS)
    planned: list[Planned] = []
    topic_list = list(topics.values())
    for author in ctx.rng.choices(bloggers, weights, k=n_posts - 1):
        # Anywhere between the author's joining and an hour ago.
        first = max(author.at, ctx.start) + dt.timedelta(days=1)
        last = ctx.now - dt.timedelta(hours=1)
        at = first + (last - first) * ctx.rng.random() if last > first else last
        topic = ctx.rng.choice(topic_list)
        planned.append(plan(author, at, topic, _title(ctx, topic.name), True))
    # The bench post: by the busiest blogger, two days old, like a post people are discussing.
    bench = plan(bloggers[0], ctx.now - dt.timedelta(days=2), topics["reunions"], BENCH_TITLE, True)
    planned.append(bench)
    for author in ctx.rng.choices(bloggers, weights, k=ctx.scaled(DRAFTS)):
        topic = ctx.rng.choice(topic_list)
        at = ctx.now - dt.timedelta(days=ctx.rng.uniform(1, 60))
        planned.append(plan(author, at, topic, _title(ctx, topic.name), False))
    # Ids follow time, as they do on a real site.
    planned.sort(key=lambda p: p.at)

    def posts() -> Iterator[Post]:
        for p in planned:
            used = [pieces[i] for i in p.pieces]
            html = "\n".join(piece.html for piece in used)
            created = p.at - dt.timedelta(minutes=ctx.rng.randint(10, 600))
            yield Post(
                author_id=p.author,
                title=p.title,
                slug=slugify(p.title, allow_unicode=True)[:80] or "post",
                body="\n\n".join(piece.markdown for piece in used),
                body_html=html,
                excerpt=truncate_words(" ".join(piece.text for piece in used[:2]), EXCERPT_CHARS),
                status=Post.Status.PUBLISHED if p.published else Post.Status.DRAFT,
                published_at=p.at if p.published else None,
                created_at=created if p.published else p.at,
                updated_at=p.at,
            )

    ids = ctx.bulk_create("posts", Post, posts(), total=len(planned))

    through = Post.tags.through
    ctx.bulk_create(
        "post tags",
        through,
        (through(post_id=pk, tag_id=t) for pk, p in zip(ids, planned, strict=True) for t in p.tags),
        total=sum(len(p.tags) for p in planned),
    )

    def links() -> Iterator[RelatedLink]:
        for pk, p in zip(ids, planned, strict=True):
            for position, i in enumerate(p.links):
                link = content.LINKS[p.topic][i]
                yield RelatedLink(
                    post_id=pk,
                    position=position,
                    url=link.url,
                    title=link.title,
                    source=link.source,
                    excerpt=link.excerpt,
                )

    ctx.bulk_create("related links", RelatedLink, links(), total=len(planned) * LINKS_PER_POST)

    ctx.made["posts"] = [
        Made(pk, p.at, p.author) for pk, p in zip(ids, planned, strict=True) if p.published
    ]
    bench_pk = ids[planned.index(bench)]
    bench_post = Post.objects.only("id", "slug").get(pk=bench_pk)
    by_author = Counter(p.author for p in planned if p.published)
    _write_manifest(ctx, bench_post, by_author, len(ctx.made["posts"]))
    _generate_comments(ctx)


def _write_manifest(
    ctx: Context, bench_post: Post, by_author: Counter[int], published: int
) -> None:
    busiest = [pk for pk, _n in by_author.most_common(5)]
    handles = dict(Member.objects.filter(pk__in=busiest).values_list("pk", "handle"))
    pages = math.ceil(published / POSTS_PER_PAGE)
    ctx.manifest["bench_post"] = {
        "pk": bench_post.pk,
        "path": bench_post.get_absolute_url(),
        "comment_path": reverse("comments:create", args=["post", bench_post.pk]),
    }
    ctx.manifest["bloggers"] = [
        {
            "pk": pk,
            "handle": handles[pk],
            "posts": by_author[pk],
            "path": reverse("blogs:member_blog", args=[handles[pk]]),
        }
        for pk in busiest
    ]
    ctx.manifest["listing"] = {
        "path": reverse("blogs:list"),
        "pages": pages,
        # The same page at every scale: a page's cost depends on how deep it is, and the
        # comparison across scales asks whether it grows with the size of the network.
        "deep_page": max(1, min(1000, pages // 2)),
    }
    ctx.manifest["home_path"] = reverse("network:home")
    counts = ctx.manifest.setdefault("counts", {})
    counts["posts"] = published
    counts["drafts"] = ctx.scaled(DRAFTS)


def _library() -> tuple[list[Piece], dict[str, Topic]]:
    pieces: list[Piece] = []

    def add(markdown: str) -> int:
        html = render_markdown(markdown)
        pieces.append(Piece(markdown, html, html_to_text(html), len(markdown.split())))
        return len(pieces) - 1

    topic_tags: dict[str, set[str]] = defaultdict(set)
    openings: dict[str, list[int]] = defaultdict(list)
    closings: dict[str, list[int]] = defaultdict(list)
    for text in content.POSTS:
        topic_tags[text.topic].update(text.tags)
        if text.opening and text.closing:
            openings[text.topic].append(add(text.opening))
            closings[text.topic].append(add(text.closing))
    topics = {
        name: Topic(
            name=name,
            openings=openings[name],
            middles=[add(p) for p in paragraphs],
            closings=closings[name],
            tags=sorted(topic_tags[name]),
        )
        for name, paragraphs in content.PARAGRAPHS.items()
    }
    return pieces, topics


def _compose(ctx: Context, pieces: list[Piece], topic: Topic) -> tuple[int, ...]:
    """An opening, library paragraphs in a random order until ~600 words, a closing."""
    target = ctx.rng.gauss(600, 60)
    opening, closing = ctx.rng.choice(topic.openings), ctx.rng.choice(topic.closings)
    words = pieces[opening].words + pieces[closing].words
    middle = []
    for i in ctx.rng.sample(topic.middles, len(topic.middles)):
        if words >= target:
            break
        middle.append(i)
        words += pieces[i].words
    return (opening, *middle, closing)


def _title(ctx: Context, topic: str) -> str:
    title = ctx.rng.choice(PATTERNS).format(
        s=ctx.rng.choice(SUBJECTS[topic]), place=ctx.rng.choice(PLACES)
    )
    return title[0].upper() + title[1:]


def _create_tags() -> list[tuple[str, int]]:
    names = list(dict.fromkeys([*content.TAGS, *EXTRA_TAGS]))
    tags = Tag.objects.bulk_create(
        Tag(name=name, key=normalized_name(name), slug=slugify(name, allow_unicode=True))
        for name in names
    )
    return [(tag.name, tag.pk) for tag in tags]


def _generate_comments(ctx: Context) -> None:
    bench_pk = ctx.manifest["bench_post"]["pk"]
    posts = [p for p in ctx.made["posts"] if p.pk != bench_pk]
    bench = next(p for p in ctx.made["posts"] if p.pk == bench_pk)
    total = max(ctx.scaled(COMMENTS), BENCH_COMMENTS)
    weights = [ctx.rng.lognormvariate(0, 1.2) for _ in posts]
    per_post = Counter(ctx.rng.choices(range(len(posts)), weights, k=total - BENCH_COMMENTS))
    contributors = ctx.made["contributors"]
    joined = [c.at for c in contributors]
    bodies = _comment_bodies(ctx)
    content_type = ContentType.objects.get_for_model(Post)

    def thread(post: Made, n: int) -> Iterator[Comment]:
        span = min(COMMENT_WINDOW, ctx.now - post.at) * 0.95
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


def _comment_bodies(ctx: Context) -> list[tuple[str, str]]:
    """The demo's comments, alone and in pairs, for a few hundred bodies, each rendered once."""
    single = [
        *comment_texts.COMMENTS,
        *(c for topic in comment_texts.TOPIC_COMMENTS.values() for c in topic),
        *comment_texts.URDU_COMMENTS,
        *comment_texts.AUTHOR_REPLIES,
    ]
    pairs = ["\n\n".join(ctx.rng.sample(single, 2)) for _ in range(len(single) * 2)]
    return [(body, render_plain_text(body)) for body in single + pairs]
