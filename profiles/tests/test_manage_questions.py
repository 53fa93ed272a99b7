"""Administrators define the profile questions at /manage/questions/."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from conftest import client_for
from profiles.models import Answer, Question
from profiles.services import move_question, remove_question, save_question

from .helpers import ask

pytestmark = pytest.mark.django_db


def form(**overrides: str) -> dict[str, str]:
    return {
        "label": "City",
        "help_text": "Where you live now.",
        "kind": "short",
        "choices_text": "",
        "visibility": "everyone",
        **overrides,
    }


def test_the_creator_adds_a_question_of_each_kind(creator):
    client = client_for(creator)
    for kind in ("short", "long", "date", "link"):
        response = client.post(reverse("profiles:question_new"), form(label=kind, kind=kind))
        assert response.status_code == 302
    client.post(
        reverse("profiles:question_new"),
        form(label="Batch", kind="choice", choices_text="1990\n1991\n\n1991\n 1992 "),
    )
    client.post(
        reverse("profiles:question_new"),
        form(label="Interests", kind="choices", choices_text="Cricket\nPoetry", required="on"),
    )
    questions = list(Question.objects.all())
    assert [q.label for q in questions] == ["short", "long", "date", "link", "Batch", "Interests"]
    assert [q.position for q in questions] == [0, 1, 2, 3, 4, 5]
    assert questions[4].choices == ["1990", "1991", "1992"]
    assert questions[5].required and not questions[4].required
    page = client.get(reverse("profiles:questions"))
    assert b"Interests" in page.content and b"Multiple choice" in page.content


def test_a_choice_question_needs_choices_and_a_refusal_keeps_what_was_typed(creator):
    response = client_for(creator).post(
        reverse("profiles:question_new"), form(label="Batch year", kind="choice")
    )
    assert response.status_code == 400
    assert b"Give at least one choice" in response.content
    assert b'value="Batch year"' in response.content
    assert not Question.objects.exists()


def test_choices_of_a_text_question_are_dropped(creator):
    client_for(creator).post(reverse("profiles:question_new"), form(choices_text="A\nB"))
    assert Question.objects.get().choices == []


def test_editing_keeps_the_kind_and_the_answers(creator, member):
    question = ask(creator, "Batch", Question.Kind.CHOICE, choices=["1990", "1991"])
    Answer.objects.create(member=member, question=question, value="1990")
    response = client_for(creator).post(
        reverse("profiles:question_edit", args=[question.pk]),
        form(label="Graduation batch", kind="date", choices_text="2000\n2001"),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.label == "Graduation batch"
    assert question.kind == Question.Kind.CHOICE
    assert question.choices == ["2000", "2001"]
    assert Answer.objects.get().value == "1990"


def test_removing_asks_first_then_keeps_the_answers(creator, member):
    question = ask(creator, "Hostel")
    Answer.objects.create(member=member, question=question, value="Iqbal Hall")
    client = client_for(creator)
    url = reverse("profiles:question_remove", args=[question.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"1 answer stays readable" in page.content
    assert client.post(url).status_code == 302
    question.refresh_from_db()
    assert question.is_removed
    assert Answer.objects.filter(question=question).count() == 1
    assert not Question.objects.active().exists()
    listed = client.get(reverse("profiles:questions"))
    assert b"Removed questions" in listed.content
    assert client.get(url).status_code == 404


def test_up_and_down_reorder_the_questions(creator):
    a, b, c = (ask(creator, label) for label in "ABC")
    client = client_for(creator)
    client.post(reverse("profiles:question_move", args=[c.pk]), {"direction": "up"})
    assert [q.label for q in Question.objects.active()] == ["A", "C", "B"]
    client.post(reverse("profiles:question_move", args=[a.pk]), {"direction": "down"})
    assert [q.label for q in Question.objects.active()] == ["C", "A", "B"]
    # The first does not go further up; a removed question is skipped.
    client.post(reverse("profiles:question_move", args=[c.pk]), {"direction": "up"})
    remove_question(a, by=creator)
    client.post(reverse("profiles:question_move", args=[b.pk]), {"direction": "up"})
    assert [q.label for q in Question.objects.active()] == ["B", "C"]


def test_a_move_by_htmx_answers_the_list_alone(creator):
    a, b = ask(creator, "A"), ask(creator, "B")
    response = client_for(creator).post(
        reverse("profiles:question_move", args=[b.pk]),
        {"direction": "up"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<ol id="questions"')
    assert response.content.index(b">B<") < response.content.index(b">A<")
    del a


def test_a_move_without_a_direction_is_refused(creator):
    question = ask(creator, "A")
    response = client_for(creator).post(
        reverse("profiles:question_move", args=[question.pk]), {"direction": "sideways"}
    )
    assert response.status_code == 400
    assert b"Choose to move the question up or down" in response.content


def test_members_and_moderators_may_not_manage_questions(member, creator):
    question = ask(creator, "A")
    assert client_for(member).get(reverse("profiles:questions")).status_code == 403
    with pytest.raises(PermissionDenied):
        save_question(Question(label="X", kind="short"), by=member)
    with pytest.raises(PermissionDenied):
        remove_question(question, by=member)
    with pytest.raises(PermissionDenied):
        move_question(question, by=member, up=True)
