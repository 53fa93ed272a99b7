"""Request types for views, so no view needs `assert isinstance(request.user, Member)`; the
status of a page with a form."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
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


def form_status(form: forms.BaseForm) -> int:
    """The status a page with a form answers: 400 when the form was sent and is refused (every
    form of the site answers the same way; the page still shows the errors and what was typed),
    else 200."""
    return 400 if form.is_bound and form.errors else 200


def reads_no_session[V: Callable[..., Any]](view: V) -> V:
    """Marks a view that never reads the session or the member (a counting beacon):
    middleware that would look the member up for every request leaves it alone."""
    view.reads_no_session = True  # type: ignore[attr-defined]
    return view
