"""In a real browser: an administrator chooses the Night theme and the pages take its colours
(computed styles: the stylesheet is served, allowed by the Content-Security-Policy and read
after site.css); then their own colours, one pair refused for its contrast."""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def colours(page: Page) -> dict[str, str]:
    # The message may show before the theme's stylesheet has arrived (a loaded machine): the
    # page's load event waits for its stylesheets.
    page.wait_for_load_state("load")
    found: dict[str, str] = page.evaluate(
        """() => ({
            body: getComputedStyle(document.body).backgroundColor,
            text: getComputedStyle(document.body).color,
            nav: getComputedStyle(document.querySelector('.site-nav')).backgroundColor,
        })"""
    )
    return found


def test_the_chosen_theme_colours_the_pages(browser: Browser, live_server, admin_member):
    page = browser.new_context().new_page()
    visitor = browser.new_context().new_page()
    sign_in(page, live_server.url, admin_member)
    assert colours(page)["body"] == "rgb(243, 245, 247)"  # the default

    page.goto(f"{live_server.url}/manage/appearance/")
    page.get_by_label("Night").check()
    page.get_by_label("Footer text").fill("Riverbend Alumni Association")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The network's appearance is saved.")).to_be_visible()
    assert colours(page) == {
        "body": "rgb(20, 23, 26)",
        "text": "rgb(232, 234, 237)",
        "nav": "rgb(124, 196, 242)",
    }
    visitor.goto(f"{live_server.url}/")
    assert colours(visitor)["body"] == "rgb(20, 23, 26)"
    expect(visitor.locator(".footer-text")).to_have_text("Riverbend Alumni Association")

    # Their own colours: grey text on white is refused, with the pair and its ratio.
    page.goto(f"{live_server.url}/manage/appearance/")
    page.get_by_label("My own colours").check()
    page.get_by_label("Background").fill("#ffffff")
    page.get_by_label("Surface (panels)").fill("#ffffff")
    page.locator("#id_text").fill("#aaaaaa")
    page.get_by_label("Accent (links, buttons, navigation)").fill("#7a1f5c")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Text on the background: the contrast is 2.32:1")).to_be_visible()
    page.locator("#id_text").fill("#222222")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The network's appearance is saved.")).to_be_visible()
    assert colours(page) == {
        "body": "rgb(255, 255, 255)",
        "text": "rgb(34, 34, 34)",
        "nav": "rgb(122, 31, 92)",
    }
