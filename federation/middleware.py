"""Content negotiation: a member's page, the network blog's page and a post's page are also
the ids of their ActivityPub documents.

A GET asking for `application/activity+json` or `application/ld+json; profile=…` (before any
HTML it also accepts: lib.pagecache.document_kind's rule) gets the JSON, before any view or the
page cache runs; everyone else gets the page. Both answers carry `Vary: Accept`, so no cache
between us and the client hands one to the other. Place it after access's and features'
middleware (a private network's door and a switched-off feature's 404 come first)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers

from . import views

AP_TYPES = ("application/activity+json", "application/ld+json")
# Only these routes have a JSON twin; every other path costs one prefix test.
PREFIXES = ("/members/", "/blog/")


def wants_activity_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "").lower()
    at = min((accept.find(t) for t in AP_TYPES if t in accept), default=-1)
    if at < 0:
        return False
    if "application/activity+json" not in accept and "activitystreams" not in accept:
        return False  # plain JSON-LD, not ActivityStreams
    html_at = accept.find("text/html")
    return html_at < 0 or at < html_at


class ActivityPubMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        if not path.startswith(PREFIXES):
            return self.get_response(request)
        # Only a request asking for JSON costs a second resolve(): a browser's goes on as is.
        if request.method in ("GET", "HEAD") and wants_activity_json(request):
            try:
                match = resolve(path)
            except Resolver404:
                match = None
            view = views.negotiated(match.view_name, match.kwargs) if match else None
            if view is not None:
                response = view(request)
                patch_vary_headers(response, ["Accept"])
                return response
        response = self.get_response(request)
        # Every page under these prefixes says it varies on Accept (the page cache keys it).
        patch_vary_headers(response, ["Accept"])
        return response
