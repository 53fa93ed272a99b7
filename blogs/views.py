import calendar
import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from comments import services as comment_services
from comments.fragments import comment_list
from comments.models import MAX_COMMENT_CHARS
from lib.pagecache import cache_for_visitors, cached
from lib.pagination import ListingPaginator
from lib.urls import fast_reverse
from members.models import Member, manages_content_of
from network.http import NetworkRequest

from . import services
from .forms import PostForm, RelatedLinkFormSet
from .models import Post, PostQuerySet, Tag

POSTS_PER_PAGE = 10
SIDEBAR_POSTS = 5


def _listing(
    request: NetworkRequest, template: str, posts: PostQuerySet, *, count_key: str, **context: Any
) -> HttpResponse:
    paginator = ListingPaginator(
        posts.for_listing(),
        POSTS_PER_PAGE,
        count_key=count_key,
        fetch=lambda ids: Post.objects.for_listing().filter(pk__in=ids).order_by(),
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(request, template, {"page": page, **context})


@cache_for_visitors
def home(request: NetworkRequest) -> HttpResponse:
    posts = Post.objects.published().for_listing()[:POSTS_PER_PAGE]
    return render(request, "blogs/home.html", {"posts": posts})


@cache_for_visitors
def post_list(request: NetworkRequest) -> HttpResponse:
    return _listing(request, "blogs/post_list.html", Post.objects.published(), count_key="all")


@cache_for_visitors
def tag_posts(request: NetworkRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    posts = Post.objects.published().filter(tags=tag)
    return _listing(request, "blogs/tag.html", posts, count_key=f"tag:{tag.pk}", tag=tag)


def _blog_of(request: NetworkRequest, handle: str) -> tuple[Member, PostQuerySet, str]:
    """The author, the posts of theirs the user may see, and a cache key for counting them."""
    author = get_object_or_404(Member, handle=handle, is_active=True)
    posts = Post.objects.visible_to(request.user).filter(author=author)
    # The author and administrators also see drafts, so their counts differ from others'.
    sees_drafts = manages_content_of(request.user, author.pk)
    return author, posts, f"blog:{author.pk}:{int(sees_drafts)}"


def _months(author: Member) -> list[Any]:
    """The months an author has published in, newest first, with how many."""

    def compute() -> list[Any]:
        rows = (
            Post.objects.published()
            .filter(author=author)
            .annotate(month=TruncMonth("published_at"))
            .values("month")
            .annotate(n=Count("id"))
            .order_by("-month")
        )
        return [
            {
                **row,
                "url": fast_reverse(
                    "blogs:member_archive", author.handle, row["month"].year, row["month"].month
                ),
            }
            for row in rows
        ]

    # Months are the network's months: its time zone is part of the key.
    return cached(f"months:{author.pk}:{timezone.get_current_timezone_name()}", compute)


@cache_for_visitors
def member_blog(request: NetworkRequest, handle: str) -> HttpResponse:
    author, posts, key = _blog_of(request, handle)
    return _listing(
        request,
        "blogs/member_blog.html",
        posts,
        count_key=key,
        author=author,
        months=_months(author),
    )


@cache_for_visitors
def member_archive(request: NetworkRequest, handle: str, year: int, month: int) -> HttpResponse:
    author, posts, key = _blog_of(request, handle)
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        raise Http404
    # Month boundaries are the network's, as the dates on the page are.
    tz = timezone.get_current_timezone()
    start = dt.datetime(year, month, 1, tzinfo=tz)
    end = start + dt.timedelta(days=calendar.monthrange(year, month)[1])
    posts = posts.published().filter(published_at__gte=start, published_at__lt=end)
    return _listing(
        request,
        "blogs/member_archive.html",
        posts,
        count_key=f"{key}:{year}-{month}:{tz}",
        author=author,
        month=start,
        months=_months(author),
    )


@cache_for_visitors
def post_detail(request: NetworkRequest, pk: int, slug: str = "") -> HttpResponse:
    post = get_object_or_404(Post.objects.visible_to(request.user).select_related("author"), pk=pk)
    if slug != post.slug:
        return redirect(post, permanent=True)
    return _render_post(request, post, comment_text="")


def _render_post(
    request: NetworkRequest, post: Post, *, comment_text: str, error: str = "", status: int = 200
) -> HttpResponse:
    comments_html = comment_list(request.user, post, post.author_id)
    latest_by_author = (
        Post.objects.published()
        .filter(author_id=post.author_id)
        .exclude(pk=post.pk)
        .order_by("-published_at", "-id")
        .only("id", "slug", "title")[:SIDEBAR_POSTS]
    )
    context = {
        "post": post,
        "tags": post.tags.all(),
        "related_links": post.related_links.all(),
        "comment_count": post.comment_count,
        "comments_html": comments_html,
        "comment_text": comment_text,
        "comment_error": error,
        "comment_max_chars": MAX_COMMENT_CHARS,
        "can_comment": comment_services.can_comment(request.user),
        "can_edit": manages_content_of(request.user, post.author_id),
        "latest_by_author": latest_by_author,
    }
    return render(request, "blogs/post_detail.html", context, status=status)


def _editable_post(request: NetworkRequest, pk: int) -> Post:
    post = get_object_or_404(Post.objects.visible_to(request.user), pk=pk)
    if not manages_content_of(request.user, post.author_id):
        raise PermissionDenied(_("Only the author or an administrator can change this post."))
    return post


@login_required
def post_create(request: NetworkRequest) -> HttpResponse:
    member = request.user
    assert isinstance(member, Member)
    if not member.can_contribute:
        messages.warning(request, _("Please confirm your email before you write a post."))
        return redirect("network:home")
    return _edit(request, Post(author=member))


@login_required
def post_edit(request: NetworkRequest, pk: int) -> HttpResponse:
    return _edit(request, _editable_post(request, pk))


def _edit(request: NetworkRequest, post: Post) -> HttpResponse:
    initial = {"tags_text": ", ".join(t.name for t in post.tags.all())} if post.pk else {}
    form = PostForm(request.POST or None, instance=post, initial=initial)
    links = RelatedLinkFormSet(request.POST or None, instance=post, prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
        member = request.user
        assert isinstance(member, Member)
        link_data = [
            services.LinkData(
                **{k: f.cleaned_data[k] for k in ("url", "title", "source", "excerpt")}
            )
            for f in links.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        publish = "publish" in request.POST
        saved = services.save_post(
            post,
            author=post.author if post.pk else member,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            tags=form.cleaned_data["tags_text"],
            links=link_data,
            publish=publish,
        )
        messages.success(
            request, _("Your post is published.") if publish else _("Your draft is saved.")
        )
        return redirect(saved)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "blogs/post_form.html", {"form": form, "links": links, "post": post}, status=status
    )


@login_required
def post_delete(request: NetworkRequest, pk: int) -> HttpResponse:
    post = _editable_post(request, pk)
    if request.method == "POST":
        author = post.author
        services.delete_post(post)
        messages.success(request, _("The post “%s” is deleted.") % post.title)
        return redirect("blogs:member_blog", handle=author.handle)
    return render(request, "blogs/post_confirm_delete.html", {"post": post})


@require_POST
def comment_create(request: NetworkRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.published().select_related("author"), pk=pk)
    text = request.POST.get("body", "")
    if not comment_services.can_comment(request.user):
        raise PermissionDenied(_("You need to be a confirmed member to comment."))
    member = request.user
    assert isinstance(member, Member)
    try:
        comment = comment_services.add_comment(post, member, text)
    except ValidationError as e:
        # Keep what they typed and say what is wrong.
        return _render_post(
            request, post, comment_text=text, error=" ".join(e.messages), status=400
        )
    return redirect(f"{post.get_absolute_url()}#comment-{comment.pk}")
