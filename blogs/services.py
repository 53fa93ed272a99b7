from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from lib.contentversion import invalidate_content
from lib.markup import html_to_text, render_markdown, truncate_words
from members.models import Member

from .models import Post, RelatedLink, Tag

MAX_TAGS = 10
EXCERPT_CHARS = 300


def parse_tags(text: str) -> list[str]:
    """“Space, science ,space” → ["Space", "science"]: trimmed, first spelling wins."""
    seen: dict[str, str] = {}
    for raw in text.split(","):
        name = " ".join(raw.split())[:50]
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


@dataclass
class LinkData:
    url: str
    title: str
    source: str = ""
    excerpt: str = ""


def _tags_named(names: Sequence[str]) -> list[Tag]:
    tags = []
    for name in names:
        slug = slugify(name, allow_unicode=True)[:60] or "tag"
        tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(tag)
    return tags


def render_body(post: Post) -> None:
    """The page's HTML and the listings' excerpt, made from the Markdown once per edit."""
    post.body_html = render_markdown(post.body)
    post.excerpt = truncate_words(html_to_text(post.body_html), EXCERPT_CHARS)


@transaction.atomic
def save_post(
    post: Post,
    *,
    author: Member,
    title: str,
    body: str,
    tags: Sequence[str],
    links: Sequence[LinkData],
    publish: bool,
) -> Post:
    """Writes a new or edited post with its tags and related links in one transaction.

    Publishing a draft stamps the publication time once; later edits keep it, so the post
    keeps its place in listings and archives.
    """
    if post.pk is None:
        post.author = author
    post.title = title
    post.slug = slugify(title, allow_unicode=True)[:80] or "post"
    post.body = body
    render_body(post)
    if publish and not post.is_published:
        post.status = Post.Status.PUBLISHED
        post.published_at = post.published_at or timezone.now()
    elif not publish:
        post.status = Post.Status.DRAFT
    post.save()
    post.tags.set(_tags_named(tags))
    post.related_links.all().delete()
    RelatedLink.objects.bulk_create(
        RelatedLink(post=post, position=i, **vars(link)) for i, link in enumerate(links)
    )
    invalidate_content()
    return post


def delete_post(post: Post) -> None:
    # Post.comments (a GenericRelation) makes Django delete the post's comments with it.
    post.delete()
    invalidate_content()
