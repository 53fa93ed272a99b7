import calendar
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse, HttpResponseNotFound
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lib import viewcounts
from lib.cachetags import cached, cached_fragment, collecting, depends_on
from lib.http import MemberRequest, NetworkRequest, reads_no_session
from lib.pagecache import cache_for_visitors
from lib.pagination import ListingPaginator, page_ids
from lib.replica import writes_no_rows
from lib.urls import fast_reverse
from likes import buttons as like_buttons
from members.decorators import (
    contributor_required,
    member_required,
    moderator_required,
    role_required,
)
from members.models import Member
from members.permissions import is_admin, is_moderator, manages_content_of

from . import permissions, services
from .forms import PostForm, RelatedLinkFormSet
from .models import Post, PostQuerySet, Tag, comments_tag, views_tag

admin_required = role_required(
    is_admin, gettext_lazy("Only the network's administrators can do this.")
)

POSTS_PER_PAGE = 10
SIDEBAR_POSTS = 5

# The post page's beacon carries its post's id signed: the endpoint knows the post was there to
# be viewed without reading the database.
_VIEW_SIGNER = signing.Signer(salt="blogs.post-view")


@functools.cache
def _views_script() -> str:
    return static("blogs/views.js")


@functools.lru_cache(maxsize=4096)
def view_token(pk: int) -> str:
    # The same for every render of the post's page: signed once per process and post.
    return _VIEW_SIGNER.sign(str(pk))


def _listing(
    request: NetworkRequest,
    template: str,
    posts: PostQuerySet,
    *,
    count_key: str,
    count_tags: list[str],
    show_views: bool = False,
    **context: Any,
) -> HttpResponse:
    depends_on("post-lists")
    paginator = ListingPaginator(
        posts.for_listing(),
        POSTS_PER_PAGE,
        count_key=count_key,
        count_tags=count_tags,
        fetch=lambda ids: Post.objects.for_listing().filter(pk__in=ids).order_by(),
    )
    page = paginator.get_page(request.GET.get("page"))
    # The entries are the same for everyone who sees this listing alike (count_key says who
    # does): rendered once for these posts until one of them or its like count changes.
    ids = ",".join(map(str, page_ids(page)))
    name = f"entries:{count_key}:{ids}:{get_language()}:{timezone.get_current_timezone_name()}"
    if show_views:
        name += ":views"

    def render_entries() -> str:
        if show_views:
            depends_on(*(views_tag(pk) for pk in page_ids(page)))
        return render_to_string(
            "blogs/_entries.html", {"posts": page.object_list, "show_views": show_views}
        )

    entries = cached_fragment(name, render_entries, ["post-lists", *count_tags])
    return render(request, template, {"page": page, "entries": entries, **context})


@cache_for_visitors
def post_list(request: NetworkRequest) -> HttpResponse:
    posts = Post.objects.published()
    return _listing(request, "blogs/post_list.html", posts, count_key="all", count_tags=["posts"])


@cache_for_visitors
def tag_posts(request: NetworkRequest, slug: str) -> HttpResponse:
    depends_on("posts")  # the tag itself (name, existence) changes with posts
    tag = get_object_or_404(Tag, slug=slug)
    posts = Post.objects.published().filter(tags=tag)
    return _listing(
        request, "blogs/tag.html", posts, count_key=f"tag:{tag.pk}", count_tags=["posts"], tag=tag
    )


def _blog_of(request: NetworkRequest, handle: str) -> tuple[Member, PostQuerySet, str]:
    """The author, the posts of theirs the user may see, and a cache key for counting them."""
    author = get_object_or_404(Member.objects.listed(), handle=handle)
    depends_on(f"blog:{author.pk}")
    posts = Post.objects.visible_to(request.user).filter(author=author)
    # The author and administrators also see drafts, moderators hidden posts: their counts
    # differ from others'.
    if manages_content_of(request.user, author.pk):
        sees = "all"
    elif is_moderator(request.user):
        sees = "hidden"
    else:
        sees = "published"
    return author, posts, f"blog:{author.pk}:{sees}"


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
    key = f"months:{author.pk}:{timezone.get_current_timezone_name()}"
    return cached(key, compute, [f"blog:{author.pk}"])


