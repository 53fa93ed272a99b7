"""Moderation's writes: suspending and reinstating members, reports and what moderators do
with them. Every function checks `by` (moderation/permissions.py), records the action in the
network's log (members.actionlog) and invalidates what changed."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.cachetags import EVERYTHING, invalidate
from lib.email import queue_email
from members import actionlog
from members.models import Member
from members.services import end_sessions_task
from network.services import current_network
from notifications.emails import absolute
from notifications.services import About, notify

from . import approval, permissions, queries, registry
from .models import MemberNote, Report

# The tag of everything that shows open reports (the queue, the count in the navigation).
REPORTS_TAG = "moderation-reports"
REPORT_KIND = "moderation-report"
WARNING_KIND = "moderation-warning"

# A suspension "with their content" deletes this many rows inside the request; more are
# deleted by a queued task (each row through its app's delete service, which is not cheap).
DELETE_AT_ONCE = 50


def _refuse_suspension(by: Member, member: Member) -> None:
    if member.is_creator:
        raise PermissionDenied(_("Nobody can suspend the network's creator."))
    if member.pk == by.pk:
        raise PermissionDenied(_("You cannot suspend yourself."))
    if member.role == Member.Role.ADMIN and not by.is_creator:
        raise PermissionDenied(_("Only the network's creator can suspend an administrator."))
    raise PermissionDenied(_("You cannot suspend this member."))


def content_of(member: Member) -> list[tuple[registry.Kind, list[int]]]:
    """The member's rows of every registered kind that goes with its author, comments last
    (a post deleted first takes the comments on it along)."""
    found = []
    for kind in sorted(registry.kinds(), key=lambda k: k.key == "comment"):
        if not kind.author or not kind.goes_with_author or kind.delete is None:
            continue
        pks = list(
            kind.model._default_manager.filter(**{kind.author: member})
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if pks:
            found.append((kind, pks))
    return found


def delete_content_of(member_pk: int) -> int:
    """Deletes what the member wrote (posts, discussions, comments, photos, events, videos),
    each through its app's own delete service; returns how many rows went."""
    member = Member.objects.filter(pk=member_pk).first()
    if member is None:
        return 0
    deleted = 0
    for kind, pks in content_of(member):
        assert kind.delete is not None
        for pk in pks:
            with transaction.atomic():
                obj = kind.get(pk)  # gone with something deleted before (a reply, a post)
                if obj is not None:
                    kind.delete(obj, None)
                    deleted += 1
    invalidate(EVERYTHING)
    return deleted


@task
def delete_content_task(member_pk: int) -> None:
    delete_content_of(member_pk)


@transaction.atomic
def suspend(member: Member, *, by: Member, reason: str, delete_content: bool = False) -> None:
    """Suspends the member: they are signed out at their next request (their stored sessions
    are ended too), cannot sign in, take part or be listed, until reinstated. With
    `delete_content`, what they wrote goes (in a queued task when there is much of it).

    Refused (PermissionDenied, its message for the page): the creator; an administrator unless
    `by` is the creator; anyone `by` may not suspend (permissions.can_suspend)."""
    if not permissions.can_suspend(by, member):
        _refuse_suspension(by, member)
    member.is_active = False
    member.suspended_at = timezone.now()
    member.save(update_fields=["is_active", "suspended_at"])
    actionlog.record(by, "suspend", member, reason=reason)
    member_pk = member.pk
    transaction.on_commit(lambda: end_sessions_task.enqueue(member_pk))
    invalidate(*member.cache_tags())
    if delete_content:
        actionlog.record(by, "delete-content", member, reason=reason)
        total = sum(len(pks) for _kind, pks in content_of(member))
        if total > DELETE_AT_ONCE:
            transaction.on_commit(lambda: delete_content_task.enqueue(member_pk))
        elif total:
            delete_content_of(member_pk)


@transaction.atomic
def reinstate(member: Member, *, by: Member, reason: str) -> None:
    """Lifts the suspension: the member signs in and takes part again (deleted content stays
    deleted)."""
    if not permissions.can_reinstate(by, member):
        raise PermissionDenied(_("You cannot reinstate this member."))
    member.is_active = True
    member.suspended_at = None
    member.save(update_fields=["is_active", "suspended_at"])
    actionlog.record(by, "reinstate", member, reason=reason)
    invalidate(*member.cache_tags())


# --- Reports ----------------------------------------------------------------------------------


