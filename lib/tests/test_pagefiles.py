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


def test_a_comment_removes_that_posts_file_and_no_other(pages, member, other_member):
    post = make_post(member, title="Soon changed")
    untouched = make_post(other_member, title="Left alone")
    for page in (post, untouched):
        Client().get(page.get_absolute_url())
    add_comment(post, other_member, "New words")
    assert served(pages, post.get_absolute_url()) is None
    assert b"Left alone" in served(pages, untouched.get_absolute_url())
    Client().get(post.get_absolute_url())
    assert b"New words" in served(pages, post.get_absolute_url())


def test_a_change_to_the_network_removes_every_file(pages, creator, member):
    from network.models import Network
    from network.services import update_network

    post = make_post(member)
    Client().get(post.get_absolute_url())
    network = Network.objects.get()
    network.name = "Renamed"
    update_network(network)
    assert served(pages, post.get_absolute_url()) is None


def test_a_page_rendered_while_its_post_changes_is_not_left_behind(pages, member, other_member):
    from lib import cachetags
    from lib.pagefiles import write_page

    post = make_post(member)
    seen = cachetags.versions([f"post:{post.pk}", f"post-comments:{post.pk}"])
    add_comment(post, other_member, "Meanwhile")  # the page was rendered before this
    write_page("en", post.get_absolute_url(), b"old page", seen)
    assert served(pages, post.get_absolute_url()) is None


def test_old_files_are_swept(pages, member, settings):
    from lib.pagefiles import sweep

    post = make_post(member)
    Client().get(post.get_absolute_url())
    file = pages / "current" / "en" / post.get_absolute_url().strip("/") / "index.html"
    old = file.stat().st_mtime - settings.PAGE_CACHE_SECONDS - 1
    os.utime(file, (old, old))
    sweep(pages)
    assert not file.exists()


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


def test_the_folder_per_version_layout_of_older_releases_is_cleared(pages, member):
    from lib import pagefiles

    (pages / "1700000000").mkdir()
    (pages / "current").symlink_to("1700000000")
    pagefiles._writes = pagefiles.SWEEP_EVERY  # the next write looks at the folder
    post = make_post(member)
    Client().get(post.get_absolute_url())
    assert not (pages / "current").is_symlink()
    assert not (pages / "1700000000").exists()
    assert served(pages, post.get_absolute_url()) is not None
