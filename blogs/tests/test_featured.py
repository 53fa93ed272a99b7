"""Administrators feature posts: first on the home page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member, make_post
from members.models import Member

pytestmark = pytest.mark.django_db


def home_titles() -> list[str]:
    html = Client().get("/").content.decode()
    return re.findall(r'<h2 dir="auto"><a href="[^"]+">([^<]+)</a></h2>', html)


def test_a_featured_post_comes_first_on_the_home_page(admin_member, member):
    old = make_post(member, title="An older story")
    make_post(member, title="The newest story")
    assert home_titles()[:2] == ["The newest story", "An older story"]
    response = client_for(admin_member).post(reverse("blogs:feature", args=[old.pk]))
    assert response.url == old.get_absolute_url()
    old.refresh_from_db()
    assert old.is_featured
    # The visitors' cached home page is refreshed at once; the post is not shown twice.
    assert home_titles()[:2] == ["An older story", "The newest story"]
    assert home_titles().count("An older story") == 1
    client_for(admin_member).post(reverse("blogs:unfeature", args=[old.pk]))
    assert home_titles()[:2] == ["The newest story", "An older story"]


def test_only_administrators_feature_and_only_published_posts(admin_member, member):
    moderator = make_member("Maryam Moderator", "mod@example.org", role=Member.Role.MODERATOR)
    post = make_post(member)
    draft = make_post(member, title="Not yet", publish=False)
    assert client_for(member).post(reverse("blogs:feature", args=[post.pk])).status_code == 403
    assert client_for(moderator).post(reverse("blogs:feature", args=[post.pk])).status_code == 403
    assert (
        client_for(admin_member).post(reverse("blogs:feature", args=[draft.pk])).status_code == 403
    )
    assert client_for(admin_member).get(reverse("blogs:feature", args=[post.pk])).status_code == 405


def test_listings_mark_featured_posts_and_the_post_page_has_the_button(admin_member, member):
    post = make_post(member, title="A story worth reading")
    admin = client_for(admin_member)
    page = admin.get(post.get_absolute_url()).content.decode()
    assert "Feature on the home page" in page
    admin.post(reverse("blogs:feature", args=[post.pk]))
    assert "Stop featuring" in admin.get(post.get_absolute_url()).content.decode()
    listing = Client().get(reverse("blogs:list")).content.decode()
    assert '<article class="entry featured">' in listing
    assert (
        "Feature on the home page"
        not in client_for(member).get(post.get_absolute_url()).content.decode()
    )
