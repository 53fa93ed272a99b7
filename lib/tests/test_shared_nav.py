"""What every page draws the same: the navigation's links for visitors (lib/sections.py,
cached), the fixed addresses and stylesheets of base.html (lib/urls.py, made once)."""

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from conftest import client_for
from features.registry import KEYS
from features.services import set_features
from lib.urls import fixed_reverse, static_url
from members.models import Member
from network.models import Network
from pages.models import Page
from pages.services import save_page

pytestmark = pytest.mark.django_db


def nav(client: Client, path: str = "/") -> str:
    html = client.get(path).content.decode()
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


def test_a_visitors_navigation_is_the_same_from_the_cache(visitor: Client) -> None:
    first = nav(visitor)
    assert f'<a href="{reverse("forum:index")}">Forum</a>' in first
    assert 'class="inline search-box"' in first
    for _ in range(3):
        assert nav(visitor) == first
    # The search page's own form is the box there: not cached as the other pages' navigation.
    assert 'class="inline search-box"' not in nav(visitor, "/search/")
    assert 'class="inline search-box"' in nav(visitor, "/tags/")


def test_a_feature_switched_off_leaves_a_visitors_navigation_at_once(
    visitor: Client, creator: Member
) -> None:
    forum_link = f'<a href="{reverse("forum:index")}">Forum</a>'
    for _ in range(2):
        assert forum_link in nav(visitor)
    set_features(Network.objects.get(), [k for k in KEYS if k != "forum"], by=creator)
    assert forum_link not in nav(visitor)
    set_features(Network.objects.get(), list(KEYS), by=creator)
    assert forum_link in nav(visitor)


def test_a_page_put_in_the_navigation_shows_to_visitors_at_once(
    visitor: Client, creator: Member
) -> None:
    for _ in range(2):
        assert "Our history" not in nav(visitor)
    save_page(Page(title="Our history", slug="history", body="Since 1990."), by=creator)
    assert "Our history" in nav(visitor)


def test_members_navigation_is_their_own(member: Member, visitor: Client) -> None:
    for _ in range(2):
        nav(visitor)
    assert "Sign out" in nav(client_for(member))
    assert "Sign out" not in nav(visitor)


def test_route_and_asset_write_what_url_and_static_do(rf: RequestFactory) -> None:
    rendered = Template(
        "{% load anjuman static %}{% route 'network:home' %}|{% url 'network:home' %}|"
        "{% route 'network:language' 'ur' %}|{% url 'network:language' 'ur' %}|"
        "{% asset 'anjuman/site.css' %}|{% static 'anjuman/site.css' %}"
    ).render(Context({}))
    home, home2, language, language2, css, css2 = rendered.split("|")
    assert (home, language, css) == (home2, language2, css2)
    assert fixed_reverse("members:join") == reverse("members:join")
    assert static_url("anjuman/site.css") == css


def test_a_changed_static_url_is_not_remembered(settings: object) -> None:
    before = static_url("anjuman/site.css")
    settings.STATIC_URL = "/assets/"  # type: ignore[attr-defined]
    after = static_url("anjuman/site.css")
    assert after.startswith("/assets/") and after != before
