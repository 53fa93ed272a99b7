"""Anti-spam at joining: a honeypot field, and limits per address and per client."""

import pytest
from django.urls import reverse

from conftest import join_data
from members.models import Member

pytestmark = pytest.mark.django_db

JOIN = "/join/"


def test_the_honeypot_is_hidden_from_people_and_named_for_screen_readers(visitor) -> None:
    page = visitor.get(JOIN).content.decode()
    assert (
        '<div class="leave-empty"><label for="id_website">Leave this field empty</label>'
        '<input type="text" name="website" autocomplete="off" tabindex="-1"'
    ) in page
    # Hidden by the stylesheet (the CSP allows no style attribute).
    assert "access/access.css" in page and "style=" not in page


def test_a_filled_honeypot_answers_like_success_and_makes_nobody(visitor, smtp) -> None:
    response = visitor.post(JOIN, join_data(website="http://cheap-pills.example"))
    assert response.status_code == 302
    assert response.url == reverse("members:join_sent")
    page = visitor.get(response.url).content.decode()
    assert "Check your email" in page
    assert not Member.objects.filter(email="farah@example.org").exists()
    assert smtp.messages() == []


def test_joining_is_limited_per_client_with_a_clear_429(visitor, settings) -> None:
    settings.RATELIMIT_JOIN = (3, 3600)
    for i in range(3):
        visitor.post(JOIN, join_data(email=f"bot{i}@example.org", website="spam"))
    response = visitor.post(JOIN, join_data())
    assert response.status_code == 429
    assert "Too many attempts to join from here. Please try again later." in (
        response.content.decode()
    )
    assert not Member.objects.filter(email="farah@example.org").exists()
