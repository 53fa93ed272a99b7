"""Views counted in Chromium: the post page's script sends its beacon under the site's
Content-Security-Policy, also when the page comes from the page cache; the author's own
visits send none; the count shows after the scheduler's flush."""

import time

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from blogs.models import Post
from blogs.services import flush_post_views
from conftest import make_post
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUCKET = 0.1


def visit(browser: Browser, url: str, user_agent: str) -> list[str]:
    """A visitor's browser opens the page; returns the beacons it sent and any CSP reports."""
    context = browser.new_context(user_agent=user_agent)
    page = context.new_page()
    problems: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            problems.append(message.text)

    page.on("console", record)
    with page.expect_request(lambda r: r.url.endswith("/view/") and r.method == "POST") as sent:
        page.goto(url)
    response = sent.value.response()
    assert response is not None
    context.close()
    return [f"{response.status}", *problems]


def test_visitors_views_count_from_fresh_and_cached_pages_the_authors_do_not(
    browser: Browser, page: Page, live_server, network, member, settings
):
    settings.VIEW_COUNT_BUCKET_SECONDS = BUCKET
    post = make_post(member, title="Class photo found")
    url = f"{live_server.url}{post.get_absolute_url()}"

    # The first visitor's page is rendered and stored, the second's comes from the cache.
    assert visit(browser, url, "Visitor one (test)") == ["204"]
    assert visit(browser, url, "Visitor two (test)") == ["204"]

    # The author reads their own post: no beacon.
    sign_in(page, live_server.url, member, post.get_absolute_url())
    beacons: list[str] = []
    page.on("request", lambda r: beacons.append(r.url) if r.url.endswith("/view/") else None)
    page.goto(url)
    expect(page.locator(".view-count")).to_contain_text("0 views")
    page.wait_for_timeout(300)
    assert beacons == []

    time.sleep(3 * BUCKET)
    flush_post_views()
    assert Post.objects.get(pk=post.pk).view_count == 2
    page.reload()
    expect(page.locator(".view-count")).to_contain_text("2 views")
