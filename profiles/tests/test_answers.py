"""Members answer the profile questions when they join and in their profile settings."""

import pytest
from django.urls import reverse

from conftest import client_for, join_data, make_member
from members.models import Member
from profiles.models import Answer, Question, Visibility
from profiles.services import remove_question

from .helpers import ask, field

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(creator):
    return {
        "year": ask(creator, "Graduation year", required=True, searchable=True),
        "city": ask(creator, "City"),
        "about": ask(creator, "What do you do?", Question.Kind.LONG),
        "batch": ask(creator, "Batch", Question.Kind.CHOICE, choices=["1990s", "2000s"]),
        "likes": ask(
            creator, "Interests", Question.Kind.CHOICES, choices=["Cricket", "Poetry", "Food"]
        ),
        "born": ask(creator, "Birthday", Question.Kind.DATE, visibility=Visibility.ADMINS),
        "site": ask(creator, "Website", Question.Kind.LINK),
    }


def answers_of(member: Member) -> dict[str, str]:
    return dict(Answer.objects.filter(member=member).values_list("question__label", "value"))


def test_the_join_form_asks_the_questions_and_keeps_the_answers(visitor, questions):
    page = visitor.get(reverse("members:join"))
    for question in questions.values():
        assert question.label.encode() in page.content
    data = join_data(
        **{
            field(questions["year"]): " 2006 ",
            field(questions["city"]): "Toronto",
            field(questions["about"]): "Software.\nAnd daal.",
            field(questions["batch"]): "2000s",
            field(questions["born"]): "1984-03-09",
            field(questions["site"]): "example.org/ayesha",
        }
    )
    data[field(questions["likes"])] = ["Cricket", "Food"]
    response = visitor.post(reverse("members:join"), data)
    assert response.status_code == 302
    member = Member.objects.get(email="farah@example.org")
    assert answers_of(member) == {
        "Graduation year": "2006",
        "City": "Toronto",
        "What do you do?": "Software.\nAnd daal.",
        "Batch": "2000s",
        "Interests": "Cricket\nFood",
        "Birthday": "1984-03-09",
        "Website": "https://example.org/ayesha",
    }


def test_a_required_question_is_required_and_a_refusal_keeps_what_was_typed(visitor, questions):
    data = join_data(**{field(questions["city"]): "Lahore"})
    response = visitor.post(reverse("members:join"), data)
    assert response.status_code == 400
    assert b"This field is required" in response.content
    assert b'value="Lahore"' in response.content
    assert not Member.objects.filter(email="farah@example.org").exists()
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("site", "javascript:alert(1)"),
        ("site", "ftp://example.org/file"),
        ("site", "https://user:secret@example.org/"),
        ("batch", "1980s"),
        ("born", "09/03/1984"),
        ("born", "1984-02-30"),
    ],
)
def test_answers_that_are_not_valid_are_refused(visitor, questions, kind, value):
    data = join_data(**{field(questions["year"]): "2006", field(questions[kind]): value})
    response = visitor.post(reverse("members:join"), data)
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_joining_with_a_taken_email_saves_no_answers(visitor, questions, member):
    data = join_data(email="bilal@example.org", **{field(questions["year"]): "1999"})
    response = visitor.post(reverse("members:join"), data)
    # The same answer as for a new member (the form tells nobody who is here) …
    assert response.status_code == 302
    assert response["Location"] == reverse("members:join_sent")
    # … but the member who has the address gets no answers from a stranger.
    assert not Answer.objects.exists()


def test_a_member_changes_their_answers_in_their_profile_settings(member, questions):
    client = client_for(member)
    Answer.objects.create(member=member, question=questions["city"], value="Karachi")
    Answer.objects.create(member=member, question=questions["likes"], value="Poetry\nFood")
    page = client.get(reverse("members:edit_profile"))
    assert b'value="Karachi"' in page.content
    assert page.content.count(b"checked") == 2
    data = {
        "display_name": "Bilal Ahmed",
        "about": "",
        field(questions["year"]): "2001",
        field(questions["city"]): "",
        field(questions["likes"]): ["Cricket"],
    }
    response = client.post(reverse("members:edit_profile"), data)
    assert response.status_code == 302
    assert answers_of(member) == {"Graduation year": "2001", "Interests": "Cricket"}


def test_profile_settings_refuse_a_missing_required_answer(member, questions):
    response = client_for(member).post(
        reverse("members:edit_profile"), {"display_name": "Bilal Ahmed", "about": "Hi"}
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_answers_to_removed_questions_stay_when_a_member_saves(creator, member, questions):
    Answer.objects.create(member=member, question=questions["city"], value="Karachi")
    remove_question(questions["city"], by=creator)
    page = client_for(member).get(reverse("members:edit_profile"))
    assert field(questions["city"]).encode() not in page.content  # no longer asked
    assert field(questions["year"]).encode() in page.content
    client_for(member).post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal", "about": "", field(questions["year"]): "2001"},
    )
    assert answers_of(member) == {"City": "Karachi", "Graduation year": "2001"}


def test_without_questions_the_forms_are_as_before(visitor, network):
    assert visitor.post(reverse("members:join"), join_data()).status_code == 302
    member = make_member("Zed", "zed@example.org")
    response = client_for(member).post(
        reverse("members:edit_profile"), {"display_name": "Zed", "about": ""}
    )
    assert response.status_code == 302