class AlreadyReported(Exception):
    """The reporter has an open report of this already."""


def target_filter(kind: registry.Kind, obj: models.Model) -> dict[str, object]:
    return {
        "content_type": ContentType.objects.get_for_model(kind.model),
        "object_id": obj.pk,
    }


def report(obj: models.Model, *, by: Member, reason: str) -> Report:
    """`by` reports `obj` (what they see, not their own) with `reason`; the moderators of its
    feature are told (one notification gathering the reports until they look). A second open
    report of the same thing by the same member raises AlreadyReported."""
    kind = registry.kind_of(obj)
    if kind is None or not permissions.can_report_object(by, kind, obj):
        raise PermissionDenied(_("You cannot report this."))
    try:
        with transaction.atomic():
            made = Report.objects.create(reporter=by, reason=reason, **target_filter(kind, obj))
    except IntegrityError:
        raise AlreadyReported from None
    invalidate(REPORTS_TAG)
    notify(
        REPORT_KIND,
        queries.moderators_of(kind.feature),
        actor=by,
        about=About(
            target=None,
            url=reverse("moderation:queue"),
            title=kind.title(obj),
            excerpt=reason,
        ),
        group_key="moderation-reports",
    )
    return made


def resolve(kind: registry.Kind, obj: models.Model, *, by: Member, resolution: str) -> int:
    """Closes every open report of `obj`; returns how many."""
    closed = (
        Report.objects.open()
        .filter(**target_filter(kind, obj))
        .update(resolved_at=timezone.now(), resolved_by=by, resolution=resolution)
    )
    if closed:
        invalidate(REPORTS_TAG)
    return closed


def _check(by: Member, kind: registry.Kind) -> None:
    if not permissions.can_moderate(by, kind):
        raise PermissionDenied(_("You do not moderate this part of the network."))


def _label(kind: registry.Kind, obj: models.Model) -> str:
    return f"{kind.label}: {kind.title(obj)}"


@transaction.atomic
def hide(kind: registry.Kind, obj: models.Model, *, by: Member, reason: str = "") -> None:
    """Hides `obj` through its app (gone at once from every page, list, activity entry,
    notification and feed; its author and moderators still see it) and resolves its reports."""
    _check(by, kind)
    if kind.hide is None:
        raise PermissionDenied(_("This cannot be hidden."))
    kind.hide(obj, by)
    actionlog.record(by, "hide", obj, label=_label(kind, obj), reason=reason)
    resolve(kind, obj, by=by, resolution=Report.Resolution.HIDDEN)


@transaction.atomic
def show(kind: registry.Kind, obj: models.Model, *, by: Member, reason: str = "") -> None:
    _check(by, kind)
    if kind.show is None:
        raise PermissionDenied(_("This cannot be shown again."))
    kind.show(obj, by)
    actionlog.record(by, "show", obj, label=_label(kind, obj), reason=reason)


@transaction.atomic
def delete(kind: registry.Kind, obj: models.Model, *, by: Member, reason: str = "") -> None:
    """Deletes `obj` through its app's delete service and resolves its reports."""
    _check(by, kind)
    if kind.delete is None:
        raise PermissionDenied(_("This cannot be deleted here."))
    actionlog.record(by, "delete", obj, label=_label(kind, obj), reason=reason)
    resolve(kind, obj, by=by, resolution=Report.Resolution.DELETED)
    kind.delete(obj, by)


@transaction.atomic
def dismiss(kind: registry.Kind, obj: models.Model, *, by: Member, reason: str = "") -> int:
    """Nothing to act on: closes the open reports of `obj`."""
    _check(by, kind)
    actionlog.record(by, "dismiss-reports", obj, label=_label(kind, obj), reason=reason)
    return resolve(kind, obj, by=by, resolution=Report.Resolution.DISMISSED)


def gone_reports(kind: registry.Kind, pk: int) -> "models.QuerySet[Report]":
    """The open reports of `kind`'s row `pk`, which no longer exists."""
    content_type = ContentType.objects.get_for_model(kind.model)
    return Report.objects.open().filter(content_type=content_type, object_id=pk)


@transaction.atomic
def dismiss_gone(kind: registry.Kind, pk: int, *, by: Member) -> int:
    """Closes the reports of something deleted meanwhile (by its author, with its post…)."""
    _check(by, kind)
    if kind.get(pk) is not None:
        raise PermissionDenied(_("It still exists: dismiss its reports from the queue."))
    closed = gone_reports(kind, pk).update(
        resolved_at=timezone.now(), resolved_by=by, resolution=Report.Resolution.GONE
    )
    if closed:
        invalidate(REPORTS_TAG)
    return closed


