"""A member likes a post and a comment in Chromium: the button and count change in place,
without a reload, and stay so after one."""

import pytest
from playwright.sync_api import Page, expect

from comments.services import add_comment
from conftest import make_post
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_like_updates_in_place_and_after_a_reload(
    page: Page, live_server, network, creator, member, other_member
):
    post = make_post(creator, title="Reunion Plans")
    comment = add_comment(post, other_member, "Count me in.")
    sign_in(page, live_server.url, member, post.get_absolute_url())
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    loads = []
    page.on("load", lambda _page: loads.append(1))

    post_like = page.locator(f"#like-post-{post.pk}")
    post_like.get_by_role("button", name="Like", exact=True).click()
    expect(post_like.get_by_role("button", name="Unlike", exact=True)).to_be_visible()
    expect(post_like).to_contain_text("1 Like")

    comment_like = page.locator(f"#like-comment-{comment.pk}")
    comment_like.get_by_role("button", name="Like", exact=True).click()
    expect(comment_like.get_by_role("button", name="Unlike", exact=True)).to_be_visible()
    expect(comment_like).to_contain_text("1 Like")
    assert loads == []  # htmx swapped the buttons: no page load

    page.reload()
    expect(page.locator(f"#like-post-{post.pk}")).to_contain_text("1 Like")
    expect(
        page.locator(f"#like-comment-{comment.pk}").get_by_role("button", name="Unlike", exact=True)
    ).to_be_visible()

    page.locator(f"#like-post-{post.pk}").get_by_role("button", name="Unlike", exact=True).click()
    expect(
        page.locator(f"#like-post-{post.pk}").get_by_role("button", name="Like", exact=True)
    ).to_be_visible()
    expect(page.locator(f"#like-post-{post.pk}")).not_to_contain_text("1 Like")
    page.reload()
    expect(
        page.locator(f"#like-post-{post.pk}").get_by_role("button", name="Like", exact=True)
    ).to_be_visible()
