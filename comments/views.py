"""One endpoint for comments on every registered content type, plus delete and hide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.http import MemberRequest, NetworkRequest
from members.decorators import member_required, moderator_required
from members.permissions import is_member

from . import permissions, registry, services
from .fragments import LAST, comment_list, comment_page_url, render_section
from .models import Comment


def _target(request: NetworkRequest, kind: str, pk: int) -> models.Model:
    commentable = registry.for_kind(kind)
    target = get_object_or_404(commentable.model._default_manager, pk=pk)
    if not commentable.can_view(request.user, target):
        raise Http404  # what they may not see does not exist for them
    return target


def _answer(
    request: NetworkRequest, target: models.Model, *, text: str, error: str, status: int
) -> HttpResponse:
    """The comment section again: alone for htmx, else on a page of its own."""
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse(render_section(request, target, text=text, error=error), status=status)
    context = {"target": target, "text": text, "error": error}
    return render(request, "comments/form_page.html", context, status=status)


@require_POST
def create(request: NetworkRequest, kind: str, pk: int) -> HttpResponse:
    target = _target(request, kind, pk)
    if not permissions.can_comment(request.user, target):
        raise PermissionDenied(_("You need to be a confirmed member to comment."))
    text = request.POST.get("body", "")
    member = request.user
    assert is_member(member)  # can_comment said so; for the type checker
    try:
        comment = services.add_comment(target, member, text)
    except ValidationError as e:
        # Keep what they typed and say what is wrong.
        return _answer(request, target, text=text, error=" ".join(e.messages), status=400)
    except services.TooManyComments as e:
        return _answer(request, target, text=text, error=str(e), status=429)
    if request.htmx:  # type: ignore[attr-defined]
        target.refresh_from_db(fields=["comment_count"])  # the service just raised it
        # The page of comments that has the new one: the last.
        return HttpResponse(render_section(request, target, page=LAST))
    _html, last, _pages = comment_list(request.user, target, LAST)
    return redirect(f"{comment_page_url(target, last)}#comment-{comment.pk}")


def _comment(request: NetworkRequest, pk: int) -> tuple[Comment, models.Model]:
    comment = get_object_or_404(Comment.objects.select_related("author", "content_type"), pk=pk)
    target = comment.target
    # A comment on what the viewer may not see (a post back in draft) does not exist for them.
    if target is None or not registry.for_target(target).can_view(request.user, target):
        raise Http404
    return comment, target


@member_required
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    comment, target = _comment(request, pk)
    if not permissions.can_delete_comment(request.user, comment, target):
        raise PermissionDenied(_("You cannot delete this comment."))
    if request.method == "POST":
        services.delete_comment(comment, by=request.user)
        messages.success(request, _("The comment is deleted."))
        return redirect(f"{target.get_absolute_url()}#comments")  # type: ignore[attr-defined]
    return render(request, "comments/confirm_delete.html", {"comment": comment, "target": target})


def _set_hidden(request: MemberRequest, pk: int, hidden: bool) -> HttpResponse:
    comment, target = _comment(request, pk)
    if request.method == "POST":
        services.set_hidden(comment, hidden, by=request.user)
        messages.success(
            request, _("The comment is hidden.") if hidden else _("The comment is shown again.")
        )
        return redirect(f"{target.get_absolute_url()}#comment-{comment.pk}")  # type: ignore[attr-defined]
    context = {"comment": comment, "target": target, "hide": hidden}
    return render(request, "comments/confirm_hide.html", context)


@moderator_required
def hide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, True)


@moderator_required
def unhide(request: MemberRequest, pk: int) -> HttpResponse:
    return _set_hidden(request, pk, False)
