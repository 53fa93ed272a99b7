from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase


class FeaturesMiddleware:
    """A feature switched off answers 404 at its addresses. (Placeholder until features/
    builds it.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)
