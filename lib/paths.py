"""Addresses no page can have: a NUL character in the path.

PostgreSQL refuses NUL in text, so a lookup of a slug or handle holding one would fail with a
database error (a 500) rather than find nothing; SQLite finds nothing. Every such address
answers 404 here, before any view looks anything up: one rule for every route, today's and
those apps add later (a `str` path argument takes any character but "/")."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse


class NoNulInPathMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path_info:
            raise Http404("No page has this address.")
        return self.get_response(request)