@transaction.atomic
def warn(kind: registry.Kind, obj: models.Model, *, by: Member, reason: str) -> Member:
    """Tells the author of `obj` (or the reported member) that moderators found it out of
    line, with `reason`: a notification and an email; resolves the reports. Returns them."""
    _check(by, kind)
    author = kind.author_of(obj)
    if author is None or not author.is_active:
        raise PermissionDenied(_("There is nobody to warn."))
    title = kind.title(obj)
    url = kind.url(obj)
    actionlog.record(by, "warn", author, reason=f"{_label(kind, obj)} — {reason}"[:2000])
    resolve(kind, obj, by=by, resolution=Report.Resolution.WARNED)
    notify(
        WARNING_KIND,
        [author],
        actor=None,
        about=About(target=None, url=url or author.get_absolute_url(), title=title, excerpt=reason),
    )
    if author.email and author.email_confirmed:
        context = {
            "network": current_network(),
            "member": author,
            "title": title,
            "reason": reason,
            "url": absolute(url) if url else "",
            "is_member": kind.author == "",
        }
        subject = render_to_string("moderation/email/warning_subject.txt", context)
        queue_email(
            " ".join(subject.split()),
            render_to_string("moderation/email/warning_body.txt", context),
            [author.address],
        )
    return author


@transaction.atomic
def suspend_author(
    kind: registry.Kind,
    obj: models.Model,
    *,
    by: Member,
    reason: str,
    delete_content: bool = False,
) -> Member:
    """Suspends the author of `obj` (or the reported member) and resolves the reports of
    `obj`; with `delete_content` their content goes too (`obj` with it)."""
    _check(by, kind)
    author = kind.author_of(obj)
    if author is None:
        raise PermissionDenied(_("There is nobody to suspend."))
    resolve(kind, obj, by=by, resolution=Report.Resolution.SUSPENDED)
    suspend(author, by=by, reason=reason, delete_content=delete_content)
    return author


# --- Approval (moderation/approval.py) --------------------------------------------------------


@transaction.atomic
def approve(kind: registry.Kind, obj: models.Model, *, by: Member, reason: str = "") -> None:
    """Publishes something that waited for approval, through its app."""
    _check(by, kind)
    if kind.approve is None:
        raise PermissionDenied(_("This cannot be approved."))
    kind.approve(obj, by)
    actionlog.record(by, "approve", obj, label=_label(kind, obj), reason=reason)


@transaction.atomic
def reject(kind: registry.Kind, obj: models.Model, *, by: Member, reason: str) -> None:
    """Sends something that waited for approval back to its author (their draft again), with
    `reason`: a notification and an email."""
    _check(by, kind)
    if kind.reject is None:
        raise PermissionDenied(_("This cannot be rejected."))
    # What names it, read before: most kinds delete what is rejected (posts go back to drafts).
    pk = obj.pk
    author = kind.author_of(obj)
    title = kind.title(obj)
    url = kind.url(obj)
    label = _label(kind, obj)
    kind.reject(obj, by)
    kept = kind.get(pk) is not None
    if not kept:
        obj.pk = pk  # the log names what went
        url = ""
    actionlog.record(by, "reject", obj, label=label, reason=reason)
    if author is None or not author.is_active:
        return
    notify(
        approval.REJECTED_KIND,
        [author],
        actor=None,
        about=About(target=obj if kept else None, url=url, title=title, excerpt=reason),
    )
    if author.email and author.email_confirmed:
        context = {
            "network": current_network(),
            "member": author,
            "title": title,
            "reason": reason,
            "kept": kept,
            "url": absolute(url) if url else "",
        }
        subject = render_to_string("moderation/email/rejected_subject.txt", context)
        queue_email(
            " ".join(subject.split()),
            render_to_string("moderation/email/rejected_body.txt", context),
            [author.address],
        )


# --- Notes about members ------------------------------------------------------------------------


@transaction.atomic
def add_note(member: Member, *, by: Member, body: str) -> MemberNote:
    if not permissions.can_see_member_notes(by):
        raise PermissionDenied(_("Only the network's moderators can do this."))
    return MemberNote.objects.create(
        member=member, author=by, author_name=by.display_name, body=body
    )
