"""The member page's answers (lib/sections.py), and the administrators' "Feature" button.

Visitors are served the member page from the page cache, so the answers are rendered once per
level of viewer (visitor, member, the member themselves, administrator: permissions.py) and
cached under the member's `profile:N` tag and `profile-questions`; nothing else about the
viewer goes into them."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from lib import sections
from lib.cachetags import cached

from .models import Answer, Question
from .permissions import can_feature_members, sees_removed_answers, viewer_level, visibilities_for


@dataclass(frozen=True)
class Shown:
    question: Question
    value: str

    @property
    def lines(self) -> list[str]:
        return self.value.splitlines()

    @property
    def href(self) -> str:
        """A link only to a web address (what the form allows; an import may bring others)."""
        return self.value if self.value.lower().startswith(("https://", "http://")) else ""

    @property
    def date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.value)
        except ValueError:
            return None


def _answers_html(member: Any, level: str) -> str:
    visible = visibilities_for(level)
    answers = sorted(
        Answer.objects.filter(member=member).select_related("question"),
        key=lambda a: (a.question.position, a.question.pk),
    )
    shown = [
        Shown(a.question, a.value)
        for a in answers
        if not a.question.is_removed and a.question.visibility in visible
    ]
    removed = (
        [Shown(a.question, a.value) for a in answers if a.question.is_removed]
        if sees_removed_answers(level)
        else []
    )
    context = {"member": member, "shown": shown, "removed": removed, "level": level}
    return render_to_string("profiles/_answers.html", context)


def member_answers(request: HttpRequest, member: Any) -> str:
    level = viewer_level(request.user, member)
    html = cached(
        f"profiles:answers:{member.pk}:{level}",
        lambda: _answers_html(member, level),
        [f"profile:{member.pk}", "profile-questions"],
    )
    if can_feature_members(request.user):
        # Administrators are never served cached pages: the button (with its CSRF token) is
        # rendered for them alone.
        html += render_to_string("profiles/_feature_button.html", {"member": member}, request)
    return html


def register_all() -> None:
    sections.register("member", "profiles.answers", member_answers, order=10)
