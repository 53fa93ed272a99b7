from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

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