@cache_for_visitors
def member_blog(request: NetworkRequest, handle: str) -> HttpResponse:
    author, posts, key = _blog_of(request, handle)
    return _listing(
        request,
        "blogs/member_blog.html",
        posts,
        count_key=key,
        count_tags=[f"blog:{author.pk}"],
        # The author's own list (and administrators', who see the same) shows each post's
        # views: read with the posts, no query more.
        show_views=manages_content_of(request.user, author.pk),
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
        count_tags=[f"blog:{author.pk}"],
        author=author,
        month=start,
        months=_months(author),
    )


@cache_for_visitors(query=("comments",))
def post_detail(request: NetworkRequest, pk: int, slug: str = "") -> HttpResponse:
    # Whatever the page names is collected, also when it is not page-cached: the like buttons'
    # block fills the slots of the post's fragment with the tags it named (likes.templatetags).
    with collecting():
        return _post_detail(request, pk, slug)


def _post_detail(request: NetworkRequest, pk: int, slug: str) -> HttpResponse:
    depends_on(f"post:{pk}", comments_tag(pk))
    post = get_object_or_404(Post.objects.visible_to(request.user).select_related("author"), pk=pk)
    if slug != post.slug:
        return redirect(post, permanent=True)
    # "More from" the author: titles of their other posts.
    depends_on(f"blog:{post.author_id}")
    latest_by_author = (
        Post.objects.published()
        .filter(author_id=post.author_id)
        .exclude(pk=post.pk)
        .order_by("-published_at", "-id")
        .only("id", "slug", "title")[:SIDEBAR_POSTS]
    )
    user = request.user
    # Views count through a beacon from the page (blogs/static/blogs/views.js → post_view), so
    # that pages served from the page cache or by nginx count too; the author's own views do
    # not count: their page has no beacon. Visitors' pages show the count as of their render,
    # refreshed when the views are written (post-views:N, every VIEWS_FLUSH_EVERY at most).
    depends_on(views_tag(post.pk))
    counts_views = post.is_published and not post.is_hidden and user.pk != post.author_id
    context = {
        "post": post,
        "view_token": view_token(post.pk) if counts_views else "",
        "view_url": fast_reverse("blogs:view", post.pk),
        "view_script": _views_script(),
        # No name, no links to their blog or feeds: the author left (members.services.leave).
        "former_author": post.author.is_former,
        "tags": post.tags.all(),
        "related_links": post.related_links.all(),
        "can_edit": permissions.can_edit_post(user, post),
        "can_delete": permissions.can_delete_post(user, post),
        "can_hide": permissions.can_hide_post(user, post),
        "can_feature": permissions.can_feature_post(user, post),
        "can_approve": permissions.can_approve_post(user, post),
        "latest_by_author": latest_by_author,
    }
    acts = ("can_edit", "can_delete", "can_hide", "can_feature")
    if not post.is_hidden and not any(context[name] for name in acts):
        # The post itself is the same for everyone who may not act on it: rendered once per
        # language, time zone and host (its share links are absolute) until it changes. Its
        # like button is a slot in it, filled per viewer (likes.buttons).
        name = (
            f"post-article:{post.pk}:{get_language()}:"
            f"{timezone.get_current_timezone_name()}:{request.get_host()}"
        )

        def render_article() -> str:
            # Its like button stays a slot (filled per viewer by the page's like_buttons
            # block): the fragment is shared, the button is not.
            with like_buttons.collecting():
                return render_to_string("blogs/_post_article.html", context, request=request)

        context["article"] = cached_fragment(
            name, render_article, [f"post:{post.pk}", views_tag(post.pk)]
        )
    return render(request, "blogs/post_detail.html", context)


