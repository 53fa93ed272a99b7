"""In Chromium: the Urdu interface mirrors the whole layout (html dir="rtl", the sidebar on the
left, the header and navigation from the right), with screenshots of each page in both
languages kept in the test's tmp dir; a post in Urdu with an English paragraph reads each
paragraph its own way in either interface; Urdu letters are drawn with the Noto Nastaliq Urdu
face the site serves itself, English ones with the system's."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, FloatRect, Page, expect

from conftest import make_post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

URDU_TITLE = "لاہور میں دس سال بعد ملاقات"
URDU_PARAGRAPH = "ہم دس سال بعد پرانے کالج میں ملے اور رات گئے تک باتیں کرتے رہے۔"
ENGLISH_PARAGRAPH = "The English department sent its greetings from Karachi."
MIXED_BODY = f"{URDU_PARAGRAPH}\n\n{ENGLISH_PARAGRAPH}\n\n- پہلا نکتہ\n- A point in English\n"
NASTALIQ = "Noto Nastaliq Urdu"


def new_context(browser: Browser, base_url: str, language: str | None = None) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if language:
        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
        )
    return context


def box(page: Page, selector: str) -> FloatRect:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def text_box(page: Page, selector: str) -> FloatRect:
    """Where an element's text stands (not its box, which spans the whole line)."""
    found: FloatRect = page.evaluate(
        """(selector) => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            const r = range.getBoundingClientRect();
            return {x: r.x, y: r.y, width: r.width, height: r.height};
        }""",
        selector,
    )
    return found


def right(b: FloatRect) -> float:
    return b["x"] + b["width"]


def assert_layout(page: Page, *, rtl: bool) -> None:
    """The sidebar beside the main column on the end side, the brand and the navigation's
    first link on the start side, the member links (Join, Sign in) on the end side."""
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl" if rtl else "ltr")
    expect(html).to_have_attribute("lang", "ur" if rtl else "en")
    main, sidebar = box(page, "main.content"), box(page, "aside.sidebar")
    wrap = box(page, ".site-header > .wrap")
    brand, first_link = box(page, ".brand"), box(page, ".site-nav .wrap > a")
    nav_end = box(page, ".nav-end")
    if rtl:
        assert right(sidebar) <= main["x"], (sidebar, main)
        assert abs(right(brand) - right(wrap)) < 20, (brand, wrap)
        assert first_link["x"] > nav_end["x"]
    else:
        assert right(main) <= sidebar["x"], (main, sidebar)
        assert abs(brand["x"] - wrap["x"]) < 20, (brand, wrap)
        assert first_link["x"] < nav_end["x"]
    # The tagline starts where the network's name does, whichever language it is in.
    tagline = text_box(page, ".tagline")
    if rtl:
        assert abs(right(tagline) - right(wrap)) < 20, (tagline, wrap)
    else:
        assert abs(tagline["x"] - wrap["x"]) < 20, (tagline, wrap)


def test_home_and_post_pages_in_urdu_are_mirrored(
    browser: Browser, live_server: Any, network: Any, member: Any, tmp_path: Path
):
    post = make_post(member, title=URDU_TITLE, body=MIXED_BODY)
    page = new_context(browser, live_server.url).new_page()
    csp_reports: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            csp_reports.append(message.text)

    page.on("console", record)

    page.goto(f"{live_server.url}/")
    assert_layout(page, rtl=False)
    page.screenshot(path=tmp_path / "home-en.png", full_page=True)

    # The footer's link switches the language, as a visitor would.
    page.get_by_role("link", name="اردو").click()
    assert_layout(page, rtl=True)
    page.screenshot(path=tmp_path / "home-ur.png", full_page=True)

    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    assert_layout(page, rtl=True)
    # The Urdu title stands at the right, as the rest of the page does.
    title, content = box(page, "article.post h1"), box(page, "main.content")
    assert right(content) - right(title) < 40
    # The sidebar's heading (an English name in it) lines up with the box's right edge too.
    heading, sidebar_box = text_box(page, ".sidebar .box h2"), box(page, ".sidebar .box")
    assert right(sidebar_box) - right(heading) < 30, (heading, sidebar_box)
    page.screenshot(path=tmp_path / "post-ur.png", full_page=True)

    page.get_by_role("link", name="English").click()
    assert_layout(page, rtl=False)
    page.screenshot(path=tmp_path / "post-en.png", full_page=True)
    assert csp_reports == []
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        "home-en.png", "home-ur.png", "post-en.png", "post-ur.png",
    ]  # fmt: skip


def test_back_links_point_to_the_start_of_the_line(
    browser: Browser, live_server: Any, network: Any
):
    arrows = {}
    for language in ("en", "ur"):
        page = new_context(browser, live_server.url, language).new_page()
        page.goto(f"{live_server.url}/")
        # A back link as the apps' pages write it (`<a class="back-link">…`).
        arrows[language] = page.evaluate(
            """() => {
                const link = document.createElement('a');
                link.className = 'back-link';
                link.href = '/';
                link.textContent = 'x';
                document.querySelector('main').prepend(link);
                return getComputedStyle(link, '::before').content;
            }"""
        )
    assert arrows == {"en": '"← " / ""', "ur": '"→ " / ""'}


