"""Reports, the moderation queue and its actions, members' records and the log. Thin: who may
do what is moderation/permissions.py, what happens is moderation/services.py."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib import ratelimit
from lib.http import MemberRequest, form_status
from members.decorators import member_required, role_required
from members.models import ActionLog, Member

from . import permissions, queries, registry, services
from .forms import ActionForm, LogFilterForm, NoteForm, ReportForm, SuspendForm
from .models import MemberNote, Report

QUEUE_PER_PAGE = 20
LOG_PER_PAGE = 50
RECORD_ROWS = 50
# Reports a member may make in a window (count, seconds).
REPORT_LIMIT: tuple[int, int] = getattr(settings, "RATELIMIT_REPORT", (20, 3600))

moderators_only = role_required(
    permissions.can_use_queue, gettext_lazy("Only the network's moderators can do this.")
)
administrators_only = role_required(
    permissions.can_view_log,
    gettext_lazy("Only the network's administrators and its creator can read the log."),
)


def _thing(kind_key: str, pk: int) -> tuple[registry.Kind, models.Model]:
    found = registry.lookup(kind_key, pk)
    if found is None:
        raise Http404
    return found


# --- Reporting ------------------------------------------------------------------------------


@member_required
def report(request: MemberRequest, kind: str, pk: int) -> HttpResponse:
    """A member reports a thing they see (not their own) with a reason."""
    found_kind, obj = _thing(kind, pk)
    user = request.user
    if not found_kind.can_view(user, obj):
        raise Http404
    if not permissions.can_report(user):
        raise PermissionDenied(_("Please confirm your email before you report anything."))
    if not permissions.can_report_object(user, found_kind, obj):
        raise PermissionDenied(_("You cannot report your own content."))
    back = found_kind.url(obj) or reverse("network:home")
    already = (
        Report.objects.open()
        .filter(reporter=user, **services.target_filter(found_kind, obj))
        .exists()
    )
    form = ReportForm(request.POST if request.method == "POST" and not already else None)
    if form.is_bound and form.is_valid():
        limit, window = REPORT_LIMIT
        if ratelimit.record_attempt("report", str(user.pk), window) > limit:
            form.add_error(
                None, _("You have sent many reports in a short time. Please try again later.")
            )
        else:
            try:
                services.report(obj, by=user, reason=form.cleaned_data["reason"])
            except services.AlreadyReported:
                already = True
            else:
                messages.success(request, _("Thank you. The network's moderators will look at it."))
                return redirect(back)
    context = {
        "kind": found_kind,
        "obj": obj,
        "title": found_kind.title(obj),
        "back": back,
        "form": form,
        "already": already,
    }
    return render(request, "moderation/report.html", context, status=form_status(form))


# --- The queue ------------------------------------------------------------------------------


@moderators_only
def queue(request: MemberRequest) -> HttpResponse:
    """Open reports, one entry per reported thing, of the features the moderator moderates."""
    paginator = Paginator(queries.queue_groups(request.user), QUEUE_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    items = queries.reported_things(request.user, list(page.object_list))
    return render(request, "moderation/queue.html", {"page": page, "items": items})


PENDING_SHOWN = 50


@moderators_only
def pending(request: MemberRequest) -> HttpResponse:
    """What waits for approval, per kind the moderator moderates, oldest first."""
    sections = []
    for kind in registry.kinds():
        if kind.pending is None or not permissions.can_moderate(request.user, kind):
            continue
        waiting = kind.pending()
        if kind.author:
            waiting = waiting.select_related(kind.author)
        if kind.select_related:
            waiting = waiting.select_related(*kind.select_related)
        if kind.prefetch_related:  # what `title` and `url` read (a comment's target)
            waiting = waiting.prefetch_related(*kind.prefetch_related)
        rows = list(waiting.order_by("pk")[:PENDING_SHOWN])
        count = waiting.count()
        sections.append(
            {
                "kind": kind,
                "count": count,
                "items": [
                    {
                        "obj": row,
                        "title": kind.title(row),
                        "url": kind.url(row),
                        "author": kind.author_of(row),
                    }
                    for row in rows
                ],
            }
        )
    return render(request, "moderation/pending.html", {"sections": sections})


ACTIONS: dict[str, dict[str, Any]] = {
    "hide": {"reason_required": False},
    "delete": {"reason_required": False},
    "dismiss": {"reason_required": False},
    "warn": {"reason_required": True},
    "suspend": {"reason_required": True},
    "approve": {"reason_required": False},
    "reject": {"reason_required": True},
}
# Where each action leads back to.
AFTER = {"approve": "moderation:pending", "reject": "moderation:pending"}


def _may(user: Member, kind: registry.Kind, obj: models.Model, action: str) -> bool:
    if action == "hide":
        return kind.hide is not None and not kind.is_hidden(obj)
    if action == "delete":
        return kind.delete is not None
    if action in ("approve", "reject"):
        return getattr(kind, action) is not None and kind.is_pending(obj)
    if action in ("warn", "suspend"):
        author = kind.author_of(obj)
        if author is None or not author.is_active:
            return False
        return action == "warn" or permissions.can_suspend(user, author)
    return True


@moderators_only
def act(request: MemberRequest, kind: str, pk: int, action: str) -> HttpResponse:
    """A moderator's action on a reported thing: GET asks (with a reason), POST does it."""
    if action not in ACTIONS:
        raise Http404
    user = request.user
    if action == "dismiss" and registry.lookup(kind, pk) is None:
        return _dismiss_gone(request, kind, pk)
    found_kind, obj = _thing(kind, pk)
    if not permissions.can_moderate(user, found_kind):
        raise PermissionDenied(_("You do not moderate this part of the network."))
    if not _may(user, found_kind, obj, action):
        raise PermissionDenied(_("This cannot be done to it."))
    data = request.POST if request.method == "POST" else None
    form: ActionForm = (
        SuspendForm(data) if action == "suspend" else ActionForm(data, **ACTIONS[action])
    )
    if form.is_bound and form.is_valid():
        reason: str = form.cleaned_data["reason"]
        title = found_kind.title(obj)
        if action == "hide":
            services.hide(found_kind, obj, by=user, reason=reason)
            messages.success(request, _("Hidden: “%(title)s”.") % {"title": title})
        elif action == "delete":
            services.delete(found_kind, obj, by=user, reason=reason)
            messages.success(request, _("Deleted: “%(title)s”.") % {"title": title})
        elif action == "dismiss":
            services.dismiss(found_kind, obj, by=user, reason=reason)
            messages.success(request, _("Reports dismissed: “%(title)s”.") % {"title": title})
        elif action == "approve":
            services.approve(found_kind, obj, by=user, reason=reason)
            messages.success(request, _("Approved and published: “%(title)s”.") % {"title": title})
        elif action == "reject":
            services.reject(found_kind, obj, by=user, reason=reason)
            # A post goes back to its author's drafts; a discussion, a comment, a photo or an
            # event is deleted.
            if found_kind.get(pk) is not None:
                said = _("Not approved: “%(title)s” is its author's draft again.")
            else:
                said = _("Not approved: “%(title)s” is deleted, and its author told why.")
            messages.success(request, said % {"title": title})
        elif action == "warn":
            author = services.warn(found_kind, obj, by=user, reason=reason)
            messages.success(request, _("%(name)s was warned.") % {"name": author.display_name})
        else:
            author = services.suspend_author(
                found_kind,
                obj,
                by=user,
                reason=reason,
                delete_content=bool(form.cleaned_data.get("delete_content")),
            )
            messages.success(request, _("%(name)s is suspended.") % {"name": author.display_name})
        return redirect(AFTER.get(action, "moderation:queue"))
    open_reports = list(
        Report.objects.open()
        .filter(**services.target_filter(found_kind, obj))
        .select_related("reporter")[: queries.REASONS_SHOWN]
    )
    context = {
        "kind": found_kind,
        "obj": obj,
        "title": found_kind.title(obj),
        "url": found_kind.url(obj),
        "author": found_kind.author_of(obj),
        "is_member": not found_kind.author,
        "action": action,
        "form": form,
        "reports": open_reports,
    }
    return render(request, "moderation/confirm.html", context, status=form_status(form))


