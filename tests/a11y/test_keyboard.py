"""By keyboard alone, in Chromium: the skip link is the first stop and shows itself; the post
form is filled and sent, its "Add another link" button adds a row and puts the cursor in it;
focus is always visible."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from blogs.models import Post
from members.models import Member
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(
        """() => {
            const e = document.activeElement, s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            return {tag: e.tagName, id: e.id, name: e.getAttribute('name'),
                    text: e.textContent.trim(), outline: s.outlineStyle,
                    top: r.top, height: r.height};
        }"""
    )
    return found


def test_a_member_writes_a_post_with_three_links_by_keyboard(
    page: Page, live_server: Any, network: Any, member: Member
) -> None:
    sign_in(page, live_server.url, member)
    page.goto(f"{live_server.url}/blog/new/")

    # The first Tab lands on the skip link, shown on the page with a visible ring.
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to content"
    assert skip["outline"] != "none" and skip["top"] >= 0 and skip["height"] > 0
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "content"

    # From the main content: the title is the first field.
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "title"
    page.keyboard.type("Letters from Quetta")
    page.locator("#id_body").focus()
    page.keyboard.type("A long winter, told in letters.")

    # Two empty link rows are there; the button adds a third and the cursor goes into it.
    for n in (0, 1):
        page.locator(f"#id_links-{n}-url").focus()
        page.keyboard.type(f"https://example.org/{n}")
        page.keyboard.press("Tab")
        assert focused(page)["name"] == f"links-{n}-title"
        page.keyboard.type(f"Letter {n}")
    add = page.get_by_role("button", name="Add another link")
    expect(add).to_be_visible()
    add.focus()
    page.keyboard.press("Enter")
    assert focused(page)["name"] == "links-2-url"
    expect(page.get_by_role("group", name="Link 3")).to_be_visible()
    expect(page.locator("#id_links-2-DELETE")).to_have_count(0)
    page.keyboard.type("https://example.org/2")
    page.keyboard.press("Tab")
    page.keyboard.type("Letter 2")

    page.get_by_role("button", name="Publish").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Letters from Quetta")).to_be_visible()
    post = Post.objects.get(title="Letters from Quetta")
    assert sorted(post.related_links.values_list("url", flat=True)) == [
        "https://example.org/0",
        "https://example.org/1",
        "https://example.org/2",
    ]