def paragraph_directions(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(
        """([urdu, english]) => {
            const find = (text) => [...document.querySelectorAll('.post-body p, .post-body li')]
                .find((el) => el.textContent.includes(text));
            const describe = (el) => {
                const body = el.closest('.post-body').getBoundingClientRect();
                const text = document.createRange();
                text.selectNodeContents(el);
                const r = text.getBoundingClientRect();
                return {direction: getComputedStyle(el).direction,
                        fromStart: r.left - body.left, fromEnd: body.right - r.right};
            };
            return {urdu: describe(find(urdu)), english: describe(find(english)),
                    urduItem: describe(find('پہلا نکتہ')),
                    englishItem: describe(find('A point in English'))};
        }""",
        [URDU_PARAGRAPH, ENGLISH_PARAGRAPH],
    )
    return found


@pytest.mark.parametrize("language", ["en", "ur"])
def test_an_urdu_post_with_an_english_paragraph_reads_each_paragraph_its_own_way(
    browser: Browser, live_server: Any, network: Any, member: Any, language: str, tmp_path: Path
):
    post = make_post(member, title=URDU_TITLE, body=MIXED_BODY)
    page = new_context(browser, live_server.url, language).new_page()
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    found = paragraph_directions(page)
    page.locator(".post-body").screenshot(path=tmp_path / f"post-body-{language}.png")

    assert found["urdu"]["direction"] == "rtl"
    assert found["urduItem"]["direction"] == "rtl"
    assert found["english"]["direction"] == "ltr"
    assert found["englishItem"]["direction"] == "ltr"
    # Each starts on its own side: the English paragraph at the left edge, the Urdu at the right.
    assert found["english"]["fromStart"] < 2 < found["english"]["fromEnd"]
    assert found["urdu"]["fromEnd"] < 2 < found["urdu"]["fromStart"]


def fonts_drawing(page: Page, selector: str) -> dict[str, tuple[bool, int]]:
    """The faces Chromium actually drew a node's text with: {family: (web font?, glyphs)}."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: (font["isCustomFont"], font["glyphCount"]) for font in fonts}


def drawn_in_nastaliq(fonts: dict[str, tuple[bool, int]]) -> bool:
    """Nastaliq, the site's own web font, drew the letters; another face at most the spaces
    between words (a space is not Arabic script, so unicode-range leaves it to the next one)."""
    custom, glyphs = fonts.get(NASTALIQ, (False, 0))
    others = sum(count for family, (_, count) in fonts.items() if family != NASTALIQ)
    return custom and glyphs > 3 * others


def test_urdu_letters_are_drawn_in_the_sites_own_nastaliq_face(
    browser: Browser, live_server: Any, network: Any, member: Any
):
    post = make_post(member, title=URDU_TITLE, body=MIXED_BODY)
    page = new_context(browser, live_server.url, "ur").new_page()
    fetched: list[tuple[str, int]] = []
    page.on(
        "response",
        lambda r: fetched.append((r.url, r.status)) if r.url.endswith(".woff2") else None,
    )
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    loaded = page.evaluate(
        """(family) => document.fonts.ready.then(() => [...document.fonts]
            .filter((f) => f.family.replace(/["']/g, '') === family && f.status === 'loaded')
            .map((f) => f.weight).sort())""",
        NASTALIQ,
    )
    # The regular face for the text, the bold one for the title.
    assert loaded == ["400", "700"]
    assert fetched and all(
        url.startswith(f"{live_server.url}/static/") and status == 200 for url, status in fetched
    ), fetched

    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.replace('"', "").startswith(NASTALIQ)
    urdu = fonts_drawing(page, ".post-body p:first-child")
    assert drawn_in_nastaliq(urdu), urdu
    title = fonts_drawing(page, "article.post h1")
    assert drawn_in_nastaliq(title), title
    english = fonts_drawing(page, ".post-body p:nth-child(2)")
    assert NASTALIQ not in english and not any(custom for custom, _ in english.values()), english


CATALOG_BUILT = (Path(settings.BASE_DIR) / "locale/ur/LC_MESSAGES/django.mo").exists()
# Latin words an Urdu page may show outside member-written text: the software's own name, the
# other language's name in the language menu, and the sharing services' names.
ALLOWED_LATIN = {
    "Anjuman",
    "English",
    "Facebook",
    "LinkedIn",
    "WhatsApp",
    "Telegram",
    "RSS",
    "Atom",
}
INTERFACE_TEXT = """() => {
    const copy = document.body.cloneNode(true);
    // What members wrote (isolated, or given its own direction) is left out.
    copy.querySelectorAll('[dir=auto], bdi, script').forEach((el) => el.remove());
    const words = [];
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) words.push(walker.currentNode.nodeValue);
    for (const el of copy.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            if (el.hasAttribute(name)) words.push(el.getAttribute(name));
        }
    }
    return words.join(' ');
}"""


@pytest.mark.skipif(not CATALOG_BUILT, reason="the Urdu catalog is not compiled yet")
def test_urdu_pages_show_no_english_interface_text(
    browser: Browser, live_server: Any, network: Any, member: Any, tmp_path: Path
):
    post = make_post(member, title=URDU_TITLE, body=MIXED_BODY, tags=["لاہور"])
    page = new_context(browser, live_server.url, "ur").new_page()
    left: dict[str, list[str]] = {}
    paths = ["/", post.get_absolute_url(), "/blog/", "/members/", "/signin/", "/join/"]
    for number, path in enumerate(paths):
        page.goto(f"{live_server.url}{path}")
        english = set(re.findall(r"[A-Za-z]{2,}", page.evaluate(INTERFACE_TEXT))) - ALLOWED_LATIN
        if english:
            left[path] = sorted(english)
        name = path.strip("/").split("/")[0] or "home"
        page.screenshot(path=tmp_path / f"ur-{number}-{name}.png", full_page=True)
    assert left == {}, f"English left in the Urdu interface: {left}"
