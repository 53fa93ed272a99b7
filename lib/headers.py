"""Response headers every page gets: private caching where a page is someone's own."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control


class PrivatePagesMiddleware:
    """`Cache-Control: private` on every answer to a signed-in member and on every answer that
    sets a cookie (a sign-in form's CSRF cookie, a session): no shared cache (a proxy, a CDN)
    may keep one person's page and give it to another. Pages for visitors stay cacheable
    (lib/pagecache.py says how long). First in MIDDLEWARE, so it sees the cookies every other
    middleware sets."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or response.cookies:
            patch_cache_control(response, private=True)
        return response
