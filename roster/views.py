"""/manage/members/, a member's admin page, /manage/badges/ and the hand-over. Thin: who may
do what is roster/permissions.py, every write roster/services.py."""

import csv
from collections.abc import Iterator
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.http import MemberRequest, form_status
from members.decorators import member_required, role_required
from members.models import Badge, Member

from . import permissions, services
from .forms import (
    BadgeForm,
    BadgesForm,
    HandOverForm,
    MemberFilterForm,
    ReasonForm,
    RoleForm,
    SuspendForm,
)
from .models import HandOver

MEMBERS_PER_PAGE = 50
# The export streams this many rows per query.
EXPORT_CHUNK = 500

admins_only = role_required(
    permissions.can_manage_members, gettext_lazy("Only the network's administrators can do this.")
)
exporters_only = role_required(
    permissions.can_export_members,
    gettext_lazy("Only the network's administrators can export members."),
)
badge_managers_only = role_required(
    permissions.can_manage_badges, gettext_lazy("Only the network's administrators can do this.")
)
creator_only = role_required(
    permissions.can_hand_over, gettext_lazy("Only the network's creator can hand it over.")
)


def _people() -> QuerySet[Member]:
    """Everyone the roster lists: this network's members, not former ones."""
    return Member.objects.local().filter(left_at__isnull=True)


def _pending_url() -> str:
    """The approval queue of access/ (pending members are approved there, not here)."""
    try:
        return reverse("access:pending")
    except NoReverseMatch:
        return "/manage/access/pending/"


def _filtered(request: MemberRequest) -> tuple[MemberFilterForm, QuerySet[Member]]:
    form = MemberFilterForm(request.GET or None)
    members = form.filter(_people()).order_by("-date_joined", "-id")
    return form, members


