import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_safe

from lib.http import MemberRequest, NetworkRequest, form_status
from members import profilefields
from members.decorators import member_required, role_required
from members.forms import JoinForm
from members.models import Member
from members.permissions import is_member

from . import services
from .forms import AccessSettingsForm, CsvInviteForm, InviteForm
from .models import INVITATION_DAYS, Invitation, InvitationBatch
from .permissions import can_invite, can_manage_access, can_manage_invitation, lets_in_directly

PER_PAGE = 30

manager_required = role_required(
    can_manage_access, gettext_lazy("Only the network's administrators can do this.")
)


def _base_url(request: NetworkRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _page(request: NetworkRequest, rows: "QuerySet[Any]") -> "Page[Any]":
    return Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))


# --- Settings ---------------------------------------------------------------------------------


@manager_required
def settings_view(request: MemberRequest) -> HttpResponse:
    form = AccessSettingsForm(request.POST or None, instance=copy.copy(request.network))
    if request.method == "POST" and form.is_valid():
        services.update_access_settings(form.instance, form.changed_data, by=request.user)
        messages.success(request, _("Privacy and joining are saved."))
        return redirect("access:settings")
    return render(
        request,
        "access/settings.html",
        {"form": form, "pending": services.pending_members().count()},
        status=form_status(form),
    )


# --- Pending members --------------------------------------------------------------------------


@manager_required
def pending(request: MemberRequest) -> HttpResponse:
    rows = services.pending_members().order_by("-date_joined", "-id")
    return render(request, "access/pending.html", {"page": _page(request, rows)})


def _pending_member(pk: int) -> Member:
    member: Member = get_object_or_404(services.pending_members(), pk=pk)
    return member


@manager_required
def approve(request: MemberRequest, pk: int) -> HttpResponse:
    member = _pending_member(pk)
    if request.method == "POST":
        services.approve_member(
            member, by=request.user, network=request.network, base_url=_base_url(request)
        )
        messages.success(request, _("%s is a member now.") % member.display_name)
        return redirect("access:pending")
    return render(request, "access/confirm_approve.html", {"candidate": member})


@manager_required
def decline(request: MemberRequest, pk: int) -> HttpResponse:
    member = _pending_member(pk)
    if request.method == "POST":
        name = member.display_name
        services.decline_member(
            member, by=request.user, network=request.network, base_url=_base_url(request)
        )
        messages.success(request, _("%s's request is declined.") % name)
        return redirect("access:pending")
    return render(request, "access/confirm_decline.html", {"candidate": member})


# --- Invitations ------------------------------------------------------------------------------


def _inviter(request: MemberRequest) -> None:
    if not can_invite(request.user, request.network):
        raise PermissionDenied(_("Only administrators may invite people to this network."))


@member_required
def invite(request: MemberRequest) -> HttpResponse:
    """Two forms: addresses typed or pasted, or a CSV file; the one sent is bound."""
    _inviter(request)
    left = services.invites_left(request.user)
    from_csv = request.method == "POST" and request.POST.get("source") == "csv"
    upload = CsvInviteForm(request.POST, request.FILES) if from_csv else CsvInviteForm()
    if from_csv:
        # The file's addresses go into the box, to be looked over and sent from there.
        found = upload.cleaned_data["csv_file"] if upload.is_valid() else []
        paste = InviteForm(initial={"addresses": "\n".join(found)}, allowed=left)
        if found:
            messages.info(
                request,
                ngettext(
                    "%(count)d address read from the file: look it over, then send.",
                    "%(count)d addresses read from the file: look them over, then send.",
                    len(found),
                )
                % {"count": len(found)},
            )
        return _invite_page(request, paste, upload, left, status=form_status(upload))
    paste = InviteForm(request.POST or None, allowed=left)
    form = paste
    if request.method == "POST" and form.is_valid():
        emails: list[str] = form.cleaned_data["emails"]
        message = form.cleaned_data.get("message") or ""
        if len(emails) == 1:
            made = services.invite(
                emails[0],
                by=request.user,
                network=request.network,
                base_url=_base_url(request),
                message=message,
            )
            if made is None:
                messages.info(
                    request,
                    _("%s is a member already, or has an invitation waiting.") % emails[0],
                )
            else:
                messages.success(request, _("Your invitation to %s is on its way.") % emails[0])
            return redirect("access:invitations")
        batch = services.invite_many(
            emails, by=request.user, message=message, base_url=_base_url(request)
        )
        return redirect("access:batch", pk=batch.pk)
    status = form_status(form)
    if form.is_bound and any(e.code == "rate_limited" for e in form.non_field_errors().as_data()):
        status = 429
    return _invite_page(request, paste, upload, left, status=status)


def _invite_page(
    request: MemberRequest, paste: InviteForm, upload: CsvInviteForm, left: int, *, status: int
) -> HttpResponse:
    return render(
        request,
        "access/invite.html",
        {
            "form": paste,
            "csv_form": upload,
            "left": left,
            "direct": lets_in_directly(request.user),
            "days": INVITATION_DAYS,
        },
        status=status,
    )


