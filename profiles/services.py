"""Every write of profile questions, answers and featured members."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lib.cachetags import cached, invalidate
from lib.ordering import swap_with_neighbour
from members.models import Member

from .models import Answer, Question
from .permissions import can_feature_members, can_manage_questions

QUESTION_FIELDS = ("label", "help_text", "choices", "required", "visibility", "searchable")


def active_questions() -> list[Question]:
    """The questions asked now, in order; read once until one changes."""
    return cached(
        "profiles:questions", lambda: list(Question.objects.active()), ["profile-questions"]
    )


def _check_manager(by: object) -> None:
    if not can_manage_questions(by):
        raise PermissionDenied


@transaction.atomic
def save_question(question: Question, *, by: object) -> Question:
    """Adds a question (last in order) or saves an edited one. The kind of an existing
    question does not change: its answers were given for that kind."""
    _check_manager(by)
    if not question.has_choices:
        question.choices = []
    if question.pk is None:
        last = Question.objects.aggregate(last=Max("position"))["last"]
        question.position = 0 if last is None else last + 1
        question.save()
    else:
        kind = Question.objects.values_list("kind", flat=True).get(pk=question.pk)
        question.kind = kind
        if not question.has_choices:
            question.choices = []
        question.save(update_fields=[*QUESTION_FIELDS, "kind"])
    invalidate(*question.cache_tags())
    return question


@transaction.atomic
def remove_question(question: Question, *, by: object) -> None:
    """No longer asked nor shown; its answers stay, readable to administrators."""
    _check_manager(by)
    Question.objects.filter(pk=question.pk, removed_at=None).update(removed_at=timezone.now())
    invalidate(*question.cache_tags())


@transaction.atomic
def move_question(question: Question, *, by: object, up: bool) -> None:
    """Swaps the question with the one before (or after) it among the questions asked."""
    _check_manager(by)
    questions = list(Question.objects.active().select_for_update().order_by("position", "id"))
    if not swap_with_neighbour(questions, question.pk, up=up):
        return
    # Positions renumbered from 0: equal or scattered positions (an import) come out in order.
    for position, q in enumerate(questions):
        q.position = position
    Question.objects.bulk_update(questions, ["position"])
    invalidate(*question.cache_tags())


def answer_text(value: object) -> str:
    """What is stored for a form's cleaned value: text, choices one a line, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(str(v).strip() for v in value if str(v).strip())
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value).strip()


@transaction.atomic
def save_answers(member: Member, answers: Mapping[int, object]) -> None:
    """Stores `member`'s answers to the questions asked now (question id → cleaned value); an
    empty answer removes the stored one. Answers to removed questions are left as they are."""
    asked = {q.pk for q in active_questions()}
    texts = {pk: answer_text(value) for pk, value in answers.items() if pk in asked}
    if not texts:
        return
    stored = {a.question_id: a for a in Answer.objects.filter(member=member, question__in=texts)}
    now = timezone.now()
    new, changed, emptied = [], [], []
    for pk, text in texts.items():
        answer = stored.get(pk)
        if not text:
            if answer is not None:
                emptied.append(answer.pk)
        elif answer is None:
            new.append(Answer(member=member, question_id=pk, value=text, updated_at=now))
        elif answer.value != text:
            answer.value, answer.updated_at = text, now
            changed.append(answer)
    if not (new or changed or emptied):
        return
    Answer.objects.filter(pk__in=emptied).delete()
    Answer.objects.bulk_update(changed, ["value", "updated_at"])
    Answer.objects.bulk_create(new)
    invalidate(f"profile:{member.pk}", "directory")


@transaction.atomic
def set_featured(member: Member, *, by: object, featured: bool) -> None:
    """Features a member in the directory (first, the most recently featured first), or not."""
    if not can_feature_members(by):
        raise PermissionDenied
    when = timezone.now() if featured else None
    if (member.featured_at is None) == (when is None):
        return
    member.featured_at = when
    member.save(update_fields=["featured_at"])
    invalidate(f"profile:{member.pk}", "directory")


def delete_answers_of(member: Member) -> None:
    """A leaving step (members.removal): the answers of a member who leaves are personal data
    and go with them, whatever they keep of their posts and comments."""
    Answer.objects.filter(member=member).delete()
    invalidate(f"profile:{member.pk}", "directory")
