"""Headers a shared cache and a browser act on."""

import pytest
from django.urls import reverse

from conftest import client_for, make_post

pytestmark = pytest.mark.django_db


def test_a_members_pages_are_private_to_shared_caches(member):
    post = make_post(member)
    client = client_for(member)
    for url in ["/", post.get_absolute_url(), reverse("members:edit_profile")]:
        assert "private" in client.get(url)["Cache-Control"], url


def test_a_page_that_sets_a_cookie_is_private(visitor):
    response = visitor.get(reverse("members:signin"))  # the CSRF cookie of its form
    assert response.cookies
    assert "private" in response["Cache-Control"]


def test_a_visitors_reading_pages_stay_cacheable(visitor, member):
    post = make_post(member)
    for url in ["/", post.get_absolute_url(), reverse("blogs:list")]:
        response = visitor.get(url)
        assert not response.cookies
        assert "private" not in response.get("Cache-Control", ""), url


def test_every_page_carries_the_content_security_policy(visitor, member):
    post = make_post(member)
    for client, url in [
        (visitor, "/"),
        (visitor, post.get_absolute_url()),
        (client_for(member), reverse("blogs:create")),
    ]:
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy


def test_a_media_name_too_long_for_the_file_system_is_not_found(visitor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert visitor.get("/media/" + "b" * 300).status_code == 404
    assert visitor.get("/media/members/" + "é" * 200 + ".jpg").status_code == 404
