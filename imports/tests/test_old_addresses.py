"""After an import, the network's old Ning addresses answer 301 to the page that shows the same
thing here (imports.middleware.OldAddressMiddleware); unknown or hostile ones the normal 404."""

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from blogs.models import Post
from events.models import Event
from forum.models import Category, Discussion
from groups.models import Group
from imports.models import OldAddress
from imports.ning.addresses import ning_slug, profile_name, slug_forms
from imports.ning.importer import run_import
from members.models import Member
from network.models import Network
from pages.models import Page
from photos.models import Photo
from videos.models import Video

from .archives import URDU_TITLE, dump, make_archive

pytestmark = pytest.mark.django_db

MIDDLEWARE = "imports.middleware.OldAddressMiddleware"
TWINS = [
    {
        "id": "2x0owner:BlogEntry:901",
        "contributorName": "3y1zara",
        "title": "Monsoon Diary",
        "description": "<p>The first one</p>",
        "createdDate": "2012-05-01T10:00:00.000Z",
        "publishStatus": "publish",
    },
    {
        "id": "2x0owner:BlogEntry:902",
        "contributorName": "2x0owner",
        "title": "Monsoon diary!",
        "description": "<p>The second one, same title</p>",
        "createdDate": "2012-06-01T10:00:00.000Z",
        "publishStatus": "publish",
        "url": "http://riverbend.ning.com/profiles/blogs/monsoon-diary-the-sequel?xg_source=x",
    },
]


@pytest.fixture
def imported(network: Network, tmp_path: Path, settings: Any) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    assert MIDDLEWARE in settings.MIDDLEWARE  # anjuman/settings.py
    folder = make_archive(tmp_path / "archive")
    run_import(folder)
    # Two posts with one title, in a second archive of the same network.
    more = tmp_path / "more"
    more.mkdir()
    (more / "ning-blogs-local.json").write_text(dump(TWINS, quirky=False), encoding="utf-8")
    run_import(more)
    return folder


