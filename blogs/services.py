import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from comments.models import Comment
from lib import events, viewcounts
from lib.cachetags import invalidate
from lib.markup import html_to_text, render_markdown, truncate_words
from lib.text import normalized_name
from likes.services import forget as forget_likes
from members.models import Member
from moderation import approval

from . import permissions
from .models import Post, RelatedLink, Tag, views_tag

MAX_TAGS = 10
EXCERPT_CHARS = 300


def parse_tags(text: str) -> list[str]:
    """“Space, science ,space” → ["Space", "science"]: trimmed, NFC, first spelling wins."""
    seen: dict[str, str] = {}
    for raw in text.split(","):
        name = unicodedata.normalize("NFC", " ".join(raw.split()))[:50].strip()
        if name and normalized_name(name) not in seen:
            seen[normalized_name(name)] = name
    return list(seen.values())


# Symbols that tell tags apart ("C++", "C#", "R&D") but that slugify() drops.
_SLUG_WORDS = {"+": " plus ", "#": " sharp ", "&": " and ", "@": " at "}
_SLUG_SYMBOLS = re.compile("[" + re.escape("".join(_SLUG_WORDS)) + "]")


def _slug_base(name: str) -> str:
    spelled = _SLUG_SYMBOLS.sub(lambda m: _SLUG_WORDS[m.group()], name)
    return slugify(spelled, allow_unicode=True)[:50].strip("-") or "tag"


def tag_named(name: str) -> Tag:
    """The tag called `name` up to case, spacing and normalisation, made if it is new, with a
    slug no other tag has. Safe under concurrent posts naming the same new tag."""
    name = unicodedata.normalize("NFC", " ".join(name.split()))[:50]
    key = normalized_name(name)
    for _attempt in range(5):
        found = Tag.objects.filter(key=key).first()
        if found is not None:
            return found
        base = _slug_base(name)
        taken = set(Tag.objects.filter(slug__startswith=base).values_list("slug", flat=True))
        slug = next(
            s
            for n in range(1, len(taken) + 2)
            if (s := base if n == 1 else f"{base}-{n}") not in taken
        )
        try:
            with transaction.atomic():
                return Tag.objects.create(name=name, key=key, slug=slug)
        except IntegrityError:
            continue  # someone made this tag, or took this slug or name, just now: look again
    raise IntegrityError(f"could not make a tag named {name!r}")


@dataclass
class LinkData:
    url: str
    title: str
    source: str = ""
    excerpt: str = ""


def _tags_named(names: Sequence[str]) -> list[Tag]:
    return [tag_named(name) for name in names]


def render_body(post: Post) -> None:
    """The page's HTML and the listings' excerpt, made from the Markdown once per edit."""
    post.body_html = render_markdown(post.body)
    post.excerpt = truncate_words(html_to_text(post.body_html), EXCERPT_CHARS)


