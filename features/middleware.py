from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponseBase

from .services import off_kinds, off_namespaces

# Plug-ins whose addresses name the kind of thing they act on (/comments/discussion/7/).
_PLUGINS = frozenset({"comments", "likes"})


class FeaturesMiddleware:
    """A feature switched off answers 404 at its addresses (features/registry.py names each
    feature's URL namespaces), and so do comments and likes on its things. It acts once the
    address is resolved, before the view and so before the view's page cache
    (lib/pagecache.py): no stored page of a feature that is off is served. Page files for
    nginx go when the switch invalidates "network" (lib/pagefiles.py removes every file when a
    site-wide tag changes)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        network = getattr(request, "network", None)
        if network is None or not network.features_off:
            return
        match = request.resolver_match
        if match is None:
            return
        namespaces = set(match.namespaces)
        if namespaces & off_namespaces(network) or (
            namespaces & _PLUGINS and view_kwargs.get("kind") in off_kinds(network)
        ):
            raise Http404("This feature is switched off.")
