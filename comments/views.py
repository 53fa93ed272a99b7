from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from network.http import NetworkRequest

from . import services
from .models import Comment


@login_required
def delete(request: NetworkRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("author", "content_type"), pk=pk)
    target = comment.target
    if target is None:
        raise PermissionDenied
    if not services.can_delete_comment(request.user, comment.author_id, target.author_id):
        raise PermissionDenied(_("You cannot delete this comment."))
    if request.method == "POST":
        services.delete_comment(comment)
        messages.success(request, _("The comment is deleted."))
        return redirect(f"{target.get_absolute_url()}#comments")
    return render(request, "comments/confirm_delete.html", {"comment": comment, "target": target})
