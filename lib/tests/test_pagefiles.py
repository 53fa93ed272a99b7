"""The page files nginx serves to visitors (PAGE_CACHE_DIR) never outlive the content."""

import os

import pytest
from django.test import Client

from comments.services import add_comment
from conftest import make_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(settings, tmp_path):
    settings.PAGE_CACHE_DIR = str(tmp_path)
    return tmp_path


def served(pages, path: str, language: str = "en") -> bytes | None:
    """What nginx would send for `path`: the file under current/, if there is one."""
    file = pages / "current" / language / path.strip("/") / "index.html"
    return file.read_bytes() if file.exists() else None


def test_a_visitors_page_is_written_for_nginx(pages, member):
    post = make_post(member, title="Written to disk")
    response = Client().get(post.get_absolute_url())
    assert served(pages, post.get_absolute_url()) == response.content
    assert served(pages, "/") is None  # not visited yet


def test_a_change_points_nginx_at_a_new_empty_folder(pages, member, other_member):
    post = make_post(member, title="Soon changed")
    Client().get(post.get_absolute_url())
    old = os.readlink(pages / "current")
    add_comment(post, other_member, "New words")
    assert os.readlink(pages / "current") != old
    assert served(pages, post.get_absolute_url()) is None
    assert not (pages / old).exists()  # old versions are removed
    Client().get(post.get_absolute_url())
    assert b"New words" in served(pages, post.get_absolute_url())


def test_pages_for_members_and_with_query_strings_are_not_written(pages, member, other_member):
    from conftest import client_for

    make_post(member)
    client_for(other_member).get("/")
    assert served(pages, "/") is None
    Client().get("/blog/?page=1")
    assert served(pages, "/blog/") is None


def test_each_language_has_its_own_files(pages, member):
    post = make_post(member)
    Client(headers={"accept-language": "ur"}).get(post.get_absolute_url())
    assert b'lang="ur"' in served(pages, post.get_absolute_url(), "ur")
    assert served(pages, post.get_absolute_url(), "en") is None


def test_an_older_version_never_replaces_a_newer_one(pages):
    from lib.pagefiles import point_current_to

    point_current_to("2000")
    point_current_to("1000")
    assert os.readlink(pages / "current") == "2000"
