"""The member page shows the answers the viewer may see, and featuring a member."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member
from members.models import Member
from profiles.models import Question, Visibility
from profiles.services import remove_question, save_answers, save_question, set_featured

from .helpers import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(creator, member):
    questions = [
        ask(creator, "City"),
        ask(creator, "Employer", visibility=Visibility.MEMBERS),
        ask(creator, "Phone", visibility=Visibility.ADMINS),
        ask(creator, "Website", Question.Kind.LINK),
        ask(creator, "Interests", Question.Kind.CHOICES, choices=["Cricket", "Poetry"]),
        ask(creator, "Birthday", Question.Kind.DATE),
    ]
    values = ["Toronto", "Acme", "555-0100", "https://example.org/b", ["Cricket", "Poetry"]]
    save_answers(member, {q.pk: v for q, v in zip(questions, [*values, "1984-03-09"], strict=True)})
    return questions


def page(client: Client, member: Member) -> str:
    response = client.get(member.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitor_sees_the_answers_for_everyone(visitor, member, answered):
    html = page(visitor, member)
    assert "Toronto" in html and "Cricket, Poetry" in html and "March 9, 1984" in html
    assert '<a href="https://example.org/b" rel="nofollow ugc noopener">' in html
    assert "Acme" not in html and "555-0100" not in html


def test_a_member_sees_members_answers_too(other_member, member, answered):
    html = page(client_for(other_member), member)
    assert "Toronto" in html and "Acme" in html and "555-0100" not in html


def test_the_member_sees_all_their_answers_marked(member, answered):
    html = page(client_for(member), member)
    assert "555-0100" in html and "only administrators and you see this" in html


def test_administrators_see_every_answer_and_removed_questions(
    creator, admin_member, other_member, member, answered
):
    remove_question(answered[0], by=creator)
    html = page(client_for(admin_member), member)
    assert "555-0100" in html and "Answers to removed questions" in html
    assert html.index("Answers to removed questions") < html.index("Toronto")
    for viewer in (Client(), client_for(other_member), client_for(member)):
        assert "Toronto" not in page(viewer, member)


def test_the_visitors_page_is_cached_and_refreshed_by_an_answer(visitor, creator, member, answered):
    first = visitor.get(member.get_absolute_url())
    assert first["X-Cache"] == "miss"
    assert visitor.get(member.get_absolute_url())["X-Cache"] == "hit"
    save_answers(member, {answered[0].pk: "Lahore"})
    again = visitor.get(member.get_absolute_url())
    assert again["X-Cache"] == "miss" and b"Lahore" in again.content
    # Another member's answer leaves this page cached.
    other = make_member("Other", "other@example.org")
    assert visitor.get(member.get_absolute_url())["X-Cache"] == "hit"
    save_answers(other, {answered[0].pk: "Oslo"})
    assert visitor.get(member.get_absolute_url())["X-Cache"] == "hit"
    # A question's change shows on every member's page.
    answered[0].label = "Home town"
    save_question(answered[0], by=creator)
    again = visitor.get(member.get_absolute_url())
    assert again["X-Cache"] == "miss" and b"Home town" in again.content


def test_administrators_feature_a_member_from_their_page(admin_member, member, visitor):
    client = client_for(admin_member)
    html = page(client, member)
    assert "Feature in the directory" in html
    assert "Feature in the directory" not in page(client_for(member), member)
    assert "Feature in the directory" not in page(visitor, member)
    url = reverse("profiles:feature", args=[member.handle])
    assert client.post(url, {"featured": "1"})["Location"] == member.get_absolute_url()
    member.refresh_from_db()
    assert member.featured_at is not None
    assert "Featured member" in page(visitor, member)
    assert "Stop featuring" in page(client, member)
    client.post(url, {"featured": "0"})
    member.refresh_from_db()
    assert member.featured_at is None
    assert "Featured member" not in page(visitor, member)


def test_a_feature_request_without_a_choice_is_refused(admin_member, member):
    url = reverse("profiles:feature", args=[member.handle])
    response = client_for(admin_member).post(url, {"featured": "maybe"})
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.featured_at is None


def test_only_administrators_feature(member, other_member):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        set_featured(other_member, by=member, featured=True)
    url = reverse("profiles:feature", args=[other_member.handle])
    assert client_for(member).post(url, {"featured": "1"}).status_code == 403
