"""In Chromium: a visitor types into the navigation's search box, and the results page shows
the post with the word highlighted; the filters narrow it."""

import pytest
from playwright.sync_api import Page, expect

from conftest import make_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_navigation_box(page: Page, live_server, member):
    make_post(member, "Reunion at the canteen", "We met at the old canteen after ten years.")
    make_post(member, "کتاب میلہ", "لاہور میں مُحَبَّت کی کہانیاں")
    page.goto(f"{live_server.url}/")
    box = page.get_by_role("searchbox", name="Search the network")
    box.fill("canteen")
    box.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/search/?q=canteen")
    result = page.locator("article.search-result")
    expect(result).to_have_count(1)
    expect(result.get_by_role("link", name="Reunion at the canteen")).to_be_visible()
    expect(result.locator("mark").first).to_have_text("canteen")
    # Urdu without its vowel marks finds the word written with them.
    page.get_by_role("searchbox", name="Search").fill("محبت")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("article.search-result mark")).to_have_text("مُحَبَّت")
    # Only members: nobody is called محبت.
    page.get_by_label("Show").select_option("member")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("Nothing found")).to_be_visible()