@csrf_exempt  # beacons come from cached pages, which hold no CSRF token; this one is signed
@reads_no_session
@never_cache
@require_POST
@writes_no_rows  # counted in the cache: its readers stay on the replica
def post_view(request: NetworkRequest, pk: int) -> HttpResponse:
    """Counts a view of post `pk` (lib/viewcounts.py): 204, or a bare 404 for a token that is
    not the post's own or a post no longer published. No database query: the token says the
    post was published when its page was rendered, the view counter that it has not gone
    since."""
    # Who views is a hash of the session cookie or of the address and browser: the session
    # and the member are never loaded (the middleware that marks members' answers private
    # would otherwise read both).
    request.user = AnonymousUser()
    try:
        signed = _VIEW_SIGNER.unsign(request.POST.get("token", ""))
    except signing.BadSignature:
        return HttpResponseNotFound()
    if signed != str(pk) or viewcounts.is_closed("post", pk):
        return HttpResponseNotFound()
    viewcounts.count("post", pk, viewcounts.visitor(request))
    return HttpResponse(status=204)


def _post_for(
    request: MemberRequest, pk: int, allowed: Callable[[object, Post], bool], refusal: str
) -> Post:
    post = get_object_or_404(Post.objects.visible_to(request.user), pk=pk)
    if not allowed(request.user, post):
        raise PermissionDenied(refusal)
    return post


@contributor_required
def post_create(request: MemberRequest) -> HttpResponse:
    return _edit(request, Post(author=request.user))


@member_required
def post_edit(request: MemberRequest, pk: int) -> HttpResponse:
    return _edit(
        request,
        _post_for(
            request,
            pk,
            permissions.can_edit_post,
            _("Only the author or an administrator can change this post."),
        ),
    )


def _edit(request: MemberRequest, post: Post) -> HttpResponse:
    initial = {"tags_text": ", ".join(t.name for t in post.tags.all())} if post.pk else {}
    form = PostForm(request.POST or None, instance=post, initial=initial)
    links = RelatedLinkFormSet(request.POST or None, instance=post, prefix="links")
    if request.method == "POST" and form.is_valid() and links.is_valid():
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
            by=request.user,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            tags=form.cleaned_data["tags_text"],
            links=link_data,
            publish=publish,
            publish_at=form.cleaned_data.get("publish_at"),
        )
        if saved.is_pending:
            messages.success(request, _("Your post waits for a moderator's approval."))
        else:
            messages.success(
                request, _("Your post is published.") if publish else _("Your draft is saved.")
            )
        return redirect(saved)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "blogs/post_form.html", {"form": form, "links": links, "post": post}, status=status
    )


@member_required
def post_delete(request: MemberRequest, pk: int) -> HttpResponse:
    post = _post_for(request, pk, permissions.can_delete_post, _("You cannot delete this post."))
    if request.method == "POST":
        author = post.author
        services.delete_post(post, by=request.user)
        messages.success(request, _("The post “%s” is deleted.") % post.title)
        if author.pk != request.user.pk:
            return redirect("blogs:list")
        return redirect("blogs:member_blog", handle=author.handle)
    return render(request, "blogs/post_confirm_delete.html", {"post": post})


def _set_hidden(request: MemberRequest, pk: int, hidden: bool) -> HttpResponse:
    post = _post_for(
        request, pk, permissions.can_hide_post, _("Only the network's moderators can do this.")
    )
    if request.method == "POST":
        services.set_hidden(post, hidden, by=request.user)
        messages.success(
            request,
            _("The post is hidden.") if hidden else _("The post is shown again."),
        )
        return redirect(post)
    return render(request, "blogs/post_confirm_hide.html", {"post": post, "hide": hidden})


@require_POST
@admin_required
def post_feature(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_featured(request, pk, True)


@require_POST
@admin_required
def post_unfeature(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_featured(request, pk, False)


def _set_featured(request: MemberRequest, pk: int, featured: bool) -> HttpResponse:
    post = _post_for(
        request,
        pk,
        permissions.can_feature_post,
        _("Only the network's administrators can feature published posts."),
    )
    services.set_featured(post, featured, by=request.user)
    messages.success(
        request,
        _("The post is featured on the home page.")
        if featured
        else _("The post is no longer featured."),
    )
    return redirect(post)


@moderator_required
def post_hide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, True)


@moderator_required
def post_unhide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, False)