def _dismiss_gone(request: MemberRequest, kind_key: str, pk: int) -> HttpResponse:
    """Closes the reports of something deleted meanwhile (by its author, or with them)."""
    kind = registry.get(kind_key)
    if kind is None or not permissions.can_moderate(request.user, kind):
        raise Http404
    if not services.gone_reports(kind, pk).exists():
        raise Http404
    if request.method == "POST":
        services.dismiss_gone(kind, pk, by=request.user)
        messages.success(request, _("The reports of something deleted meanwhile are closed."))
        return redirect("moderation:queue")
    return render(request, "moderation/confirm_gone.html", {"kind": kind})


# --- A member's record ------------------------------------------------------------------------


@moderators_only
def member_record(request: MemberRequest, pk: int) -> HttpResponse:
    """A member's reports, the moderators' actions about them and private notes."""
    member = get_object_or_404(Member.objects.local(), pk=pk)
    if member.is_former:
        raise Http404
    form = NoteForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        services.add_note(member, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Note added."))
        return redirect("moderation:member", pk=member.pk)
    context = {
        "member": member,
        "reports": list(queries.reports_about(member)[:RECORD_ROWS]),
        "history": list(queries.history_of(member).select_related("actor")[:RECORD_ROWS]),
        "notes": list(MemberNote.objects.filter(member=member).select_related("author")),
        "form": form,
        "can_suspend": member.is_active and permissions.can_suspend(request.user, member),
        "can_reinstate": permissions.can_reinstate(request.user, member),
    }
    return render(request, "moderation/member.html", context, status=form_status(form))


def _member_action(request: MemberRequest, pk: int, *, suspending: bool) -> HttpResponse:
    member = get_object_or_404(Member.objects.local(), pk=pk)
    allowed = (
        member.is_active and permissions.can_suspend(request.user, member)
        if suspending
        else permissions.can_reinstate(request.user, member)
    )
    if not allowed:
        # A form opened before someone (in another tab, another moderator) suspended or
        # reinstated them says so; otherwise it is not theirs to do.
        name = {"name": f"\u2068{member.display_name}\u2069"}
        if suspending and permissions.can_reinstate(request.user, member):
            raise PermissionDenied(_("%(name)s is already suspended.") % name)
        if not suspending and member.is_active and permissions.can_suspend(request.user, member):
            raise PermissionDenied(_("%(name)s is not suspended.") % name)
        raise PermissionDenied(
            _("You cannot suspend this member.")
            if suspending
            else _("You cannot reinstate this member.")
        )
    data = request.POST if request.method == "POST" else None
    form: ActionForm = SuspendForm(data) if suspending else ActionForm(data, reason_required=True)
    if form.is_bound and form.is_valid():
        reason = form.cleaned_data["reason"]
        if suspending:
            services.suspend(
                member,
                by=request.user,
                reason=reason,
                delete_content=bool(form.cleaned_data.get("delete_content")),
            )
            messages.success(request, _("%(name)s is suspended.") % {"name": member.display_name})
        else:
            services.reinstate(member, by=request.user, reason=reason)
            messages.success(request, _("%(name)s is reinstated.") % {"name": member.display_name})
        return redirect("moderation:member", pk=member.pk)
    context = {"member": member, "form": form, "suspending": suspending}
    return render(request, "moderation/confirm_member.html", context, status=form_status(form))


@moderators_only
def suspend(request: MemberRequest, pk: int) -> HttpResponse:
    return _member_action(request, pk, suspending=True)


@moderators_only
def reinstate(request: MemberRequest, pk: int) -> HttpResponse:
    return _member_action(request, pk, suspending=False)


# --- The log ------------------------------------------------------------------------------------


@administrators_only
def log(request: MemberRequest) -> HttpResponse:
    """Every logged action, newest first; filtered by action and by who did it."""
    actions = list(ActionLog.objects.order_by("action").values_list("action", flat=True).distinct())
    actors = [
        (pk, name)
        for pk, name in ActionLog.objects.exclude(actor=None)
        .order_by("actor_name", "actor_id")
        .values_list("actor_id", "actor_name")
        .distinct()
    ]
    form = LogFilterForm(request.GET or None, actions=actions, actors=actors)
    entries = ActionLog.objects.select_related("actor").order_by("-created_at", "-id")
    filters: dict[str, str] = {}
    if form.is_bound and form.is_valid():
        if form.cleaned_data["action"]:
            entries = entries.filter(action=form.cleaned_data["action"])
            filters["action"] = form.cleaned_data["action"]
        if form.cleaned_data["actor"] is not None:
            entries = entries.filter(actor_id=form.cleaned_data["actor"])
            filters["actor"] = str(form.cleaned_data["actor"])
    page = Paginator(entries, LOG_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "form": form, "filters": filters}
    return render(request, "moderation/log.html", context, status=form_status(form))
