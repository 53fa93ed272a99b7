"""One endpoint for comments on every registered content type, one for replies, plus delete
and hide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.http import MemberRequest, NetworkRequest
from members.decorators import contributor_required, member_required, moderator_required
from members.permissions import is_member

from . import permissions, registry, services
from .fragments import (
    LAST,
    comment_page_url,
    page_of,
    render_reply_form,
    render_section,
)
from .models import Comment


def _target(request: NetworkRequest, kind: str, pk: int) -> models.Model:
    commentable = registry.for_kind(kind)
    target = commentable.get(pk)
    if target is None or not commentable.can_view(request.user, target):
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
        raise PermissionDenied(_("You cannot comment here."))
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
    # The page that holds it, counted (rendering that page only to learn its number cost the
    # comment a whole list's rendering: its author's view of the list changed with it).
    page = page_of(request.user, target, comment)
    return redirect(f"{comment_page_url(target, page)}#comment-{comment.pk}")


def _comment(request: NetworkRequest, pk: int) -> tuple[Comment, models.Model]:
    comment = get_object_or_404(Comment.objects.select_related("author", "content_type"), pk=pk)
    target = comment.target
    # A comment on what the viewer may not see (a post back in draft) does not exist for them.
    if target is None or not registry.for_target(target).can_view(request.user, target):
        raise Http404
    return comment, target


@contributor_required
def reply(request: MemberRequest, pk: int) -> HttpResponse:
    """GET: the reply form (alone for htmx, under the Reply link; else on a page of its own).
    POST: the reply, under the top-level comment `pk` is or answers; answered as
    comments:create answers, on the page of the list that holds that comment."""
    comment, target = _comment(request, pk)
    if not permissions.can_see_comment(request.user, comment, target):
        raise Http404
    parent = services.top_level(comment)
    if not permissions.can_reply(request.user, parent, target):
        raise PermissionDenied(_("You cannot reply to this comment."))
    if request.method != "POST":
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponse(render_reply_form(request, parent))
        return _reply_page(request, target, parent, text="", error="", status=200)
    text = request.POST.get("body", "")
    try:
        answer = services.add_comment(target, request.user, text, parent=parent)
    except ValidationError as e:
        error, status = " ".join(e.messages), 400
    except services.TooManyComments as e:
        error, status = str(e), 429
    else:
        page = page_of(request.user, target, parent)
        if request.htmx:  # type: ignore[attr-defined]
            target.refresh_from_db(fields=["comment_count"])  # the service just raised it
            return HttpResponse(render_section(request, target, page=str(page)))
        return redirect(f"{comment_page_url(target, page)}#comment-{answer.pk}")
    # Refused: keep what they typed and say what is wrong, with the form where it was.
    if request.htmx:  # type: ignore[attr-defined]
        page = page_of(request.user, target, parent)
        section = render_section(
            request, target, page=str(page), reply_to=parent, reply_text=text, reply_error=error
        )
        return HttpResponse(section, status=status)
    return _reply_page(request, target, parent, text=text, error=error, status=status)


def _reply_page(
    request: MemberRequest,
    target: models.Model,
    parent: Comment,
    *,
    text: str,
    error: str,
    status: int,
) -> HttpResponse:
    page = page_of(request.user, target, parent)
    cancel = f"{comment_page_url(target, page)}#comment-{parent.pk}"
    form = render_reply_form(
        request, parent, text=text, error=error, inline=False, cancel_url=cancel
    )
    context = {"target": target, "parent": parent, "form": form}
    return render(request, "comments/reply_page.html", context, status=status)


@member_required
def delete(request: MemberRequest, pk: int) -> HttpResponse:
    comment, target = _comment(request, pk)
    if not permissions.can_delete_comment(request.user, comment, target):
        raise PermissionDenied(_("You cannot delete this comment."))
    if request.method == "POST":
        services.delete_comment(comment, by=request.user)
        messages.success(request, _("The comment is deleted."))
        return redirect(f"{target.get_absolute_url()}#comments")  # type: ignore[attr-defined]
    context = {"comment": comment, "target": target, "replies": comment.replies.count()}
    return render(request, "comments/confirm_delete.html", context)


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
