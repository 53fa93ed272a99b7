"""A visitor joins answering the profile questions, confirms the emailed link, and finds their
answers on their member page."""

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD, body_of
from members.models import Member
from profiles.models import Question

from .helpers import ask

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "dina@example.org"
NAME = "Dina Farouk"


def test_a_visitor_joins_answering_the_questions_and_sees_them_on_their_page(
    page: Page, live_server, network, creator, smtp
):
    ask(creator, "Graduation year", required=True, searchable=True)
    ask(creator, "City")
    ask(creator, "Interests", Question.Kind.CHOICES, choices=["Cricket", "Poetry", "Travel"])
    ask(creator, "Website", Question.Kind.LINK)

    page.goto(f"{live_server.url}/join/")
    page.get_by_label("Name").fill(NAME)
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_label("City").fill("Alexandria")
    page.get_by_label("Poetry").check()
    page.get_by_label("Travel").check()
    page.get_by_label("Website").fill("javascript:alert(1)")
    page.get_by_role("button", name="Join").click()

    # Refused: the year is required and the link is no web address; what was typed stays.
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.get_by_label("City")).to_have_value("Alexandria")
    expect(page.get_by_label("Poetry")).to_be_checked()
    assert not Member.objects.filter(email=EMAIL).exists()

    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_label("Graduation year").fill("2009")
    page.get_by_label("Website").fill("https://dina.example.org/")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1, name="Check your email")).to_be_visible()

    [message] = smtp.wait_for(EMAIL)
    match = re.search(r"https?://\S+/confirm/\S+", body_of(message))
    assert match, body_of(message)
    page.goto(match.group(0))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.get_by_role("link", name=NAME).first.click()
    expect(page.get_by_role("heading", level=1, name=NAME)).to_be_visible()
    answers = page.locator(".profile-answers")
    expect(answers).to_contain_text("2009")
    expect(answers).to_contain_text("Alexandria")
    expect(answers).to_contain_text("Poetry, Travel")
    expect(answers.get_by_role("link", name="https://dina.example.org/")).to_be_visible()
