"""robots.txt, the sitemap (an index and its sections) and oEmbed for blog posts.

All three answer as for a visitor, whoever asks: they are read by other sites' crawlers and
servers, never by a signed-in browser of this one.
"""

import math
from typing import Any
from urllib.parse import urlsplit

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

import features
from blogs.models import Post
from lib.cachetags import cached
from lib.http import NetworkRequest

from .cards import excerpt
from .sitemaps import sections

# Never worth a crawler's visit on a public network: members' own pages, forms, and actions
# (RFC 9309 `*` matches any characters; `/*/edit/` is every edit form).
DISALLOWED = (
    "/manage/",
    "/django-admin/",
    "/messages/",
    "/notifications/",
    "/settings/",
    "/friends/",
    "/activity/friends/",
    "/invite/",
    "/report/",
    "/signin/",
    "/signout/",
    "/join/",
    "/confirm/",
    "/password/",
    "/language/",
    "/setup/",
    "/comments/",
    "/likes/",
    "/search/",
    "/blog/new/",
    "/forum/new/",
    "/forum/mine/",
    "/events/new/",
    "/events/mine/",
    "/groups/new/",
    "/groups/mine/",
    "/groups/invitations/",
    "/photos/add/",
    "/videos/add/",
    "/*/edit/",
    "/*/delete/",
    "/*/hide/",
    "/*/unhide/",
)

# What oEmbed consumers may keep an answer for (seconds).
OEMBED_CACHE_AGE = 3600


def _is_private(request: NetworkRequest) -> bool:
    network = getattr(request, "network", None)
    return network is not None and network.visibility == network.Visibility.PRIVATE


@require_safe
def robots(request: NetworkRequest) -> HttpResponse:
    """A public network: everything but DISALLOWED, and where the sitemap is. A private one:
    nothing (its pages are members' only; a crawler would only ever reach the sign-in page)."""
    if _is_private(request):
        lines = ["User-agent: *", "Disallow: /"]
    else:
        lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "Allow: /"]
        lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sharing:sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _site_sections(request: NetworkRequest) -> dict[str, Any]:
    if _is_private(request):
        raise Http404
    return sections(request.network)


def _origin(request: NetworkRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _xml(content: str, last_modified: float | None) -> HttpResponse:
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    # Sitemaps are for crawlers to read, not to show in results.
    response["X-Robots-Tag"] = "noindex, noarchive"
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return response


@require_safe
def sitemap_index(request: NetworkRequest) -> HttpResponse:
    """The sitemap index: each section's file, and its further pages when it is larger than
    one file holds; one query per section (its count and latest change)."""
    found = _site_sections(request)
    origin = _origin(request)
    tags = sorted({tag for section in found.values() for tag in section.tags})

    def make() -> tuple[str, float | None]:
        entries = []
        latest_of_all = None
        for name, section in found.items():
            count, latest = section.summary()
            if not count:
                continue  # an empty section's file still answers, with no entry
            address = origin + reverse("sharing:sitemap_section", args=[name])
            pages = max(1, math.ceil(count / section.limit))
            for page in range(1, pages + 1):
                entries.append(
                    {"location": address if page == 1 else f"{address}?p={page}", "lastmod": latest}
                )
            if latest is not None and (latest_of_all is None or latest > latest_of_all):
                latest_of_all = latest
        content = render_to_string("sharing/sitemap_index.xml", {"sitemaps": entries})
        return content, latest_of_all.timestamp() if latest_of_all else None

    content, last_modified = cached(f"sharing:sitemap-index:{origin}", make, tags)
    return _xml(content, last_modified)


@require_safe
def sitemap_section(request: NetworkRequest, section: str) -> HttpResponse:
    """One page (`?p=N`) of one section: two queries (its count, its rows)."""
    found = _site_sections(request)
    if section not in found:
        raise Http404
    page = request.GET.get("p", "1")
    if not page.isdigit():  # the sitemap view's own 404, before anything is cached under it
        raise Http404
    origin = _origin(request)

    def make() -> tuple[str, float | None]:
        response = django_sitemap(
            request,
            {section: found[section]},
            section=section,
            template_name="sharing/sitemap.xml",
        )
        assert isinstance(response, TemplateResponse)
        response.render()
        modified = response.get("Last-Modified")
        stamp = parse_http_date_safe(modified) if modified else None
        return response.content.decode(), float(stamp) if stamp is not None else None

    content, last_modified = cached(
        f"sharing:sitemap:{section}:{int(page)}:{origin}", make, list(found[section].tags)
    )
    return _xml(content, last_modified)


def _post_of(request: NetworkRequest, url: str) -> Post:
    """The published post `url` (an address of this site) is the page of, else 404."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.get_host().lower():
        raise Http404
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise Http404 from None
    if match.view_name not in ("blogs:post", "blogs:post_short"):
        raise Http404
    pk = match.kwargs["pk"]
    # What a visitor sees: published, not hidden (no draft, no post awaiting approval).
    post = (
        Post.objects.published()
        .select_related("author")
        .only(
            "id",
            "slug",
            "title",
            "body_html",
            "author__id",
            "author__display_name",
            "author__handle",
            "author__left_at",
        )
        .filter(pk=pk)
        .first()
    )
    if post is None:
        raise Http404
    return post


@require_safe
def oembed(request: NetworkRequest) -> HttpResponse:
    """oEmbed (https://oembed.com) for blog posts: `?url=<a post's address>&format=json`.

    Type "link": the consumer shows a card of the title, author and network — no HTML of ours
    runs on its page ("rich" would need an embeddable page, which this site's
    frame-ancestors 'none' forbids on purpose, or HTML the consumer would have to trust). 404
    for anything a visitor may not see; 501 for any format but JSON."""
    fmt = request.GET.get("format", "json")
    if fmt != "json":
        return HttpResponse(
            _("Only format=json is offered.") + "\n",
            status=501,
            content_type="text/plain; charset=utf-8",
        )
    if _is_private(request) or not features.is_on(request.network, "blogs"):
        raise Http404
    post = _post_of(request, request.GET.get("url", ""))
    network = request.network
    answer: dict[str, Any] = {
        "version": "1.0",
        "type": "link",
        "title": post.title,
        "provider_name": network.name,
        "provider_url": request.build_absolute_uri(reverse("network:home")),
        "cache_age": OEMBED_CACHE_AGE,
        # Not in the specification's list, read by many consumers for the card's text.
        "description": excerpt(post.body_html),
    }
    if not post.author.is_former:
        answer["author_name"] = post.author.display_name
        answer["author_url"] = request.build_absolute_uri(post.author.get_absolute_url())
    response = JsonResponse(answer, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # what a visitor sees anyway
    return response
