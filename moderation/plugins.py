"""Moderation's own registrations (moderation/apps.py calls `register_all`): comments and
members, which sit below moderation; content apps register themselves."""

import contextlib

from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.utils.translation import gettext_lazy as _

from lib import sections
from lib.cachetags import cached
from members.models import Member
from members.permissions import is_moderator
from notifications import kinds
from notifications.kinds import Delivery
from notifications.models import Notification

from . import approval, permissions, registry
from .models import Report


def _comment_target(comment: models.Model) -> models.Model | None:
    return getattr(comment, "target", None)


def _comment_can_view(user: object, comment: models.Model) -> bool:
    from comments.permissions import can_see_comment
    from comments.registry import for_target

    target = _comment_target(comment)
    if target is None:
        return False
    try:
        commentable = for_target(target)
    except LookupError:
        return False
    return commentable.can_view(user, target) and can_see_comment(user, comment, target)  # type: ignore[arg-type]


def _comment_url(comment: models.Model) -> str:
    target = _comment_target(comment)
    if target is None or not hasattr(target, "get_absolute_url"):
        return ""
    return f"{target.get_absolute_url()}#comment-{comment.pk}"


def _comment_title(comment: models.Model) -> str:
    body = str(getattr(comment, "body", ""))
    return body if len(body) <= 80 else body[:79] + "…"


def _hide_comment(comment: models.Model, by: Member) -> None:
    from comments.services import set_hidden

    set_hidden(comment, True, by=by)  # type: ignore[arg-type]


def _show_comment(comment: models.Model, by: Member) -> None:
    from comments.services import set_hidden

    set_hidden(comment, False, by=by)  # type: ignore[arg-type]


def _delete_comment(comment: models.Model, by: Member | None) -> None:
    from comments.models import Comment
    from comments.services import delete_comment

    assert isinstance(comment, Comment)
    with contextlib.suppress(Comment.DoesNotExist):  # its target went first, with it
        delete_comment(comment, by=by)


def _approve_comment(comment: models.Model, by: Member) -> None:
    from comments.models import Comment
    from comments.services import approve_comment

    assert isinstance(comment, Comment)
    approve_comment(comment, by=by)


def _reject_comment(comment: models.Model, by: Member) -> None:
    from comments.models import Comment
    from comments.services import reject_comment

    assert isinstance(comment, Comment)
    with contextlib.suppress(Comment.DoesNotExist):  # its target went first, with it
        reject_comment(comment, by=by)


def _comment_needs_approval(author: Member, text: str) -> bool:
    return approval.needed(author, "comments", text)


def _member_can_view(user: object, member: models.Model) -> bool:
    return isinstance(member, Member) and member.is_active and not member.is_former


def _report_sentence(n: Notification) -> str:
    others = max(n.actor_count - 1, 0)
    if not others:
        return gettext("%(actor)s reported “%(title)s”: see the moderation queue")
    return ngettext(
        "%(actor)s and %(others)d other reported content: see the moderation queue",
        "%(actor)s and %(others)d others reported content: see the moderation queue",
        others,
    )


def _warning_sentence(n: Notification) -> str:
    return gettext("The moderators warned you about “%(title)s”")


def _pending_sentence(n: Notification) -> str:
    others = max(n.actor_count - 1, 0)
    if not others:
        return gettext("“%(title)s” by %(actor)s waits for approval")
    return ngettext(
        "%(actor)s and %(others)d other wrote content that waits for approval",
        "%(actor)s and %(others)d others wrote content that waits for approval",
        others,
    )


def _rejected_sentence(n: Notification) -> str:
    if n.target_id is None:  # a discussion, a comment, a photo, an event: it went
        return gettext("The moderators did not approve “%(title)s”: it was not published")
    return gettext("The moderators did not approve “%(title)s”: it is your draft again")


def open_report_count() -> int:
    """Open reports, remembered until one is made or resolved."""
    from .services import REPORTS_TAG

    return cached(
        "moderation:open-reports",
        lambda: Report.objects.open().values("content_type", "object_id").distinct().count(),
        [REPORTS_TAG],
    )


