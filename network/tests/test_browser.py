"""In Chromium: the creator adds a feed box whose feed a local test server serves (the one
server lib/fetch.py is told to allow); the feed is down at first, so the creator sees why
beside the box and visitors see nothing; the scheduler's job reads it once it is up and
visitors see its items on the home page. Then the boxes are reordered with the keyboard alone
(the Move up button), and the new order shows on the home page."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from lib import scheduler
from network.models import SidebarBox
from tests.browser.conftest import sign_in

from .feedserver import FeedServer, feed_server, rss

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def server(settings: Any) -> Iterator[FeedServer]:
    with feed_server(settings) as running:
        yield running


def test_a_feed_box_filled_by_the_job_shows_on_the_home_page(
    browser: Browser, live_server, network, creator, server
):
    url = server.serve("/news.xml", b"down for maintenance", status=503, kind="text/plain")
    page = browser.new_context().new_page()
    sign_in(page, live_server.url, creator)
    page.goto(f"{live_server.url}/manage/sidebar/new/")
    page.get_by_label("Kind").select_option(label="Another site's feed (RSS or Atom)")
    page.get_by_label("Title").fill("Harbour News")
    page.get_by_label("Feed address").fill(url)
    page.get_by_label("Items shown").fill("2")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The feed box is saved")).to_be_visible()

    # Read at once (the immediate task backend of the tests), and failed: the creator is told.
    page.goto(f"{live_server.url}/")
    box = page.locator(".sidebar .box", has_text="Harbour News")
    expect(box).to_contain_text("Last fetch failed at")
    expect(box).to_contain_text("The server answered HTTP 503.")
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/")
    expect(visitor.locator(".sidebar")).not_to_contain_text("Harbour News")

    # The feed is back; the scheduler's job reads it.
    server.serve(
        "/news.xml",
        rss(
            ("Boats back in the harbour", "https://harbour.example.org/boats", ""),
            ("Regatta on Sunday", "https://harbour.example.org/regatta", ""),
            ("Not shown: only two items", "https://harbour.example.org/3", ""),
        ),
    )
    assert "refresh-sidebar-feeds" in scheduler.run_due()
    visitor.goto(f"{live_server.url}/")
    box = visitor.locator(".sidebar .box", has_text="Harbour News")
    expect(box.get_by_role("link", name="Boats back in the harbour")).to_have_attribute(
        "href", "https://harbour.example.org/boats"
    )
    expect(box.get_by_role("link", name="Regatta on Sunday")).to_be_visible()
    expect(box).not_to_contain_text("Not shown")
    expect(box).not_to_contain_text("Last fetch failed")
    page.reload()
    expect(page.locator(".sidebar .box", has_text="Harbour News")).not_to_contain_text(
        "Last fetch failed"
    )


def test_boxes_are_reordered_with_the_keyboard(browser: Browser, live_server, network, creator):
    SidebarBox.objects.create(title="Campus links", body_html="<p>a</p>", position=0)
    SidebarBox.objects.create(title="Old friends", body_html="<p>b</p>", position=1)
    page = browser.new_context().new_page()
    sign_in(page, live_server.url, creator)
    page.goto(f"{live_server.url}/manage/sidebar/")
    row = page.locator(".sidebar-manage-row", has_text="Old friends")
    row.get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".sidebar-manage-row").first).to_contain_text("Old friends")
    page.goto(f"{live_server.url}/")
    titles = page.locator(".sidebar .box h2").all_inner_texts()
    assert titles.index("Old friends") < titles.index("Campus links")


def test_boxes_are_reordered_by_drag_and_drop(browser: Browser, live_server, network, creator):
    for i, title in enumerate(("Campus links", "Old friends", "Reunions")):
        SidebarBox.objects.create(title=title, body_html="<p>x</p>", position=i)
    page = browser.new_context().new_page()
    sign_in(page, live_server.url, creator)
    page.goto(f"{live_server.url}/manage/sidebar/")
    rows = page.locator(".sidebar-manage-row")
    rows.filter(has_text="Reunions").drag_to(
        rows.filter(has_text="Campus links"), target_position={"x": 20, "y": 5}
    )
    expect(page.get_by_role("status").filter(has_text="The new order is saved.")).to_be_visible()
    assert list(SidebarBox.objects.values_list("title", flat=True)) == [
        "Reunions",
        "Campus links",
        "Old friends",
    ]
    # The buttons follow the new order: the first box's Move up is off.
    expect(rows.first.get_by_role("button", name="Move up")).to_be_disabled()
