"""Helpers shared by the browser tests: sign-in through the real form, and ready-made posts."""

from playwright.sync_api import Page, expect

from blogs.models import Post
from blogs.services import LinkData, save_post
from conftest import PASSWORD
from members.models import Member


def sign_in(page: Page, base_url: str, member: Member, next_url: str = "/") -> None:
    """Signs in through the sign-in page with email and password, as a person would."""
    page.goto(f"{base_url}/signin/?next={next_url}")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def publish_post(
    author: Member,
    *,
    title: str,
    body: str,
    tags: list[str] | None = None,
    links: list[LinkData] | None = None,
) -> Post:
    return save_post(
        Post(),
        author=author,
        title=title,
        body=body,
        tags=tags or [],
        links=links or [],
        publish=True,
    )