@transaction.atomic
def save_post(
    post: Post,
    *,
    by: Member,
    title: str,
    body: str,
    tags: Sequence[str],
    links: Sequence[LinkData],
    publish: bool,
    publish_at: dt.datetime | None = None,
) -> Post:
    """Writes a new post of `by`'s, or `by`'s edit of a post, with its tags and related links
    in one transaction.

    Publishing a draft stamps the publication time once; later edits keep it, so the post
    keeps its place in listings and archives. With `publish_at` in the future (and `publish`),
    a post not yet public is scheduled instead: it goes public by itself then.
    """
    if post.pk is None:
        if not permissions.can_write_posts(by):
            raise PermissionDenied(_("Please confirm your email before you write a post."))
        post.author = by
    elif not permissions.can_edit_post(by, post):
        raise PermissionDenied(_("Only the author or an administrator can change this post."))
    was_published = post.pk is not None and post.is_published
    was_pending = post.pk is not None and post.is_pending
    by_author = post.author
    post.title = title
    post.slug = slugify(title, allow_unicode=True)[:80] or "post"
    post.body = body
    render_body(post)
    now = timezone.now()
    if publish and not post.is_published and publish_at is not None and publish_at > now:
        post.status = Post.Status.SCHEDULED
        post.published_at = publish_at
    elif (
        publish
        and not post.is_published
        and (post.is_pending or approval.needed(by_author, text=body))
    ):
        # The network approves blog posts first (moderation/): its moderators decide.
        post.status = Post.Status.PENDING
        post.published_at = None
    elif publish and not post.is_published:
        post.status = Post.Status.PUBLISHED
        post.published_at = now if post.is_scheduled or not post.published_at else post.published_at
    elif not publish:
        post.status = Post.Status.DRAFT
    post.updated_at = timezone.now()
    post.save()
    post.tags.set(_tags_named(tags))
    post.related_links.all().delete()
    RelatedLink.objects.bulk_create(
        RelatedLink(post=post, position=i, **vars(link)) for i, link in enumerate(links)
    )
    invalidate(*post.cache_tags())
    if post.is_published and not was_published:
        _views_open(post, True)
        events.publish("blogs.published", actor=post.author, target=post)
    elif post.is_pending and not was_pending:
        approval.submitted(post)
    elif was_published and not post.is_published:
        _views_open(post, False)
        events.publish("blogs.unpublished", actor=by, target=post)
    elif was_published:
        events.publish("blogs.edited", actor=by, target=post)
    return post


@transaction.atomic
def set_featured(post: Post, featured: bool, *, by: Member) -> None:
    """Features the post (first on the home page, marked in listings) or stops featuring it."""
    if not permissions.can_feature_post(by, post):
        raise PermissionDenied(_("Only the network's administrators can feature posts."))
    post.featured_at = timezone.now() if featured else None
    post.save(update_fields=["featured_at"])
    invalidate(*post.cache_tags())


@transaction.atomic
def publish_due_posts(now: dt.datetime | None = None) -> int:
    """Publishes the scheduled posts whose time has come (the scheduler's job, every minute);
    returns how many. Listings, feeds and pages show them from then on, not before."""
    due = list(
        Post.objects.select_for_update()
        .filter(status=Post.Status.SCHEDULED, published_at__lte=now or timezone.now())
        .select_related("author")
    )
    # On a network that approves blog posts first, their time only puts them in the queue.
    waiting = [post for post in due if approval.needed(post.author, text=post.body)]
    if waiting:
        Post.objects.filter(pk__in=[p.pk for p in waiting]).update(
            status=Post.Status.PENDING, published_at=None
        )
        invalidate(*{tag for post in waiting for tag in post.cache_tags()})
        for post in waiting:
            post.status = Post.Status.PENDING
            approval.submitted(post)
    due = [post for post in due if post not in waiting]
    if due:
        Post.objects.filter(pk__in=[p.pk for p in due]).update(status=Post.Status.PUBLISHED)
        invalidate(*{tag for post in due for tag in post.cache_tags()})
        for post in due:
            post.status = Post.Status.PUBLISHED
            _views_open(post, True)
            events.publish("blogs.published", actor=post.author, target=post)
    return len(due)


@task
def publish_due_posts_task() -> None:
    publish_due_posts()


@transaction.atomic
def delete_post(post: Post, *, by: Member | None = None) -> None:
    """Deletes the post and its comments; `by` (when given) must be allowed to."""
    if by is not None and not permissions.can_delete_post(by, post):
        raise PermissionDenied(_("You cannot delete this post."))
    invalidate(*post.cache_tags())
    _forget_likes_of([post.pk])
    _views_open(post, False)
    events.publish("blogs.deleted", actor=by, target=post)
    # Post.comments (a GenericRelation) makes Django delete the post's comments with it.
    post.delete()


def _forget_likes_of(post_pks: list[int]) -> None:
    """The likes of posts about to be deleted, and of their comments, go with them."""
    forget_likes(Post, post_pks)
    on_them = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(Post), object_id__in=post_pks
    )
    forget_likes(Comment, on_them.values_list("pk", flat=True))


