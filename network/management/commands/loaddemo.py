"""Fills an empty install with the demo network: members, two years of blog posts, comments."""

import datetime as dt
import random
import zoneinfo
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from blogs.models import Post
from blogs.services import LinkData, save_post
from comments.models import Comment
from comments.services import add_comment
from members.models import Member, unique_handle
from network.demo import content, create_demo_network
from network.models import Network, SidebarBox
from network.services import save_sidebar_box

# Posts are spread over this many days before now, so that monthly archives have content.
SPREAD_DAYS = 730
# A composed post gets paragraphs from its topic's library until it has this many words.
MIN_WORDS = 300
# How many posts get how many comments (0 to 8), for the sixty-odd demo posts: about 2.3 each.
COMMENTS_PER_POST = {0: 8, 1: 14, 2: 15, 3: 11, 4: 6, 5: 3, 6: 2, 7: 1, 8: 1}
MAX_COMMENTS = 8
# How many posts get how many related links (0 to 3) when they have none of their own.
LINKS_PER_POST = {0: 6, 1: 20, 2: 24, 3: 11}


@dataclass
class Loaded:
    network: Network
    members: dict[str, Member]
    # Each published post with the text it was made from.
    posts: list[tuple[content.PostText, Post]] = field(default_factory=list)
    drafts: list[Post] = field(default_factory=list)
    comments: int = 0
    # Each member's first post or comment, so their "joined" date can come before it.
    first_seen: dict[int, dt.datetime] = field(default_factory=dict)

    def saw(self, member: Member, when: dt.datetime) -> None:
        if member.pk not in self.first_seen or when < self.first_seen[member.pk]:
            self.first_seen[member.pk] = when


class Command(BaseCommand):
    help = (
        "Loads the demo network (an alumni network with blogs and comments) into an empty database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing, without an error, when the database already has a network.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            if Network.objects.exists():
                if options["if_empty"]:
                    self.stdout.write(
                        "The database already has a network; the demo was not loaded.\n"
                        f"Open {settings.SITE_URL}/"
                    )
                    return
                raise CommandError(
                    "The database already has a network; loaddemo fills only an empty one."
                )
            # Seeded: the same demo every time (nothing here is a secret).
            rng = random.Random(content.SEED)  # noqa: S311
            loaded = load_demo(rng, timezone.now())
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo network “{loaded.network.name}”: {len(loaded.members)} members, "
                f"{len(loaded.posts)} posts and {len(loaded.drafts)} drafts, "
                f"{loaded.comments} comments."
            )
        )
        member = loaded.members[content.SAMPLE_MEMBER]
        self.stdout.write(f"Open {settings.SITE_URL}/")
        self.stdout.write(f"Sign in as {content.CREATOR.email} / {content.PASSWORD} (the creator)")
        self.stdout.write(f"or as {member.email} / {content.PASSWORD} (a member).")


def load_demo(rng: random.Random, now: dt.datetime) -> Loaded:
    start = now - dt.timedelta(days=SPREAD_DAYS + 30)
    network = create_demo_network(
        creator_email=content.CREATOR.email, password=content.PASSWORD, start=start
    )
    creator = network.creator

    loaded = Loaded(network=network, members={content.CREATOR.key: creator})
    loaded.members.update(_create_members())
    _create_posts(loaded, rng, now)
    _create_comments(loaded, rng, now)
    _set_join_dates(loaded, rng, start, now)
    _create_sidebar_boxes(loaded)
    return loaded


def _create_members() -> dict[str, Member]:
    # One hash for everyone: the production hasher (Argon2) is slow by design.
    password = make_password(content.PASSWORD)
    members = {}
    for person in content.MEMBERS:
        member = Member(
            email=person.email,
            display_name=person.name,
            handle=unique_handle(person.name),
            about=person.about,
            email_confirmed=True,
            password=password,
        )
        member.save()
        members[person.key] = member
    return members


def _create_posts(loaded: Loaded, rng: random.Random, now: dt.datetime) -> None:
    tz = zoneinfo.ZoneInfo(content.NETWORK_TIME_ZONE)
    used: dict[str, Counter[int]] = defaultdict(Counter)
    posts = list(content.POSTS)
    rng.shuffle(posts)
    n_links = _planned(LINKS_PER_POST, len(posts), rng)
    for i, text in enumerate(posts):
        # Evenly spread from two years ago to last week, each at a plausible local hour.
        days_ago = SPREAD_DAYS * (len(posts) - i - 0.5) / len(posts) + rng.uniform(-3, 3)
        day = (now - dt.timedelta(days=days_ago)).astimezone(tz)
        when = day.replace(
            hour=rng.randint(7, 22), minute=rng.randrange(60), second=0, microsecond=0
        )
        post = _save(
            text, loaded, compose_body(text, used, rng), _links_for(text, n_links[i], rng), True
        )
        created = when - dt.timedelta(minutes=rng.randint(20, 600))
        Post.objects.filter(pk=post.pk).update(
            published_at=when, created_at=created, updated_at=when
        )
        post.published_at = when
        loaded.posts.append((text, post))
        loaded.saw(post.author, when)
    for text in content.DRAFTS:
        post = _save(text, loaded, compose_body(text, used, rng), _links_for(text, 1, rng), False)
        when = now - dt.timedelta(days=rng.uniform(2, 40))
        Post.objects.filter(pk=post.pk).update(created_at=when, updated_at=when)
        loaded.drafts.append(post)