@require_safe
@member_required
def batch(request: MemberRequest, pk: int) -> HttpResponse:
    _inviter(request)
    sendings = InvitationBatch.objects.all()
    if not can_manage_access(request.user):
        sendings = sendings.filter(invited_by=request.user)
    sending = get_object_or_404(sendings, pk=pk)
    template = "access/_batch_progress.html" if request.htmx else "access/batch.html"  # type: ignore[attr-defined]
    return render(request, template, {"batch": sending})


def _invitations_for(user: Member) -> "QuerySet[Invitation]":
    rows = Invitation.objects.select_related("accepted_by").order_by("-created_at", "-id")
    return rows if can_manage_access(user) else rows.sent_by(user.pk)


@member_required
def invitations(request: MemberRequest) -> HttpResponse:
    if not (
        can_invite(request.user, request.network)
        or can_manage_access(request.user)
        or Invitation.objects.sent_by(request.user.pk).exists()
    ):
        raise PermissionDenied(_("Only administrators may invite people to this network."))
    rows = _invitations_for(request.user)
    return render(
        request,
        "access/invitations.html",
        {"page": _page(request, rows), "everyone": can_manage_access(request.user)},
    )


def _managed_invitation(request: MemberRequest, pk: int) -> Invitation:
    invitation = get_object_or_404(Invitation, pk=pk)
    if not can_manage_invitation(request.user, invitation):
        raise PermissionDenied(_("This is not your invitation."))
    return invitation


@member_required
def resend(request: MemberRequest, pk: int) -> HttpResponse:
    invitation = _managed_invitation(request, pk)
    _inviter(request)  # sending again is inviting: not once members may no longer invite
    if request.method == "POST":
        try:
            services.resend(
                invitation, by=request.user, network=request.network, base_url=_base_url(request)
            )
        except services.CannotResend as e:
            if str(e) == "limit":
                messages.error(request, _("This invitation was sent often enough already."))
            else:
                messages.error(request, _("This invitation was accepted or cancelled."))
        else:
            messages.success(request, _("A new link is on its way to %s.") % invitation.email)
        return redirect("access:invitations")
    return render(request, "access/confirm_resend.html", {"invitation": invitation})


@member_required
def cancel(request: MemberRequest, pk: int) -> HttpResponse:
    invitation = _managed_invitation(request, pk)
    if request.method == "POST":
        services.cancel(invitation, by=request.user)
        messages.success(
            request,
            _("The invitation to %s is cancelled: its link no longer works.") % invitation.email,
        )
        return redirect("access:invitations")
    return render(request, "access/confirm_cancel.html", {"invitation": invitation})


_PROBLEMS = {
    "invalid": gettext_lazy(
        "This invitation link is not complete or not right. Please open the link from the "
        "email again, or ask for a new invitation."
    ),
    "expired": gettext_lazy(
        "This invitation has expired. Please ask whoever invited you for a new one."
    ),
    "used": gettext_lazy("This invitation has been used already. If it was you, please sign in."),
    "cancelled": gettext_lazy("This invitation was cancelled."),
    "member": gettext_lazy("There is already an account with this email address. Please sign in."),
}


def _problem(request: NetworkRequest, reason: str) -> HttpResponse:
    return render(
        request,
        "access/invitation_problem.html",
        {"problem": _PROBLEMS.get(reason, _PROBLEMS["invalid"]), "reason": reason},
        status=410 if reason in ("expired", "used", "cancelled") else 400,
    )


def accept(request: NetworkRequest, token: str) -> HttpResponse:
    """The invitation's link: join with the invited address, confirmed by the link itself —
    also on a private network and when joining is by invitation only."""
    if is_member(request.user):
        messages.info(request, _("You are a member already."))
        return redirect("network:home")
    try:
        invitation = services.invitation_for(token, used_too=request.method == "POST")
    except services.InvitationProblem as e:
        return _problem(request, e.reason)
    if invitation.accepted_at is None and (
        Member.objects.filter(email__iexact=invitation.email).exists()
    ):
        return _problem(request, "member")
    # The address is the invitation's: shown, not asked.
    form = JoinForm(request.POST or None)
    del form.fields["email"]
    if request.method == "POST" and form.is_robot:
        return redirect("network:home")
    if request.method == "POST" and form.is_valid():
        if invitation.accepted_at is not None:
            # The form sent twice (a double click, a reload): the first one let them in.
            messages.info(request, _PROBLEMS["used"])
            return redirect("members:signin")
        try:
            member = services.accept(
                invitation,
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password1"],
                network=request.network,
            )
        except services.InvitationProblem as e:
            return _problem(request, e.reason)
        profilefields.save_all(member, form.cleaned_data)
        login(request, member, backend="django.contrib.auth.backends.ModelBackend")
        if not member.awaiting_approval:
            messages.success(
                request, _("Welcome to %(network)s!") % {"network": request.network.name}
            )
        return redirect("network:home")
    return render(
        request,
        "access/accept.html",
        {"form": form, "invitation": invitation},
        status=form_status(form),
    )
