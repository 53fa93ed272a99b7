"""What members write is shown as text: no script runs, no element is injected."""

import pytest
from playwright.sync_api import Page, expect

from conftest import make_post

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRIPT = "<script>alert('t')</script>"
IMG = "<img src=x onerror=alert('i')>"
PAYLOAD = f"{SCRIPT} {IMG}"


def assert_nothing_injected(page: Page, dialogs: list[str]) -> None:
    expect(page.locator('img[src="x"]')).to_have_count(0)
    expect(page.locator("[onerror]")).to_have_count(0)
    injected_scripts = page.evaluate(
        "() => [...document.scripts].filter(s => s.text.includes('alert(')).length"
    )
    assert injected_scripts == 0
    assert dialogs == []


def test_script_and_img_payloads_in_posts_and_comments_stay_text(
    page: Page, live_server, network, member, other_member
):
    post = make_post(member, title=f"Hello {PAYLOAD}", body=f"Before {PAYLOAD} after")
    dialogs: list[str] = []

    def record(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)

    # The comment goes through the UI, so the htmx swap of the section is covered too.
    sign_in(page, live_server.url, other_member, next_url=post.get_absolute_url())
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Add a comment").fill(f"Nice {PAYLOAD}")
    page.get_by_role("button", name="Add Comment").click()
    comment = page.locator("#comments .comment", has_text="Nice")
    expect(comment.locator(".comment-body")).to_have_text(f"Nice {PAYLOAD}")
    assert page.evaluate("window.stillTheSamePage") is True, "the form was not submitted by htmx"
    assert_nothing_injected(page, dialogs)

    # The post page, loaded afresh.
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hello {PAYLOAD}")
    expect(page.locator(".post-body")).to_contain_text(f"Before {PAYLOAD} after")
    expect(page.locator("#comments .comment-body")).to_have_text(f"Nice {PAYLOAD}")
    # Member-written text in the title is isolated (U+2068 … U+2069), and stays text.
    expect(page).to_have_title(f"\u2068Hello {PAYLOAD}\u2069 · \u2068Riverbend Alumni\u2069")
    expect(page.get_by_text(SCRIPT).first).to_be_visible()
    assert_nothing_injected(page, dialogs)

    # The listings show the title and the excerpt as text too.
    for path in ("/", "/blog/"):
        page.goto(f"{live_server.url}{path}")
        entry = page.locator("article.entry")
        expect(entry.get_by_role("heading")).to_have_text(f"Hello {PAYLOAD}")
        expect(entry.locator(".excerpt")).to_contain_text(f"Before {PAYLOAD} after")
        expect(entry.locator(".byline")).to_contain_text("1 Comment")
        assert_nothing_injected(page, dialogs)
