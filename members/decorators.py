"""View decorators that let in only who may use the view, and hand it a typed request."""

from collections.abc import Callable
from functools import update_wrapper
from typing import Concatenate, cast

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from lib.http import MemberRequest

from . import permissions

type MemberView[**P] = Callable[Concatenate[MemberRequest, P], HttpResponse]
type View[**P] = Callable[Concatenate[HttpRequest, P], HttpResponse]


def member_required[**P](view: MemberView[P]) -> View[P]:
    """Signed-in members; visitors are sent to sign in and brought back."""

    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.is_member(request.user):
            raise PermissionDenied
        return view(cast(MemberRequest, request), *args, **kwargs)

    update_wrapper(wrapper, view)
    return wrapper


def contributor_required[**P](view: MemberView[P]) -> View[P]:
    """Members who confirmed their email. Others are told why, on the home page."""

    def wrapper(request: MemberRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not permissions.can_contribute(request.user):
            messages.warning(request, _("Please confirm your email before you write."))
            return redirect("network:home")
        return view(request, *args, **kwargs)

    update_wrapper(wrapper, view)
    return member_required(wrapper)


def role_required[**P](
    allowed: Callable[[object], bool], refusal: "StrOrPromise"
) -> Callable[[MemberView[P]], View[P]]:
    """Members for whom `allowed(member)` holds; others get 403 with `refusal`."""

    def decorator(view: MemberView[P]) -> View[P]:
        def wrapper(request: MemberRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if not allowed(request.user):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        update_wrapper(wrapper, view)
        return member_required(wrapper)

    return decorator


def moderator_required[**P](view: MemberView[P]) -> View[P]:
    """Moderators, administrators and the creator."""
    return role_required(
        permissions.is_moderator, gettext_lazy("Only the network's moderators can do this.")
    )(view)