def member_nav(request: HttpRequest, user: object) -> str:
    """The moderation queue's link in moderators' navigation, with how many things wait."""
    if not permissions.can_use_queue(user):
        return ""
    waiting = open_report_count()
    if not waiting:
        return format_html(
            '<a href="{}">{}</a>', reverse("moderation:queue"), gettext("Moderation")
        )
    label = ngettext("%(n)d reported", "%(n)d reported", waiting) % {"n": waiting}
    return format_html(
        '<a href="{}">{} <span class="badge" aria-label="{}">{}</span></a>',
        reverse("moderation:queue"),
        gettext("Moderation"),
        label,
        waiting,
    )


def manage_nav(request: HttpRequest, user: object) -> str:
    links = []
    if permissions.can_use_queue(user):
        links.append(
            format_html(
                ' · <a href="{}">{}</a>', reverse("moderation:queue"), gettext("Moderation")
            )
        )
    if permissions.can_view_log(user):
        links.append(
            format_html(
                ' · <a href="{}">{}</a>', reverse("moderation:log"), gettext("Moderation log")
            )
        )
    return "".join(links)


def member_section(request: HttpRequest, member: object) -> str:
    """On a member's page: "Report" for members who may report them; moderators also get
    the link to the member's moderation record."""
    if not isinstance(member, Member):
        return ""
    user = getattr(request, "user", None)
    links = []
    if permissions.can_report(user) and user.pk != member.pk:
        report = reverse("moderation:report", args=["member", member.pk])
        links.append(
            format_html(
                '<a class="report-link" href="{}" rel="nofollow">{}</a>', report, gettext("Report")
            )
        )
    if permissions.can_use_queue(user):
        record = reverse("moderation:member", args=[member.pk])
        links.append(format_html('<a href="{}">{}</a>', record, gettext("Moderation record")))
    if not links:
        return ""
    return format_html(
        '<p class="report-line">{}</p>', format_html_join(" · ", "{}", ((link,) for link in links))
    )


def register_all() -> None:
    from comments import services as comments
    from comments.models import Comment

    # Comments sit below moderation: they ask through these hooks whether a new one waits.
    comments.approval_needed = _comment_needs_approval
    comments.approval_submitted = approval.submitted

    registry.register(
        Comment,
        feature="comments",
        hide=_hide_comment,
        show=_show_comment,
        delete=_delete_comment,
        author="author",
        title=_comment_title,
        url=_comment_url,
        can_view=_comment_can_view,
        label=_("comment"),
        prefetch_related=("target",),
        pending=lambda: Comment.objects.exclude(pending_at=None),
        approve=_approve_comment,
        reject=_reject_comment,
    )
    registry.register(
        Member,
        feature="members",
        hide=None,
        show=None,
        delete=None,
        author="",
        title=lambda m: str(getattr(m, "display_name", "")),
        url=lambda m: m.get_absolute_url(),
        can_view=_member_can_view,
        label=_("member"),
        goes_with_author=False,
    )
    kinds.register(
        kinds.Kind(
            name="moderation-report",
            label=gettext_lazy("Reports of content and members"),
            default=Delivery.EMAIL,
            sentence=_report_sentence,
            grouped=True,
            order=90,
            audience=is_moderator,
        )
    )
    kinds.register(
        kinds.Kind(
            name="moderation-warning",
            label=gettext_lazy("Warnings from the moderators"),
            default=Delivery.PAGE,  # the warning is emailed anyway (services.warn)
            sentence=_warning_sentence,
            order=91,
        )
    )
    kinds.register(
        kinds.Kind(
            name="moderation-pending",
            label=gettext_lazy("Content waiting for approval"),
            default=Delivery.EMAIL,
            sentence=_pending_sentence,
            grouped=True,
            order=92,
            audience=is_moderator,
        )
    )
    kinds.register(
        kinds.Kind(
            name="moderation-rejected",
            label=gettext_lazy("My content the moderators did not approve"),
            default=Delivery.PAGE,  # emailed anyway, with the reason (services.reject)
            sentence=_rejected_sentence,
            order=93,
        )
    )
    sections.register("member_nav", "moderation.queue", member_nav, order=5)
    sections.register("manage_nav", "moderation.manage", manage_nav, order=40)
    sections.register("member", "moderation.report", member_section, order=95)
