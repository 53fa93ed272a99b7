from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase


class PrivateNetworkMiddleware:
    """A private network shows nothing but sign-in, joining and the password pages to
    anyone who is not a member. (Placeholder until access/ builds it.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)
