"""Custom pages: administrators write them in Markdown (sanitised), order them, show them in
the navigation, delete them after a confirmation (logged); visitors read published ones,
served from the page cache until the page changes."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, page_queries
from members.models import ActionLog
from pages.models import Page
from pages.services import save_page

pytestmark = pytest.mark.django_db


def form(**overrides: str) -> dict[str, str]:
    return {
        "title": "About us",
        "slug": "about",
        "body": "We are the **Riverbend** alumni.",
        "in_navigation": "on",
        "published": "on",
        **overrides,
    }


def make_page(by, title: str = "About us", slug: str = "about", **fields) -> Page:
    return save_page(Page(title=title, slug=slug, body=f"All about {title}.", **fields), by=by)


def test_an_administrator_writes_a_page_that_everyone_reads(admin_member, visitor):
    response = client_for(admin_member).post(reverse("pages:create"), form())
    assert response.status_code == 302
    assert Page.objects.get().body_html == (
        '<p dir="auto">We are the <strong>Riverbend</strong> alumni.</p>\n'
    )
    html = visitor.get("/pages/about/").content.decode()
    assert "<strong>Riverbend</strong>" in html
    assert '<h1 dir="auto">About us</h1>' in html
    assert ActionLog.objects.get().action == "create-page"


def test_the_markdown_is_sanitised(creator, visitor):
    client_for(creator).post(
        reverse("pages:create"),
        form(
            body="<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
        ),
    )
    html = visitor.get("/pages/about/").content.decode()
    body = html.split('class="post-body"')[1].split("</div>")[0]
    assert "<script" not in body and "<img" not in body
    assert 'href="javascript' not in body
    assert "&lt;script&gt;" in body


def test_published_pages_in_the_navigation_show_there_in_order(creator, visitor):
    make_page(creator, "About us", "about")
    make_page(creator, "Rules", "rules")
    make_page(creator, "Hidden draft", "draft", published=False)
    make_page(creator, "Contact", "contact", in_navigation=False)
    nav = visitor.get("/").content.decode().split('class="site-nav"')[1].split("</nav>")[0]
    assert nav.index(">About us<") < nav.index(">Rules<")
    assert "Hidden draft" not in nav and "Contact" not in nav


def test_moving_a_page_changes_the_navigation_at_once(creator, visitor):
    make_page(creator, "About us", "about")
    rules = make_page(creator, "Rules", "rules")
    visitor.get("/")  # cached for visitors
    response = client_for(creator).post(reverse("pages:move", args=[rules.pk]), {"direction": "up"})
    assert response.status_code == 302
    nav = visitor.get("/").content.decode().split('class="site-nav"')[1].split("</nav>")[0]
    assert nav.index(">Rules<") < nav.index(">About us<")
    assert list(Page.objects.values_list("slug", flat=True)) == ["rules", "about"]
    # Past the end nothing moves; a bad direction is refused.
    client_for(creator).post(reverse("pages:move", args=[rules.pk]), {"direction": "up"})
    assert list(Page.objects.values_list("slug", flat=True)) == ["rules", "about"]
    bad = client_for(creator).post(reverse("pages:move", args=[rules.pk]), {"direction": "left"})
    assert bad.status_code == 400


def test_an_unpublished_page_is_for_administrators_only(creator, member, visitor):
    make_page(creator, "Rules", "rules", published=False)
    assert visitor.get("/pages/rules/").status_code == 404
    assert client_for(member).get("/pages/rules/").status_code == 404
    page = client_for(creator).get("/pages/rules/")
    assert page.status_code == 200 and b"This page is not published" in page.content
    assert b"Rules" not in visitor.get("/pages/").content


@pytest.mark.parametrize(
    ("slug", "error"),
    [
        ("new", "is reserved"),
        ("Manage", "is reserved"),
        ("../..", "with letters or digits"),
        ("«»", "with letters or digits"),
    ],
)
def test_reserved_and_malformed_addresses_are_refused(creator, slug, error):
    response = client_for(creator).post(reverse("pages:create"), form(slug=slug, title="Kept"))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert 'value="Kept"' in response.content.decode()  # what was typed stays
    assert not Page.objects.exists()


@pytest.mark.parametrize(
    ("typed", "title", "address"),
    [
        ("Who We Are", "x", "/pages/who-we-are/"),
        ("", "Our Rules!", "/pages/our-rules/"),
        (
            "ہمارے بارے میں",
            "x",
            "/pages/%DB%81%D9%85%D8%A7%D8%B1%DB%92-%D8%A8%D8%A7%D8%B1%DB%92-%D9%85%DB%8C%DA%BA/",
        ),
    ],
)
def test_any_text_is_made_into_an_address(creator, visitor, typed, title, address):
    client_for(creator).post(reverse("pages:create"), form(slug=typed, title=title))
    page = Page.objects.get()
    assert page.get_absolute_url() == address
    assert visitor.get(address).status_code == 200


@pytest.mark.parametrize(
    "typed",
    ["می\u200cخواهم", "नमस्ते-दुनिया", "ہمارے-بارے-میں", "zoë-café"],
)
def test_an_address_in_any_script_is_kept_as_typed(creator, visitor, typed):
    """The joiners Persian and Urdu words are spelt with (ZWNJ) and the vowel signs of
    Devanagari stay in the address: it is the word typed, shown so on the edit form, and the
    page answers at it."""
    page = make_page(creator)
    client = client_for(creator)
    response = client.post(reverse("pages:edit", args=[page.pk]), form(slug=typed))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.slug == typed
    edit = client.get(reverse("pages:edit", args=[page.pk])).content.decode()
    assert f'value="{typed}"' in edit
    assert visitor.get(page.get_absolute_url()).status_code == 200
    page.full_clean()


def test_an_address_in_use_is_refused(creator):
    make_page(creator, "About us", "about")
    response = client_for(creator).post(reverse("pages:create"), form(title="Again"))
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_editing_refreshes_the_cached_page_and_the_old_address_goes(creator, visitor):
    page = make_page(creator, "About us", "about")
    assert visitor.get("/pages/about/")["X-Cache"] == "miss"
    assert visitor.get("/pages/about/")["X-Cache"] == "hit"
    client_for(creator).post(
        reverse("pages:edit", args=[page.pk]), form(slug="who-we-are", body="New words")
    )
    assert visitor.get("/pages/about/").status_code == 404
    assert b"New words" in visitor.get("/pages/who-we-are/").content


def test_editing_one_page_keeps_another_pages_cache(creator, visitor):
    about = make_page(creator, "About us", "about", in_navigation=False)
    make_page(creator, "Rules", "rules", in_navigation=False)
    visitor.get("/pages/rules/")
    client_for(creator).post(
        reverse("pages:edit", args=[about.pk]), form(body="Changed", in_navigation="")
    )
    assert visitor.get("/pages/rules/")["X-Cache"] == "hit"
    assert visitor.get("/pages/about/")["X-Cache"] == "miss"


def test_deleting_asks_first_then_deletes_and_logs(creator, visitor):
    page = make_page(creator, "About us", "about")
    client = client_for(creator)
    confirm = client.get(reverse("pages:delete", args=[page.pk]))
    assert b"Delete the page" in confirm.content and Page.objects.exists()
    assert client.post(reverse("pages:delete", args=[page.pk])).status_code == 302
    assert not Page.objects.exists()
    assert visitor.get("/pages/about/").status_code == 404
    assert ">About us<" not in visitor.get("/").content.decode()
    log = ActionLog.objects.get(action="delete-page")
    assert (log.actor, log.target_label) == (creator, "About us")


def test_members_cannot_write_pages(member):
    client = client_for(member)
    assert client.get(reverse("pages:manage")).status_code == 403
    assert client.post(reverse("pages:create"), form()).status_code == 403
    assert not Page.objects.exists()


@pytest.mark.parametrize("url", ["/pages/", "/manage/pages/"])
def test_the_lists_cost_the_same_at_5_and_50_pages(creator, url):
    client = client_for(creator) if url.startswith("/manage") else Client()
    for n in range(5):
        make_page(creator, f"Page {n}", f"page-{n}")
    at_5 = page_queries(client, url)
    for n in range(5, 50):
        make_page(creator, f"Page {n}", f"page-{n}")
    at_50 = page_queries(client, url)
    assert at_5 == at_50
    assert b"Page 49" in client.get(url).content