def goes(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 301, (address, response.status_code)
    return str(response["Location"])


def test_slugs_as_ning_made_them() -> None:
    assert ning_slug("Kites & string: f(x) = [a]{b} }{") == "kites-string-f-x-a-b"
    assert ning_slug("  --Hello__World--  ") == "hello-world"
    assert ning_slug(URDU_TITLE) == "برسات-کی-پہلی-شام"
    assert ning_slug("Café au lait") == "café-au-lait"
    assert "cafe-au-lait" in slug_forms("Café au lait")
    long = "Deep learning definition resources comparison with machine learning today"
    forms = slug_forms(long)
    assert forms[0] == ning_slug(long)
    assert "deep-learning-definition-resources-comparison-with-machine-learni" in forms
    assert "deep-learning-definition" in forms  # at a word boundary, 30 characters at most
    assert profile_name("Bilal & Co") == "BilalCo"
    assert profile_name("زارا") == ""


def test_blog_posts_by_slug_id_and_their_own_url(imported: Path, client: Client) -> None:
    kites = Post.objects.get(source_id="blog:2x0owner:BlogEntry:200")
    url = kites.get_absolute_url()
    assert goes(client, "/profiles/blogs/kites-string-f-x-a-b") == url
    assert goes(client, "/profiles/blogs/Kites-String-F-X-A-B/") == url  # any case, a slash
    assert goes(client, "/profiles/blogs/kites-string-f-x-a-b?xg_source=activity&page=2") == url
    assert goes(client, "/profiles/blogs/2x0owner:BlogEntry:200") == url
    assert goes(client, "/xn/detail/2x0owner:BlogEntry:200") == url
    assert goes(client, "/profiles/blog/show?id=2x0owner%3ABlogEntry%3A200&commentId=9") == url


def test_two_posts_with_one_title(imported: Path, client: Client) -> None:
    first = Post.objects.get(source_id="blog:2x0owner:BlogEntry:901")
    second = Post.objects.get(source_id="blog:2x0owner:BlogEntry:902")
    # The older has the plain slug, the next one "-1" (our reading of Ning's numbering) and
    # its own url from the archive.
    assert goes(client, "/profiles/blogs/monsoon-diary") == first.get_absolute_url()
    assert goes(client, "/profiles/blogs/monsoon-diary-1") == second.get_absolute_url()
    assert goes(client, "/profiles/blogs/monsoon-diary-the-sequel") == second.get_absolute_url()


def test_urdu_titles(imported: Path, client: Client) -> None:
    urdu = Post.objects.get(source_id="blog:2x0owner:BlogEntry:100")
    assert goes(client, "/profiles/blogs/" + quote("برسات-کی-پہلی-شام")) == (
        urdu.get_absolute_url()
    )


def test_members_their_profiles_and_blog_lists(imported: Path, client: Client) -> None:
    owner = Member.objects.get(source_id="2x0owner")
    assert goes(client, "/profile/2x0owner") == owner.get_absolute_url()
    assert goes(client, "/profile/BilalCo") == owner.get_absolute_url()
    assert goes(client, "/profiles/profile/show?id=2x0owner&xgs=1") == owner.get_absolute_url()
    blog = f"/members/{owner.handle}/blog/"
    assert goes(client, "/profiles/blog/list?user=2x0owner") == blog
    assert goes(client, "/profiles/blog/list?user=2x0owner&month=6&year=2010") == (
        f"/members/{owner.handle}/blog/2010/6/"
    )
    # A month that is none: the member's blog.
    assert goes(client, "/profiles/blog/list?user=2x0owner&month=13&year=2010") == blog
    zara = Member.objects.get(email="zara@example.net")
    # Both of a person's Ning accounts lead to the one member.
    assert goes(client, "/profile/4z2zara-again") == zara.get_absolute_url()
    assert goes(client, "/profile/ZaraIlyas") == zara.get_absolute_url()


def test_members_without_a_page_here(imported: Path, client: Client) -> None:
    # Suspended, former (who left: not even their name's address is kept), unknown.
    assert client.get("/profile/5mod").status_code == 404
    assert client.get("/profile/7left").status_code == 404
    assert client.get("/profile/LateefLeft").status_code == 404
    assert not OldAddress.objects.filter(path="/profile/lateefleft").exists()
    assert client.get("/profiles/blog/list?user=nobody").status_code == 404


def test_forum_groups_events_photos_videos_pages(imported: Path, client: Client) -> None:
    mangoes = Discussion.objects.get(title="Monsoon & mangoes")
    assert goes(client, "/forum/topics/monsoon-mangoes") == mangoes.get_absolute_url()
    assert goes(client, "/forum/topics/2x0owner:Topic:20?commentId=2x0owner%3AComment%3A1") == (
        mangoes.get_absolute_url()
    )
    food = Category.objects.get(name="Food & Drink")
    assert goes(client, "/forum/categories/food-drink/listForCategory") == (food.get_absolute_url())
    kites = Group.objects.get(name="Kite Makers")
    assert goes(client, "/group/kite-makers") == kites.get_absolute_url()
    assert goes(client, "/group/kitemakers") == kites.get_absolute_url()
    glue = Discussion.objects.get(title="Best glue?")
    # A private group's discussion: for its members.
    assert client.get("/group/kitemakers/forum/topics/best-glue").status_code == 404
    client.force_login(Member.objects.get(email="zara@example.net"))
    assert goes(client, "/group/kitemakers/forum/topics/best-glue") == glue.get_absolute_url()
    assert goes(client, "/group/kite-makers/forum/topics/2x0owner:Topic:21") == (
        glue.get_absolute_url()
    )
    festival = Event.objects.get(title="Kite Festival")
    assert goes(client, "/events/kite-festival") == festival.get_absolute_url()
    assert goes(client, "/events/event/show?id=2x0owner:Event:31") == festival.get_absolute_url()
    dusk = Photo.objects.get(source_id="photo:2x0owner:Photo:41")
    assert goes(client, "/photo/kites-at-dusk") == dusk.get_absolute_url()
    assert goes(client, "/photo/photo/show?id=2x0owner%3APhoto%3A41") == dusk.get_absolute_url()
    video = Video.objects.get(title="Old embed")
    assert goes(client, "/video/old-embed") == video.get_absolute_url()
    about = Page.objects.get(title="About & Rules")
    assert goes(client, "/page/about-rules") == about.get_absolute_url()


def test_private_and_hidden_things_answer_404(
    imported: Path, client: Client, settings: Any
) -> None:
    # A private event: a visitor gets the 404 (not where it went), its guest the redirect.
    dinner = Event.objects.get(title="Committee dinner")
    assert client.get("/events/committee-dinner").status_code == 404
    owner = Member.objects.get(source_id="2x0owner")
    client.force_login(owner)
    response = client.get("/events/committee-dinner")
    assert response.status_code == 301 and response["Location"] == dinner.get_absolute_url()
    assert "private" in response["Cache-Control"]
    client.logout()
    # A draft, a deleted discussion.
    assert client.get("/profiles/blogs/a-draft-amp-its-notes").status_code == 404
    Discussion.objects.filter(title="Introductions").delete()
    assert client.get("/forum/topics/introductions").status_code == 404


def test_anjuman_routes_win(imported: Path, client: Client) -> None:
    # /events/ is Anjuman's own page: never taken for an old address.
    OldAddress.objects.filter(path="/events/kite-festival").update(path="/events")
    assert client.get("/events/").status_code == 200


def test_unknown_and_hostile_old_addresses_answer_404(imported: Path, client: Client) -> None:
    for address in (
        "/profiles/blogs/no-such-post",
        "/profiles/blogs/" + "x" * 5000,
        "/profiles/blogs/%00",
        "/profiles/blogs/%FF%FE",
        "/profile/%C0%AF",
        "/photo/photo/show?id=%00",
        "/photo/photo/show?id=" + "y" * 5000,
        "/profiles/blog/list?user=2x0owner&month=x&year=%00",
        "/profiles/blogs/x?" + "&".join(f"k{i}=v" for i in range(3000)),
    ):
        response = client.get(address)
        assert response.status_code in (301, 404), address
        if "month" not in address:
            assert response.status_code == 404, address
    assert client.post("/profiles/blogs/kites-string-f-x-a-b").status_code in (403, 404, 405)


def test_one_lookup_on_a_404_and_none_on_pages(imported: Path, client: Client) -> None:
    with CaptureQueriesContext(connection) as queries:
        client.get("/profiles/blogs/no-such-post")
    assert sum("imports_oldaddress" in q["sql"] for q in queries.captured_queries) == 1
    with CaptureQueriesContext(connection) as queries:
        client.get("/blog/")
    assert not any("imports_oldaddress" in q["sql"] for q in queries.captured_queries)


def test_a_second_import_adds_no_address(imported: Path, tmp_path: Path) -> None:
    before = sorted(OldAddress.objects.values_list("path", "query", "object_id"))
    run_import(imported)
    assert sorted(OldAddress.objects.values_list("path", "query", "object_id")) == before


def test_two_members_with_one_name(imported: Path, tmp_path: Path, client: Client) -> None:
    folder = tmp_path / "namesakes"
    folder.mkdir()
    people = [
        {"contributorName": f"sana{i}", "fullName": "Sana Khan", "email": f"sana{i}@example.net",
         "createdDate": f"201{i}-01-01T10:00:00.000Z", "state": "active"}
        for i in (2, 1)
    ]  # fmt: skip
    (folder / "ning-members-local.json").write_text(dump(people), encoding="utf-8")
    run_import(folder)
    older = Member.objects.get(source_id="sana1")
    newer = Member.objects.get(source_id="sana2")
    assert goes(client, "/profile/SanaKhan") == older.get_absolute_url()
    assert goes(client, "/profile/SanaKhan1") == newer.get_absolute_url()


def test_a_feature_switched_off_takes_its_old_addresses_with_it(
    imported: Path, client: Client, network: Network
) -> None:
    from features import registry
    from features.services import set_features

    everything = [feature.key for feature in registry.FEATURES]
    set_features(network, [key for key in everything if key != "blogs"], by=network.creator)
    assert client.get("/profiles/blogs/kites-string-f-x-a-b").status_code == 404
    assert client.get("/profiles/blog/list?user=2x0owner").status_code == 404
    # The rest still leads on.
    assert client.get("/forum/topics/monsoon-mangoes").status_code == 301
