"""What blogs adds to the pages other apps compose (lib/sections.py).

Rendered without the request: these templates need no context processor, and running them
again for each section would cost every page that shows one."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from lib import sections
from lib.cachetags import cached_fragment, depends_on

from .models import Post

HOME_POSTS = 10
HOME_FEATURED = 3
PROFILE_POSTS = 5


def latest_posts(request: HttpRequest, _obj: Any) -> str:
    """The featured posts (the latest featured first), then the latest of the others: the
    same for everyone, so rendered once per language and time zone until a post or a like
    count it shows changes."""
    name = f"home-posts:{get_language()}:{timezone.get_current_timezone_name()}"
    return cached_fragment(name, _render_latest_posts, ["post-lists"])


def _render_latest_posts() -> str:
    # The newest featured rows from their own small index (post_featured), then those of them
    # that are published, by primary key: in one query the database reads the listing index
    # of every post instead.
    newest_featured = list(
        Post.objects.filter(featured_at__isnull=False)
        .order_by("-featured_at", "-id")
        .values_list("pk", flat=True)[: HOME_FEATURED * 4]
    )
    featured = list(
        Post.objects.published()
        .filter(pk__in=newest_featured)
        .for_listing()
        .order_by("-featured_at", "-id")[:HOME_FEATURED]
    )
    latest = (
        Post.objects.published()
        .exclude(pk__in=[post.pk for post in featured])
        .for_listing()[: HOME_POSTS - len(featured)]
    )
    return render_to_string("blogs/_home_section.html", {"posts": [*featured, *latest]})


def member_posts(request: HttpRequest, member: Any) -> str:
    depends_on("post-lists", f"blog:{member.pk}")
    posts = Post.objects.visible_to(request.user).filter(author=member).for_listing()
    context = {"posts": posts[:PROFILE_POSTS], "member": member}
    return render_to_string("blogs/_member_section.html", context)


def member_feeds(request: HttpRequest, member: Any) -> str:
    return render_to_string("blogs/_blog_feeds.html", {"author": member})


def register_all() -> None:
    sections.register("home", "blogs.latest", latest_posts, order=20)
    sections.register("member", "blogs.posts", member_posts, order=20)
    sections.register("member_head", "blogs.feeds", member_feeds, order=20)
