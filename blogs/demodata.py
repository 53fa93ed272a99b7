"""The demo network's blogs (loaddemo): two years of posts, a few drafts, the comments under the
posts and the sidebar's "Alumni Blogs" box.

The comments are made here rather than by the comments app, which knows nothing of posts: the
text is the comments app's (comments/demo/content.py), the choice of which post gets which is
the blogs'.
"""

import datetime as dt
import random
import zoneinfo
from collections import Counter, defaultdict

from django.urls import reverse

from comments.demo import content as comment_texts
from comments.models import Comment
from comments.services import add_comment
from lib.datagen import DemoContext
from members.models import Member
from network.demo.content import NETWORK_TIME_ZONE
from network.models import SidebarBox
from network.services import save_sidebar_box

from .demo import content
from .demo.content import PostText
from .models import Post
from .services import LinkData, save_post

# Posts are spread over this many days before now, so that monthly archives have content.
SPREAD_DAYS = 730
# A composed post gets paragraphs from its topic's library until it has this many words.
MIN_WORDS = 300
# How many posts get how many comments (0 to 8), for the sixty-odd demo posts: about 2.3 each.
COMMENTS_PER_POST = {0: 8, 1: 14, 2: 15, 3: 11, 4: 6, 5: 3, 6: 2, 7: 1, 8: 1}
MAX_COMMENTS = 8
# How many posts get how many related links (0 to 3) when they have none of their own.
LINKS_PER_POST = {0: 6, 1: 20, 2: 24, 3: 11}
# Where the "Alumni Blogs" box goes in the sidebar: second, after the network's first box.
BLOG_BOX_POSITION = 1


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
    posts = _create_posts(ctx, members)
    _create_comments(ctx, members, posts)
    _give_views(ctx, [post for _text, post in posts])
    _add_blog_box(members)


# Views a demo post has had: some for each day it has been up, more for one with comments.
VIEWS_PER_DAY = (0.2, 1.5)
VIEWS_PER_COMMENT = 15


def _give_views(ctx: DemoContext, posts: list[Post]) -> None:
    """Plausible "N views" on the demo's posts (counted views come from beacons: not here)."""
    for post in posts:
        post.refresh_from_db(fields=["comment_count", "published_at"])
        days = max(1, (ctx.now - (post.published_at or ctx.now)).days)
        per_day = ctx.rng.uniform(*VIEWS_PER_DAY)
        post.view_count = round(days * per_day) + post.comment_count * VIEWS_PER_COMMENT
    Post.objects.bulk_update(posts, ["view_count"])


def _create_posts(ctx: DemoContext, members: dict[str, Member]) -> list[tuple[PostText, Post]]:
    """The published posts, oldest first, each with the text it was made from; and the drafts."""
    rng, now = ctx.rng, ctx.now
    tz = zoneinfo.ZoneInfo(NETWORK_TIME_ZONE)
    used: dict[str, Counter[int]] = defaultdict(Counter)
    texts = list(content.POSTS)
    rng.shuffle(texts)
    n_links = _planned(LINKS_PER_POST, len(texts), rng)
    published: list[tuple[PostText, Post]] = []
    for i, text in enumerate(texts):
        # Evenly spread from two years ago to last week, each at a plausible local hour.
        days_ago = SPREAD_DAYS * (len(texts) - i - 0.5) / len(texts) + rng.uniform(-3, 3)
        day = (now - dt.timedelta(days=days_ago)).astimezone(tz)
        when = day.replace(
            hour=rng.randint(7, 22), minute=rng.randrange(60), second=0, microsecond=0
        )
        post = _save(
            text, members, compose_body(text, used, rng), _links_for(text, n_links[i], rng), True
        )
        created = when - dt.timedelta(minutes=rng.randint(20, 600))
        Post.objects.filter(pk=post.pk).update(
            published_at=when, created_at=created, updated_at=when
        )
        post.published_at = when
        published.append((text, post))
        ctx.saw(post.author_id, when)
    drafts = ctx.made.setdefault("drafts", {})
    for text in content.DRAFTS:
        post = _save(text, members, compose_body(text, used, rng), _links_for(text, 1, rng), False)
        when = now - dt.timedelta(days=rng.uniform(2, 40))
        Post.objects.filter(pk=post.pk).update(created_at=when, updated_at=when)
        drafts[text.title] = post
    ctx.made.setdefault("posts", {}).update((text.title, post) for text, post in published)
    ctx.count("posts", len(published))
    ctx.count("drafts", len(content.DRAFTS))
    return published


def _save(
    text: PostText, members: dict[str, Member], body: str, links: list[LinkData], publish: bool
) -> Post:
    return save_post(
        Post(),
        by=members[text.author],
        title=text.title,
        body=body,
        tags=text.tags,
        links=links,
        publish=publish,
    )


