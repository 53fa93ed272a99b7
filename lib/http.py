"""Request types for views, so no view needs `assert isinstance(request.user, Member)`."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:  # types only: lib sits below the apps (.importlinter)
    from django.contrib.auth.models import AnonymousUser

    from members.models import Member
    from network.models import Network


class NetworkRequest(HttpRequest):
    """A request after NetworkMiddleware and AuthenticationMiddleware."""

    network: "Network"
    user: "Member | AnonymousUser"


class MemberRequest(NetworkRequest):
    """A request from a signed-in, active member (members.decorators.member_required)."""

    user: "Member"
