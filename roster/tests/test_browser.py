"""In Chromium: an administrator finds a member in /manage/members/, makes them a moderator of
the forum and gives them a badge; the badge shows beside their name on their page."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from conftest import make_member
from members.models import Badge, Member
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_finds_a_member_changes_their_role_and_gives_a_badge(
    page: Page, live_server: Any, network: Any, admin_member: Member
) -> None:
    hina = make_member("Hina Baig", "hina@example.org")
    make_member("Omar Farooq", "omar@example.org")
    Badge.objects.create(name="Volunteer")
    sign_in(page, live_server.url, admin_member, "/manage/members/")

    page.get_by_label("Name or email").fill("hina")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    rows = page.locator(".roster-table tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name="Hina Baig").click()

    page.get_by_label("Moderator").check()
    page.get_by_label("Forum").check()
    page.get_by_role("button", name="Save the role").click()
    expect(page.locator(".roster-facts")).to_contain_text("Moderator (forum)")

    page.get_by_label("Volunteer").check()
    page.get_by_role("button", name="Save the badges").click()
    expect(page.get_by_text("The badges are saved.")).to_be_visible()

    page.get_by_role("link", name="Their page").click()
    expect(page.locator(".member-badges")).to_contain_text("Volunteer")
    expect(page.locator(".profile .byline")).to_contain_text("Moderator")
    hina.refresh_from_db()
    assert hina.moderator_scopes == ["forum"]
