from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone, translation

from .services import current_network

# Paths that work before a network exists.
_SETUP_PATHS = ("/setup/", "/static/", "/media/", "/django-admin/")


class NetworkMiddleware:
    """Puts the network on the request and shows times in its time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        network = current_network()
        request.network = network  # type: ignore[attr-defined]
        if network is None:
            if not request.path.startswith(_SETUP_PATHS):
                return redirect("network:setup")
            return self.get_response(request)
        timezone.activate(network.time_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class LanguageMiddleware:
    """The interface's language where someone chose one. LocaleMiddleware (earlier) has taken
    the footer link's cookie, else the browser's language, else LANGUAGE_CODE; this puts a
    signed-in member's own choice before all of them and the network's language before the
    browser's. After the network and authentication middlewares; decided once the view is
    known, so a view that reads no session (the view beacon) loads no member."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        if getattr(view, "reads_no_session", False):
            return
        code = chosen_language(request)
        if code and code != translation.get_language():
            translation.activate(code)
            request.LANGUAGE_CODE = code


def chosen_language(request: HttpRequest) -> str:
    """A member's or the network's language for this request, "" to keep LocaleMiddleware's."""
    known = dict(settings.LANGUAGES)
    # Only a request with a session can be a member's: a visitor's reads no session (the page
    # cache, the view beacon: lib.http.reads_no_session).
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        language = getattr(request.user, "language", "")
        if request.user.is_authenticated and language in known:
            return str(language)
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in known:
        return ""
    network = getattr(request, "network", None)
    if network is not None and network.language in known:
        return str(network.language)
    return ""
