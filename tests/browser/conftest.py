"""Helpers shared by the browser tests: sign-in through the real form."""

from playwright.sync_api import Page, expect

from conftest import PASSWORD
from members.models import Member


def sign_in(page: Page, base_url: str, member: Member, next_url: str = "/") -> None:
    """Signs in through the sign-in page with email and password, as a person would."""
    page.goto(f"{base_url}/signin/?next={next_url}")
    page.get_by_label("Email").fill(member.address)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
