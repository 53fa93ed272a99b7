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


@require_GET
def tag_page(request: NetworkRequest, key: str) -> HttpResponse:
    """Everything tagged `key` that the viewer may see, newest first. Never cached: what
    shows is the viewer's."""
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
    page = tagged_page(normal, request.user, off, request.GET.get("page"))
    return render(request, "tags/tag.html", {"name": name, "key": normal, "page": page})
