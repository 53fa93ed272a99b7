"""/manage/imports/: the members an import brought who have not been invited to choose a
password yet, and the button that sends the next batch of invitations (imports.invitations)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lib.http import MemberRequest
from lib.urls import fast_reverse
from members import actionlog
from members.decorators import role_required

from . import invitations
from .models import OldAddress, PasswordInvitation
from .permissions import can_manage_imports

PER_PAGE = 50

manager_required = role_required(
    can_manage_imports, gettext_lazy("Only the network's administrators can do this.")
)


def _progress() -> dict[str, int]:
    invited = PasswordInvitation.objects.count()
    waiting = invitations.waiting().count()
    return {
        "invited": invited,
        "waiting": waiting,
        "total": invited + waiting,
        "batch": min(invitations.BATCH, waiting),
    }


@manager_required
def manage(request: MemberRequest) -> HttpResponse:
    members = invitations.waiting().only("pk", "display_name", "email", "handle", "date_joined")
    page = Paginator(members, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "old_addresses": OldAddress.objects.count(),
        **_progress(),
    }
    return render(request, "imports/manage.html", context)


@manager_required
def invite(request: MemberRequest) -> HttpResponse:
    """GET: what the button will do, to confirm; POST: the next batch is queued."""
    progress = _progress()
    if request.method == "POST":
        if progress["waiting"] == 0:
            messages.info(request, gettext_lazy("Every imported member has been invited."))
            return redirect("imports:manage")
        sent = invitations.invite(limit=invitations.BATCH)
        actionlog.record(request.user, "invite-imported", label=str(sent))
        messages.success(
            request,
            ngettext(
                "%(sent)d email is on its way.",
                "%(sent)d emails are on their way.",
                sent,
            )
            % {"sent": sent},
        )
        return redirect("imports:manage")
    return render(request, "imports/confirm_invite.html", progress)


def manage_link(request: HttpRequest, user: object) -> str:
    """The /manage/ navigation's link, for who may use the page."""
    if not can_manage_imports(user):
        return ""
    return format_html(
        ' · <a href="{}">{}</a>', fast_reverse("imports:manage"), _("Imported members")
    )
