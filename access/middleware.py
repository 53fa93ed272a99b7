"""Who gets past the door: a private network's visitors, and members waiting for approval.

PrivateNetworkMiddleware runs after NetworkMiddleware and before any view (so before
`cache_for_visitors`: a page cached while the network was public is never served once it is
private — and the switch changes the "network" tag every cached page depends on anyway).

- A private network answers a visitor (anyone for whom `is_member` is false: signed out,
  suspended, waiting for approval) only the pages of OPEN_ROUTES and OPEN_PREFIXES. Any other
  page a browser asks for sends them to sign in (302, then back); anything else — feeds,
  calendars, media files, JSON, htmx, forms sent — is refused with 403 and a few words of plain
  text, which no feed reader mistakes for content.
- A signed-in member waiting for an administrator's approval sees, on every page, a page that
  says so (public network or private), except WAITING_ROUTES (sign out, confirm the email,
  passwords, language).
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from lib.pagecache import document_kind
from members.models import Member
from members.permissions import is_member

# Route names open to everyone on a private network.
OPEN_ROUTES = frozenset(
    {
        "members:signin",
        "members:join",
        "members:join_sent",
        "members:confirm",
        "members:password_reset",
        "members:password_reset_done",
        "members:password_reset_confirm",
        "members:password_reset_complete",
        "network:language",
        "network:setup",
        "access:accept",
        "admin_signin",
        # The network's look (appearance/): the doors above are drawn with it.
        "appearance:theme_css",
        "appearance:custom_css",
        # What crawlers may read (sharing/): on a private network "Disallow: /" — a refused
        # robots.txt reads to crawlers as "no rules".
        "sharing:robots",
        # /favicon.ico: the doors' pages show it too (the file is under /media/network/).
        "network:favicon",
    }
)
# Static files, the health check, and the network's logo (shown on the doors' pages too).
OPEN_PREFIXES = ("/static/", "/health/", "/media/network/")
# What a member waiting for approval may still use.
WAITING_ROUTES = frozenset(
    {
        "members:signout",
        "members:confirm",
        "members:password_reset",
        "members:password_reset_done",
        "members:password_reset_confirm",
        "members:password_reset_complete",
        "network:language",
    }
)
# Routes that are not pages for a browser, whatever the client asks for.
_NOT_PAGES = ("feed", "ics", "sitemap", "api", "json", "manifest")


def route_name(request: HttpRequest) -> str | None:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return match.view_name if match.url_name else None


def _view(request: HttpRequest) -> object:
    try:
        return resolve(request.path_info).func
    except Resolver404:
        return None


def _is_page_request(request: HttpRequest, name: str | None) -> bool:
    """A browser asking for a page: sent to sign in. Anything else is refused with 403."""
    if request.method not in ("GET", "HEAD") or request.headers.get("HX-Request"):
        return False
    if request.path.startswith("/media/") or document_kind(request) == "json":
        return False
    last = request.path.rstrip("/").rsplit("/", 1)[-1]
    if "." in last:  # feed.xml, upcoming.ics, sitemap.xml, photo.jpg
        return False
    return not (name and any(word in name.rsplit(":", 1)[-1] for word in _NOT_PAGES))


def refused(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        _("This network is private: sign in to see it.") + "\n",
        status=403,
        content_type="text/plain; charset=utf-8",
    )
    response["Cache-Control"] = "private, no-store"
    return response


class PrivateNetworkMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        network = getattr(request, "network", None)
        if network is None or request.path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        private = network.visibility == network.Visibility.PRIVATE
        if not private and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # The common case costs nothing: a public network's visitor without a session
            # (often served from the page cache) is not looked at further.
            return self.get_response(request)
        if not private and getattr(_view(request), "reads_no_session", False):
            return self.get_response(request)  # a beacon: never loads the member
        user = request.user
        if isinstance(user, Member) and user.is_active and user.awaiting_approval:
            name = route_name(request)
            if name in WAITING_ROUTES:
                return self.get_response(request)
            if not _is_page_request(request, name):
                return refused(request)
            response = render(request, "access/waiting.html", {"member": user})
            response["Cache-Control"] = "private, no-store"
            return response
        if not private or is_member(user):
            return self.get_response(request)
        name = route_name(request)
        if name in OPEN_ROUTES:
            return self.get_response(request)
        if _is_page_request(request, name):
            response = redirect_to_login(request.get_full_path())
            response["Cache-Control"] = "private, no-store"
            return response
        return refused(request)