def _query_without_page(request: MemberRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@admins_only
def member_list(request: MemberRequest) -> HttpResponse:
    form, members = _filtered(request)
    page = Paginator(members.prefetch_related("badges"), MEMBERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page": page,
        "query": _query_without_page(request),
        "pending_url": _pending_url(),
        "may_export": permissions.can_export_members(request.user),
    }
    return render(request, "roster/member_list.html", context, status=form_status(form))


# Cells a spreadsheet would run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def _state(member: Member) -> str:
    if member.suspended_at is not None:
        return str(_("suspended"))
    if member.awaiting_approval:
        return str(_("waiting for approval"))
    if not member.email_confirmed:
        return str(_("email not confirmed"))
    return str(_("active"))


def _export_rows(members: QuerySet[Member]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([_("Name"), _("Email"), _("Role"), _("Joined"), _("State"), _("Badges")])
    rows = members.prefetch_related("badges").iterator(chunk_size=EXPORT_CHUNK)
    for member in rows:
        yield writer.writerow(
            [
                _cell(member.display_name),
                _cell(member.email or ""),
                _cell(member.get_role_display()),
                timezone.localtime(member.date_joined).date().isoformat(),
                _cell(_state(member)),
                _cell(", ".join(badge.name for badge in member.badges.all())),
            ]
        )


@exporters_only
def export(request: MemberRequest) -> HttpResponse:
    form, members = _filtered(request)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "roster/member_list.html",
            {"form": form, "page": None, "query": "", "pending_url": _pending_url()},
            status=400,
        )
    response = StreamingHttpResponse(_export_rows(members), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="members-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    # Streamed (a large network's list is not held in memory); the decorators' type names
    # HttpResponse, which a streaming response is not.
    return cast(HttpResponse, response)


def _member(pk: int) -> Member:
    return get_object_or_404(_people(), pk=pk)


def _member_page(
    request: MemberRequest,
    member: Member,
    *,
    role_form: RoleForm | None = None,
    badges_form: BadgesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    may_make_admins = permissions.can_change_role(user, member, Member.Role.ADMIN)
    if role_form is None:
        role_form = RoleForm(
            initial={"role": member.role, "scopes": member.moderator_scopes},
            may_make_admins=may_make_admins,
        )
    if badges_form is None:
        badges_form = BadgesForm(initial={"badges": list(member.badges.all())})
    context: dict[str, Any] = {
        "member": member,
        "role_form": role_form,
        "badges_form": badges_form,
        "may_change_role": permissions.can_change_role(user, member),
        "may_set_badges": permissions.can_set_badges(user, member),
        "may_suspend": permissions.can_suspend(user, member),
        "may_reinstate": permissions.can_reinstate(user, member),
        "may_remove": permissions.can_remove(user, member),
        "has_badges": Badge.objects.exists(),
        "pending_url": _pending_url(),
        "state": _state(member),
    }
    return render(request, "roster/member_admin.html", context, status=status)


@admins_only
def member_admin(request: MemberRequest, pk: int) -> HttpResponse:
    return _member_page(request, _member(pk))


@admins_only
def member_role(request: MemberRequest, pk: int) -> HttpResponse:
    member = _member(pk)
    if request.method != "POST":
        return redirect("roster:member", member.pk)
    if not permissions.can_change_role(request.user, member):
        raise PermissionDenied(_("You cannot change this member's role."))
    may_make_admins = permissions.can_change_role(request.user, member, Member.Role.ADMIN)
    form = RoleForm(request.POST, may_make_admins=may_make_admins)
    if form.is_valid():
        try:
            changed = services.change_role(
                member,
                form.cleaned_data["role"],
                by=request.user,
                scopes=form.cleaned_data["scopes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("The role is saved."))
            return redirect("roster:member", member.pk)
    return _member_page(request, member, role_form=form, status=400)


@admins_only
def member_badges(request: MemberRequest, pk: int) -> HttpResponse:
    member = _member(pk)
    if request.method != "POST":
        return redirect("roster:member", member.pk)
    if not permissions.can_set_badges(request.user, member):
        raise PermissionDenied
    form = BadgesForm(request.POST)
    if form.is_valid():
        if services.set_badges(member, list(form.cleaned_data["badges"]), by=request.user):
            messages.success(request, _("The badges are saved."))
        return redirect("roster:member", member.pk)
    return _member_page(request, member, badges_form=form, status=400)


def _named(member: Member) -> dict[str, str]:
    """The member's name for a sentence of plain text (the 403 page's), isolated."""
    return {"name": f"\u2068{member.display_name}\u2069"}


@admins_only
def member_suspend(request: MemberRequest, pk: int) -> HttpResponse:
    member = _member(pk)
    if not permissions.can_suspend(request.user, member):
        if permissions.can_reinstate(request.user, member):
            # A form opened before they were suspended (another tab, another administrator).
            raise PermissionDenied(_("%(name)s is already suspended.") % _named(member))
        raise PermissionDenied(_("You cannot suspend this member."))
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.suspend(
            member,
            by=request.user,
            reason=form.cleaned_data["reason"],
            delete_content=form.cleaned_data["delete_content"],
        )
        messages.success(request, _("%s is suspended.") % member.display_name)
        return redirect("roster:member", member.pk)
    return render(
        request,
        "roster/member_suspend.html",
        {"member": member, "form": form},
        status=form_status(form),
    )


@admins_only
def member_reinstate(request: MemberRequest, pk: int) -> HttpResponse:
    member = _member(pk)
    if not permissions.can_reinstate(request.user, member):
        if permissions.can_suspend(request.user, member):
            raise PermissionDenied(_("%(name)s is not suspended.") % _named(member))
        raise PermissionDenied(_("You cannot reinstate this member."))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reinstate(member, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("%s is reinstated.") % member.display_name)
        return redirect("roster:member", member.pk)
    return render(
        request,
        "roster/member_reinstate.html",
        {"member": member, "form": form},
        status=form_status(form),
    )


@admins_only
def member_remove(request: MemberRequest, pk: int) -> HttpResponse:
    member = _member(pk)
    if not permissions.can_remove(request.user, member):
        raise PermissionDenied(_("You cannot remove this member."))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name = member.display_name
        services.remove(member, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("%s and everything they wrote are removed.") % name)
        return redirect("roster:members")
    return render(
        request,
        "roster/member_remove.html",
        {"member": member, "form": form},
        status=form_status(form),
    )


# --- Badges -----------------------------------------------------------------------------------


@badge_managers_only
def badge_list(request: MemberRequest) -> HttpResponse:
    return render(request, "roster/badge_list.html", {"badges": Badge.objects.all()})


@badge_managers_only
def badge_edit(request: MemberRequest, pk: int | None = None) -> HttpResponse:
    badge = get_object_or_404(Badge, pk=pk) if pk else Badge()
    form = BadgeForm(request.POST or None, request.FILES or None, instance=badge)
    if request.method == "POST" and form.is_valid():
        image = form.cleaned_data.get("image")
        services.save_badge(
            form.instance,
            by=request.user,
            image=image if isinstance(image, UploadedFile) else None,
            clear_image=image is False,
        )
        messages.success(request, _("The badge is saved."))
        return redirect("roster:badges")
    if request.method == "POST" and badge.pk:
        badge.refresh_from_db()
    return render(
        request, "roster/badge_form.html", {"form": form, "badge": badge}, status=form_status(form)
    )


@badge_managers_only
def badge_delete(request: MemberRequest, pk: int) -> HttpResponse:
    badge = get_object_or_404(Badge, pk=pk)
    if request.method == "POST":
        services.delete_badge(badge, by=request.user)
        messages.success(request, _("The badge “%s” is deleted.") % badge.name)
        return redirect("roster:badges")
    return render(
        request,
        "roster/badge_confirm_delete.html",
        {"badge": badge, "holders": Member.badges.through.objects.filter(badge=badge).count()},
    )


# --- Hand-over --------------------------------------------------------------------------------


@creator_only
def hand_over(request: MemberRequest) -> HttpResponse:
    waiting = services.open_hand_over()
    form = HandOverForm(request.user, request.POST or None)
    if request.method == "POST" and waiting is None and form.is_valid():
        try:
            services.ask_hand_over(form.cleaned_data["to"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%s is asked to take the network over; nothing changes until they accept.")
                % form.cleaned_data["to"].display_name,
            )
            return redirect("roster:hand_over")
    status = form_status(form)
    if request.method == "POST" and waiting is not None:
        status = 400
    return render(
        request, "roster/hand_over.html", {"form": form, "waiting": waiting}, status=status
    )


@creator_only
def hand_over_cancel(request: MemberRequest) -> HttpResponse:
    waiting = services.open_hand_over()
    if waiting is None:
        messages.info(request, _("No hand-over is waiting."))
        return redirect("roster:hand_over")
    if request.method == "POST":
        services.cancel_hand_over(waiting, by=request.user)
        messages.success(request, _("The hand-over is cancelled."))
        return redirect("roster:hand_over")
    return render(request, "roster/hand_over_cancel.html", {"waiting": waiting})


@member_required
def hand_over_answer(request: MemberRequest, pk: int) -> HttpResponse:
    """The administrator asked: accept or decline (others: 403)."""
    services.open_hand_over()  # marks a lapsed one expired
    hand_over = get_object_or_404(
        HandOver.objects.select_related("from_member", "to_member"), pk=pk
    )
    if request.user.pk != hand_over.to_member_id:
        raise PermissionDenied(_("This hand-over is not addressed to you."))
    if request.method == "POST" and hand_over.is_open:
        answer = request.POST.get("answer")
        if answer == "accept":
            services.accept_hand_over(hand_over, by=request.user)
            messages.success(request, _("You are the network's creator now."))
            return redirect("network:home")
        if answer == "decline":
            services.decline_hand_over(hand_over, by=request.user)
            messages.success(request, _("You declined; nothing changed."))
            return redirect("network:home")
        return render(
            request,
            "roster/hand_over_answer.html",
            {"hand_over": hand_over, "error": _("Choose to accept or to decline.")},
            status=400,
        )
    return render(request, "roster/hand_over_answer.html", {"hand_over": hand_over})