def forget_likes_of_posts_by(author: Member) -> None:
    """A removal step (members.removal): the member's posts go with the member (a cascade),
    and the likes of them and of the comments on them with the posts."""
    pks = list(Post.objects.filter(author=author).values_list("pk", flat=True))
    _forget_likes_of(pks)

    def close_views() -> None:
        for pk in pks:
            viewcounts.close("post", pk)

    transaction.on_commit(close_views)


def delete_drafts_of(author: Member) -> None:
    """A leaving step (members.removal): a member who leaves keeping their content keeps
    their published posts, shown as by a former member; their drafts and scheduled posts,
    which nobody else read, go."""
    for post in Post.objects.filter(author=author).exclude(status=Post.Status.PUBLISHED):
        delete_post(post)


@transaction.atomic
def approve_post(post: Post, *, by: Member) -> None:
    """A moderator approves a post awaiting approval: it is published now (listings, feeds,
    activity and notifications from here on)."""
    if not permissions.can_approve_post(by, post):
        raise PermissionDenied(_("Only the blogs' moderators can approve posts."))
    post.status = Post.Status.PUBLISHED
    post.published_at = timezone.now()
    post.save(update_fields=["status", "published_at"])
    invalidate(*post.cache_tags())
    _views_open(post, True)
    events.publish("blogs.published", actor=post.author, target=post)


@transaction.atomic
def reject_post(post: Post, *, by: Member) -> None:
    """A moderator rejects a post awaiting approval: it is its author's draft again (the
    reason reaches the author through moderation.services.reject)."""
    if not permissions.can_approve_post(by, post):
        raise PermissionDenied(_("Only the blogs' moderators can reject posts."))
    post.status = Post.Status.DRAFT
    post.save(update_fields=["status"])
    invalidate(*post.cache_tags())


@transaction.atomic
def set_hidden(post: Post, hidden: bool, *, by: Member) -> None:
    """Hides a published post from everyone but its author, moderators and administrators,
    or shows it again."""
    if not permissions.can_hide_post(by, post):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    post.hidden_at = timezone.now() if hidden else None
    post.save(update_fields=["hidden_at"])
    invalidate(*post.cache_tags())
    _views_open(post, not hidden)
    events.publish("blogs.hidden" if hidden else "blogs.shown", actor=by, target=post)


# --- View counts (lib/viewcounts.py) ----------------------------------------------------------

# How often the views counted in the cache are added to the posts. Each run changes the
# `post-views:N` tag of the posts that had views, so a post's page, served to visitors from
# the cache, is rendered again at most this often for its views (not at every view); the cache
# keeps counted views about 5 minutes (lib/viewcounts.py), so this stays well below that.
VIEWS_FLUSH_EVERY = dt.timedelta(minutes=2)


def _views_open(post: Post, is_open: bool) -> None:
    """Whether the post's page may count views (published and not hidden), told to the view
    counter at commit: its beacon endpoint refuses closed posts without a database query."""
    pk = post.pk
    if is_open and not post.is_hidden:
        transaction.on_commit(lambda: viewcounts.reopen("post", pk))
    elif not is_open:
        transaction.on_commit(lambda: viewcounts.close("post", pk))


def flush_post_views(now: float | None = None) -> dict[int, int]:
    """Adds the views counted since the last run to the posts (the scheduler's job); returns
    {post id: views added}. Deleted posts' views are dropped."""
    return viewcounts.flush("post", _add_views, now=now)


@transaction.atomic
def _add_views(counts: dict[int, int]) -> None:
    by_views: dict[int, list[int]] = defaultdict(list)
    for pk, n in counts.items():
        by_views[n].append(pk)
    for n, pks in by_views.items():
        for start in range(0, len(pks), 500):
            Post.objects.filter(pk__in=pks[start : start + 500]).update(
                view_count=F("view_count") + n
            )
    invalidate(*(views_tag(pk) for pk in counts))


@task
def flush_post_views_task() -> None:
    flush_post_views()
