"""/tags/ (the tag cloud) and /tags/<key>/ (everything tagged so, of every kind)."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from features.services import off_kinds
from lib.cachetags import cached_fragment, depends_on
from lib.http import NetworkRequest
from lib.text import normalized_name

from .models import TAGS_TAG
from .queries import cloud, tag_name, tagged_page
from .registry import list_tags


@require_GET
def cloud_page(request: NetworkRequest) -> HttpResponse:
    """Visitors share one cached cloud (until a tag changes); a member's counts what they
    may see (their private groups' discussions, their invitations)."""
    off = off_kinds(request.network)
    html: str
    if request.user.is_authenticated:
        html = render_to_string(
            "tags/_cloud.html", {"tags": cloud(request.user, off)}, request=request
        )
    else:
        name = f"tags:cloud:visitor:{get_language()}:{','.join(sorted(off))}"
        html = cached_fragment(
            name,
            lambda: render_to_string(
                "tags/_cloud.html", {"tags": cloud(request.user, off)}, request=request
            ),
            # Hiding, approving or deleting an item changes its app's lists as well as the
            # cloud's counts.
            [TAGS_TAG, *list_tags()],
        )
    # Our own template's output (escaped there), kept as text in the cache.
    return render(request, "tags/cloud.html", {"cloud": mark_safe(html)})  # noqa: S308


def _listing_html(request: NetworkRequest, key: str, name: str, off: set[str]) -> str:
    page = tagged_page(key, request.user, off, request.GET.get("page"))
    return render_to_string(
        "tags/_listing.html", {"name": name, "key": key, "page": page}, request=request
    )


@require_GET
def tag_page(request: NetworkRequest, key: str) -> HttpResponse:
    """Everything tagged `key` that the viewer may see, newest first. Visitors share one
    cached listing per page (until a tag changes, or an item of any kind is published, edited,
    hidden, shown or deleted: its app's list tag); a member's is their own."""
    normal = normalized_name(key)
    # No tag is longer, and none holds a NUL (PostgreSQL refuses it in a query).
    if not normal or len(normal) > 100 or "\x00" in normal:
        raise Http404
    if normal != key:
        return redirect("tags:tag", normal, permanent=True)
    off = off_kinds(request.network)
    depends_on(TAGS_TAG)
    name = tag_name(normal, off)
    if name is None:
        raise Http404
    html: str
    if request.user.is_authenticated:
        html = _listing_html(request, normal, name, off)
    else:
        # The page asked as written: Paginator.get_page reads a bad number as the first or
        # the last page, each then cached under what was asked.
        cache_name = "\x00".join(
            [
                "tags:page:visitor",
                get_language() or "",
                ",".join(sorted(off)),
                normal,
                request.GET.get("page") or "",
            ]
        )
        html = cached_fragment(
            cache_name,
            lambda: _listing_html(request, normal, name, off),
            [TAGS_TAG, *list_tags()],
        )
    # Our own template's output (escaped there), kept as text in the cache.
    listing = mark_safe(html)  # noqa: S308
    return render(request, "tags/tag.html", {"name": name, "key": normal, "listing": listing})