def compose_body(text: PostText, used: dict[str, Counter[int]], rng: random.Random) -> str:
    """The post's own opening, paragraphs from its topic's library, and its own closing."""
    if text.body:
        return text.body
    library = content.PARAGRAPHS[text.topic]
    counts = used[text.topic]
    chosen = list(text.picks)
    words = sum(
        len(part.split()) for part in [text.opening, text.closing, *(library[i] for i in chosen)]
    )
    order = list(range(len(library)))
    rng.shuffle(order)
    for i in sorted(order, key=lambda i: counts[i]):  # stable: ties keep the shuffled order
        if len(chosen) >= 3 and words >= MIN_WORDS:
            break
        if i not in chosen:
            chosen.append(i)
            words += len(library[i].split())
    counts.update(chosen)
    return "\n\n".join([text.opening, *(library[i] for i in chosen), text.closing]).strip()


def _links_for(text: PostText, n: int, rng: random.Random) -> list[LinkData]:
    links = text.links or tuple(rng.sample(content.LINKS[text.topic], n))
    return [LinkData(url=k.url, title=k.title, source=k.source, excerpt=k.excerpt) for k in links]


def _create_comments(
    ctx: DemoContext, members: dict[str, Member], posts: list[tuple[PostText, Post]]
) -> None:
    rng, now = ctx.rng, ctx.now
    everyone = list(members.values())
    writes_urdu = {members[key].pk for key in comment_texts.URDU_WRITERS}
    stamped: list[Comment] = []
    for (text, post), n in zip(posts, _comment_counts(posts, rng), strict=True):
        assert post.published_at is not None
        own = comment_texts.POST_COMMENTS.get(text.title, [])[:n]
        pool = comment_texts.TOPIC_COMMENTS[text.topic] + comment_texts.COMMENTS
        extra = rng.sample(pool, n - len(own))
        others = [m for m in everyone if m.pk != post.author_id]
        rng.shuffle(others)
        comments: list[tuple[Member, str]] = []
        for key, body in own:
            comments.append((members[key] if key else others.pop(), body))
        taken = {a.pk for a, _body in comments}
        others = [m for m in others if m.pk not in taken]
        for body in extra:
            author = others.pop()
            if author.pk in writes_urdu and rng.random() < 0.5:
                body = rng.choice(comment_texts.URDU_COMMENTS)
            comments.append((author, body))
        if 3 <= len(comments) < MAX_COMMENTS and rng.random() < 0.3:
            comments.append((post.author, rng.choice(comment_texts.AUTHOR_REPLIES)))

        # Comments come after the post, mostly within days, never in the future.
        span = min(dt.timedelta(days=14), (now - post.published_at) * 0.9)
        offsets = sorted(rng.uniform(0.01, 1) ** 2 * span for _ in comments)
        for (author, body), offset in zip(comments, offsets, strict=True):
            comment = add_comment(post, author, body)
            comment.created_at = post.published_at + offset
            stamped.append(comment)
            ctx.saw(author.pk, comment.created_at)
    Comment.objects.bulk_update(stamped, ["created_at"], batch_size=500)
    ctx.count("comments", len(stamped))


def _planned(plan: dict[int, int], n: int, rng: random.Random) -> list[int]:
    """n numbers in random order, each as many times as the plan says (2 for any beyond it)."""
    counts = [k for k, times in plan.items() for _ in range(times)]
    counts = (counts + [2] * n)[:n]
    rng.shuffle(counts)
    return counts


def _comment_counts(posts: list[tuple[PostText, Post]], rng: random.Random) -> list[int]:
    """How many comments each post gets; posts with comments of their own always get some."""
    counts = _planned(COMMENTS_PER_POST, len(posts), rng)
    some = [n for n in counts if n > 0]
    quiet = [
        i for i, (text, _) in enumerate(posts) if text.title not in comment_texts.POST_COMMENTS
    ]
    silent = set(rng.sample(quiet, min(len(quiet), len(counts) - len(some))))
    return [0 if i in silent else (some.pop() if some else 2) for i in range(len(counts))]


def _add_blog_box(members: dict[str, Member]) -> None:
    """The "Alumni Blogs" box, inserted among the network's boxes (network/demodata.py)."""
    blogs = "\n".join(
        f"- [{m.display_name}]({reverse('blogs:member_blog', args=[m.handle])})"
        for m in (members[key] for key in content.BLOG_BOX_MEMBERS)
    )
    after = SidebarBox.objects.filter(position__gte=BLOG_BOX_POSITION).order_by("-position")
    for box in after:
        box.position += 1
        save_sidebar_box(box)
    save_sidebar_box(
        SidebarBox(
            title=content.BLOG_BOX_TITLE,
            body=f"{content.BLOG_BOX_INTRO}\n\n{blogs}",
            position=BLOG_BOX_POSITION,
        )
    )
