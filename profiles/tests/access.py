"""Profiles' part of the access matrix (tests/test_access_matrix.py): the profile questions
at /manage/questions/ and featuring a member, for the creator and administrators only."""

from collections.abc import Callable
from typing import Any

from profiles.models import Question, Visibility
from profiles.services import remove_question, save_question
from tests.test_access_matrix import ADMINS_ACT, LOGIN, REDIRECT, World, row


def _question(w: World) -> Question:
    return save_question(
        Question(label="Graduation year", kind=Question.Kind.SHORT, searchable=True),
        by=w.creator,
    )


def _removed_question(w: World) -> Question:
    question = save_question(
        Question(label="Old hostel", kind=Question.Kind.SHORT, visibility=Visibility.MEMBERS),
        by=w.creator,
    )
    remove_question(question, by=w.creator)
    return question


MATRIX = {
    "profiles:questions": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "profiles:question_new": ADMINS_ACT,
    "profiles:question_edit": ADMINS_ACT,
    # A removed question is not edited or removed again: 404 for administrators.
    "profiles:question_edit@removed": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(404, 404)),
    "profiles:question_remove": ADMINS_ACT,
    # POST only: moves the question up or down and goes back to the list.
    "profiles:question_move": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
    # Featuring a member in the directory: a confirmation page, then the POST.
    "profiles:feature": ADMINS_ACT,
}

KWARGS: dict[str, Callable[[World], dict[str, Any]]] = {
    "profiles:question_edit": lambda w: {"pk": w.question.pk},
    "profiles:question_edit@removed": lambda w: {"pk": w.removed_question.pk},
    "profiles:question_remove": lambda w: {"pk": w.question.pk},
    "profiles:question_move": lambda w: {"pk": w.question.pk},
    "profiles:feature": lambda w: {"handle": w.author.handle},
}


def _question_form(w: World) -> dict[str, str]:
    return {
        "label": "City",
        "help_text": "Where you live now.",
        "kind": "short",
        "choices_text": "",
        "visibility": "everyone",
        "searchable": "on",
    }


POST_DATA: dict[str, Callable[[World], dict[str, str]]] = {
    "profiles:question_new": _question_form,
    "profiles:question_edit": _question_form,
    "profiles:question_move": lambda w: {"direction": "up"},
    "profiles:feature": lambda w: {"featured": "1"},
}

OBJECTS: dict[str, Callable[[World], Any]] = {
    "question": _question,
    "removed_question": _removed_question,
}


def _choice_question(w: World) -> Question:
    return save_question(
        Question(
            label="Campus",
            kind=Question.Kind.CHOICE,
            choices=["Lahore", "Karachi", "Online"],
        ),
        by=w.creator,
    )


# Every world asks two optional questions at join (and in profile settings), so the
# hostile-input pass sends its payloads to those fields as well.
WORLD_SETUP: list[Callable[[World], object]] = [
    lambda w: w.question,
    lambda w: w.choice_question,
]
OBJECTS["choice_question"] = _choice_question
