"""Questions for the tests, made through the service as an administrator would."""

from typing import Any

from members.models import Member
from profiles.models import Question, Visibility
from profiles.services import save_question


def ask(by: Member, label: str, kind: str = Question.Kind.SHORT, **fields: Any) -> Question:
    fields.setdefault("visibility", Visibility.EVERYONE)
    return save_question(Question(label=label, kind=kind, **fields), by=by)


def field(question: Question) -> str:
    return f"question_{question.pk}"