def _save(
    text: content.PostText, loaded: Loaded, body: str, links: list[LinkData], publish: bool
) -> Post:
    return save_post(
        Post(),
        author=loaded.members[text.author],
        title=text.title,
        body=body,
        tags=text.tags,
        links=links,
        publish=publish,
    )


def compose_body(text: content.PostText, used: dict[str, Counter[int]], rng: random.Random) -> str:
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


def _links_for(text: content.PostText, n: int, rng: random.Random) -> list[LinkData]:
    links = text.links or tuple(rng.sample(content.LINKS[text.topic], n))
    return [LinkData(url=k.url, title=k.title, source=k.source, excerpt=k.excerpt) for k in links]


def _create_comments(loaded: Loaded, rng: random.Random, now: dt.datetime) -> None:
    members = list(loaded.members.values())
    writes_urdu = {loaded.members[key].pk for key in content.URDU_WRITERS}
    stamped: list[Comment] = []
    for (text, post), n in zip(loaded.posts, _comment_counts(loaded, rng), strict=True):
        assert post.published_at is not None
        own = content.POST_COMMENTS.get(text.title, [])[:n]
        pool = content.TOPIC_COMMENTS[text.topic] + content.COMMENTS
        extra = rng.sample(pool, n - len(own))
        others = [m for m in members if m.pk != post.author_id]
        rng.shuffle(others)
        comments: list[tuple[Member, str]] = []
        for key, body in own:
            comments.append((loaded.members[key] if key else others.pop(), body))
        taken = {a.pk for a, _body in comments}
        others = [m for m in others if m.pk not in taken]
        for body in extra:
            author = others.pop()
            if author.pk in writes_urdu and rng.random() < 0.5:
                body = rng.choice(content.URDU_COMMENTS)
            comments.append((author, body))
        if 3 <= len(comments) < MAX_COMMENTS and rng.random() < 0.3:
            comments.append((post.author, rng.choice(content.AUTHOR_REPLIES)))

        # Comments come after the post, mostly within days, never in the future.
        span = min(dt.timedelta(days=14), (now - post.published_at) * 0.9)
        offsets = sorted(rng.uniform(0.01, 1) ** 2 * span for _ in comments)
        for (author, body), offset in zip(comments, offsets, strict=True):
            comment = add_comment(post, author, body)
            comment.created_at = post.published_at + offset
            stamped.append(comment)
            loaded.saw(author, comment.created_at)
    Comment.objects.bulk_update(stamped, ["created_at"], batch_size=500)
    loaded.comments = len(stamped)


def _planned(plan: dict[int, int], n: int, rng: random.Random) -> list[int]:
    """n numbers in random order, each as many times as the plan says (2 for any beyond it)."""
    counts = [k for k, times in plan.items() for _ in range(times)]
    counts = (counts + [2] * n)[:n]
    rng.shuffle(counts)
    return counts


def _comment_counts(loaded: Loaded, rng: random.Random) -> list[int]:
    """How many comments each post gets; posts with comments of their own always get some."""
    counts = _planned(COMMENTS_PER_POST, len(loaded.posts), rng)
    some = [n for n in counts if n > 0]
    quiet = [
        i for i, (text, _) in enumerate(loaded.posts) if text.title not in content.POST_COMMENTS
    ]
    silent = set(rng.sample(quiet, min(len(quiet), len(counts) - len(some))))
    return [0 if i in silent else (some.pop() if some else 2) for i in range(len(counts))]


def _set_join_dates(
    loaded: Loaded, rng: random.Random, start: dt.datetime, now: dt.datetime
) -> None:
    for member in loaded.members.values():
        if member.is_creator:
            continue
        first = loaded.first_seen.get(member.pk, now - dt.timedelta(days=30))
        joined = max(
            start + dt.timedelta(days=rng.uniform(1, 20)),
            first - dt.timedelta(days=rng.uniform(3, 90)),
        )
        Member.objects.filter(pk=member.pk).update(date_joined=joined)


def _create_sidebar_boxes(loaded: Loaded) -> None:
    blogs = "\n".join(
        f"- [{m.display_name}]({reverse('blogs:member_blog', args=[m.handle])})"
        for m in (loaded.members[key] for key in content.BLOG_BOX_MEMBERS)
    )
    boxes = list(content.SIDEBAR_BOXES)
    boxes.insert(1, content.Box(content.BLOG_BOX_TITLE, f"{content.BLOG_BOX_INTRO}\n\n{blogs}"))
    for position, box in enumerate(boxes):
        save_sidebar_box(SidebarBox(title=box.title, body=box.body, position=position))
