"""An imported network read in Chromium: a post with its comments in their order, an Urdu
post laid out right to left, a member's wall, with nothing refused by the page's policy."""

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from blogs.models import Post
from imports.ning.importer import run_import
from members.models import Member

from .archives import URDU_TITLE, make_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_imported_posts_comments_and_wall_in_the_browser(
    page: Page, live_server: Any, network: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    run_import(make_archive(tmp_path / "archive"))
    problems: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            problems.append(message.text)

    page.on("console", record)
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    page.goto(f"{live_server.url}{kites.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text("Kites & string: f(x) = [a]{b} }{")
    text = page.locator("main").inner_text()
    assert text.index("First") < text.index("Second 😀") < text.index("Third, by a deleted")
    assert "[picture missing: cut.png]" in text

    urdu = Post.objects.get(source_id="blog:2x0owner:BlogEntry:100")
    page.goto(f"{live_server.url}{urdu.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text(URDU_TITLE)
    paragraph = page.locator("main p", has_text="بادل").first
    assert paragraph.evaluate("p => getComputedStyle(p).direction") == "rtl"

    owner = Member.objects.get(source_id="2x0owner")
    page.goto(f"{live_server.url}{owner.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Second wall note 🍵")
    assert problems == []
