"""Old Ning addresses answer with a permanent redirect to the page that shows the same thing
here (imports.oldaddresses). Anjuman's own routes always win: the old address is looked up
only when the answer was a 404 to a GET or HEAD, so Anjuman's /events/… stays Anjuman's, and an
unknown or hostile address gets the same 404 page as before."""

from collections.abc import Callable

from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers

from members.permissions import is_member

from .oldaddresses import new_address


class OldAddressMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        try:
            found = new_address(request)
        except (DatabaseError, SuspiciousOperation, UnicodeError, ValueError):
            # A lookup that cannot be made (a query string with too many fields…) finds
            # nothing: the 404 stands.
            return response
        if found is None:
            return response
        redirect = HttpResponsePermanentRedirect(found)
        # Where a member is sent may be a page a visitor is not (a private event): no shared
        # cache keeps a member's redirect for others.
        if is_member(getattr(request, "user", None)):
            patch_cache_control(redirect, private=True)
        patch_vary_headers(redirect, ("Cookie",))
        return redirect
