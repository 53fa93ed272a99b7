from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from members.models import Member

    from .models import Network


class NetworkRequest(HttpRequest):
    """A request after NetworkMiddleware and AuthenticationMiddleware: for type checking."""

    network: "Network"
    user: "Member | AnonymousUser"
