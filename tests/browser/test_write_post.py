"""A confirmed member signs in, writes a post with two related links and publishes it."""

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Notes From the Valley"
LINKS = [
    {
        "url": "https://example.com/rivers/restoration",
        "title": "Restoring the River",
        "source": "The Daily Review — by A. Writer",
        "excerpt": "Volunteers replanted the banks over three summers.",
    },
    {
        "url": "https://example.net/alumni/history",
        "title": "A Short History of the Alumni",
        "source": "Alumni Quarterly",
        "excerpt": "It started with twelve people and a borrowed hall.",
    },
]


def test_a_member_writes_and_publishes_a_post_with_related_links(
    page: Page, live_server, network, member
):
    sign_in(page, live_server.url, member)

    page.get_by_role("link", name="Write a post").click()
    expect(page.get_by_role("heading", level=1, name="Write a post")).to_be_visible()
    page.get_by_label(re.compile(r"^Title:?$")).fill(TITLE)
    page.get_by_label("Body").fill(
        "We walked the old path along the river.\n\nThe water was **remarkably clear** this year."
    )
    page.get_by_label("Tags").fill("Travel, Nature")
    fieldsets = page.locator("fieldset.link-form")
    for i, link in enumerate(LINKS):
        fieldset = fieldsets.nth(i)
        fieldset.get_by_label("Address (URL)").fill(link["url"])
        fieldset.get_by_label("Article title").fill(link["title"])
        fieldset.get_by_label("Source / author line").fill(link["source"])
        fieldset.get_by_label("Quoted excerpt").fill(link["excerpt"])
    page.get_by_role("button", name="Publish").click()

    # The post page.
    expect(page).to_have_url(re.compile(r"/blog/\d+/notes-from-the-valley/$"))
    expect(page.get_by_text("Your post is published.")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    body = page.locator(".post-body")
    expect(body).to_contain_text("We walked the old path along the river.")
    expect(body.locator("strong")).to_have_text("remarkably clear")
    related = page.locator("section.related-links")
    expect(related.get_by_role("heading", name="Related Links:")).to_be_visible()
    cards = related.locator(".link-card")
    expect(cards).to_have_count(2)
    for card, link in zip(cards.all(), LINKS, strict=True):
        expect(card.get_by_role("link", name=link["title"])).to_have_attribute("href", link["url"])
        expect(card).to_contain_text(link["source"])
        expect(card.locator("blockquote")).to_contain_text(link["excerpt"])
    tags = page.locator("p.tags")
    expect(tags.get_by_role("link", name="Travel")).to_be_visible()
    expect(tags.get_by_role("link", name="Nature")).to_be_visible()

    # The home page lists it.
    page.goto(f"{live_server.url}/")
    entry = page.locator("article.entry", has_text=TITLE)
    expect(entry.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(entry.locator(".excerpt")).to_contain_text(
        "We walked the old path along the river. The water was remarkably clear this year."
    )
    expect(entry.get_by_role("link", name="Continue")).to_be_visible()
    byline = entry.locator(".byline")
    expect(byline).to_contain_text(re.compile(r"Posted by Bilal Ahmed on \w+ \d+, \d{4} at "))
    expect(byline).to_contain_text("No Comments")

    entry.get_by_role("link", name="Continue").click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
