"""An imported network read in Chromium: a post with its comments in their order, an Urdu
post laid out right to left, a member's wall, with nothing refused by the page's policy."""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from blogs.models import Post
from forum.models import Discussion
from imports.models import PasswordInvitation
from imports.ning.importer import run_import
from members.models import Member
from tests.browser.conftest import sign_in

from .archives import URDU_TITLE, make_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MIDDLEWARE = "imports.middleware.OldAddressMiddleware"


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


def test_an_imported_network_its_old_addresses_and_the_invitations_page(
    browser: Browser, live_server: Any, network: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    run_import(make_archive(tmp_path / "archive"))
    page = browser.new_context().new_page()
    # A post with its attached file, a discussion, a member's page.
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    page.goto(f"{live_server.url}{kites.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text("Kites & string")
    expect(page.get_by_role("link", name="plan.pdf")).to_be_visible()
    expect(page.locator("main")).to_contain_text("[file missing: gone.doc]")
    mangoes = Discussion.objects.get(title="Monsoon & mangoes")
    page.goto(f"{live_server.url}{mangoes.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text("Monsoon & mangoes")
    expect(page.get_by_role("link", name=re.compile("list.txt"))).to_be_visible()
    zara = Member.objects.get(email="zara@example.net")
    page.goto(f"{live_server.url}{zara.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text("Zara Ilyas")
    # Old Ning addresses lead to the same pages.
    page.goto(f"{live_server.url}/profiles/blogs/kites-string-f-x-a-b?xg_source=activity")
    expect(page).to_have_url(f"{live_server.url}{kites.get_absolute_url()}")
    expect(page.locator("h1")).to_contain_text("Kites & string")
    page.goto(f"{live_server.url}/forum/topics/monsoon-mangoes")
    expect(page.locator("h1")).to_contain_text("Monsoon & mangoes")
    page.goto(f"{live_server.url}/profile/ZaraIlyas")
    expect(page.locator("h1")).to_contain_text("Zara Ilyas")
    response = page.goto(f"{live_server.url}/profiles/blogs/no-such-post")
    assert response is not None and response.status == 404
    # The administrator sends the invitations.
    admin = browser.new_context().new_page()
    sign_in(admin, live_server.url, network.creator, next_url="/manage/imports/")
    expect(admin.locator("main")).to_contain_text("Invited 0 of 2.")
    admin.get_by_role("link", name="Send set-your-password emails").click()
    admin.get_by_role("button", name="Send set-your-password emails").click()
    expect(admin.locator("main")).to_contain_text("Invited 2 of 2.")
    assert PasswordInvitation.objects.count() == 2
