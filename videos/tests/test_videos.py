"""Adding a video by its address, the pages each persona sees, the player, hiding, deleting,
the sections, activity and query counts."""

import pytest
from django.urls import reverse

from activity import queries
from activity.lines import render_lines
from conftest import client_for, make_member, page_queries
from members.models import Member
from members.services import remove_member
from videos import services
from videos.models import Video

pytestmark = pytest.mark.django_db

YT = "dQw4w9WgXcQ"
ADD = "/videos/add/"


@pytest.fixture
def moderator(network):
    return make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)


def add(owner, url=f"https://youtu.be/{YT}", title="Our class song") -> Video:
    return services.save_video(Video(), by=owner, url=url, title=title, description="")


@pytest.fixture
def video(member):
    return add(member)


def test_a_member_adds_a_video_and_sees_the_player(member):
    client = client_for(member)
    assert client.get(ADD).status_code == 200
    response = client.post(
        ADD,
        {"url": f"https://www.youtube.com/watch?v={YT}", "title": "Farewell", "description": "x"},
    )
    video = Video.objects.get()
    assert response["Location"] == video.get_absolute_url()
    assert (video.provider, video.video_id, video.host) == ("youtube", YT, "")
    page = client.get(video.get_absolute_url()).text
    assert f'<iframe src="https://www.youtube-nocookie.com/embed/{YT}"' in page
    assert 'title="Farewell"' in page and 'loading="lazy"' in page
    assert 'sandbox="allow-scripts' in page and 'referrerpolicy="' in page


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", f"https://www.youtube.com.evil.example/watch?v={YT}",
            '<iframe src="https://evil.example"></iframe>']
)  # fmt: skip
def test_anything_else_is_refused_keeping_what_was_typed(member, url):
    response = client_for(member).post(ADD, {"url": url, "title": "Mine", "description": "Notes"})
    assert response.status_code == 400
    assert "That is not a video address we can show." in response.text
    assert "Mine" in response.text and "Notes" in response.text
    assert not Video.objects.exists()
    assert "<iframe" not in response.text


def test_peertube_and_vimeo_players(member):
    peertube = add(
        member, "https://tube.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d"
    )
    vimeo = add(member, "https://vimeo.com/76979871")
    client = client_for(member)
    assert (
        'src="https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"'
        in client.get(peertube.get_absolute_url()).text
    )
    assert (
        'src="https://player.vimeo.com/video/76979871"' in client.get(vimeo.get_absolute_url()).text
    )


def test_visitor_sees_the_video_and_the_join_gate(visitor, video):
    page = visitor.get(video.get_absolute_url())
    assert page.status_code == 200 and "to add comments!" in page.text
    assert reverse("videos:edit", args=[video.pk]) not in page.text
    assert visitor.get(ADD).status_code == 302


def test_unconfirmed_members_cannot_add(unconfirmed):
    response = client_for(unconfirmed).post(ADD, {"url": f"https://youtu.be/{YT}", "title": "x"})
    assert response.status_code == 302 and not Video.objects.exists()


def test_owner_edits_others_may_not(member, other_member, admin_member, video):
    url = reverse("videos:edit", args=[video.pk])
    assert (
        client_for(other_member).post(url, {"url": "https://vimeo.com/1", "title": "x"}).status_code
        == 403
    )
    response = client_for(member).post(url, {"url": "https://vimeo.com/5", "title": "Renamed"})
    assert response.status_code == 302
    video.refresh_from_db()
    assert (video.provider, video.video_id, video.title) == ("vimeo", "5", "Renamed")
    assert client_for(admin_member).get(url).status_code == 200


def test_moderators_hide_and_delete(moderator, member, visitor, video):
    client = client_for(moderator)
    assert client.post(reverse("videos:hide", args=[video.pk])).status_code == 302
    assert visitor.get(video.get_absolute_url()).status_code == 404
    assert client_for(member).get(video.get_absolute_url()).status_code == 200
    confirm = client.get(reverse("videos:delete", args=[video.pk]))
    assert "the video stays on its site" in confirm.text
    assert client.post(reverse("videos:delete", args=[video.pk])).status_code == 302
    assert not Video.objects.exists()


def test_a_new_video_shows_at_the_next_request(visitor, member):
    urls = ["/", reverse("videos:list"), reverse("videos:member", args=[member.handle])]
    urls.append(member.get_absolute_url())
    for url in urls:
        visitor.get(url)
    add(member, title="Brand new upload")
    for url in urls:
        assert "Brand new upload" in visitor.get(url).text, url
    assert f'href="{reverse("videos:list")}">Videos</a>' in visitor.get("/").text


def test_the_activity_stream_tells_of_it(member, network, video):
    html = render_lines(queries.read(None), network)
    assert "added the video" in html and video.get_absolute_url() in html


def test_a_removed_members_videos_go(member, video):
    remove_member(member)
    assert not Video.objects.exists()


def grow(owner, n):
    Video.objects.bulk_create(
        Video(owner=owner, provider="youtube", video_id=YT, url=f"https://youtu.be/{YT}",
              title=f"V{i}")
        for i in range(n)
    )  # fmt: skip


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_listings_cost_the_same_at_5_and_50_videos(member, visitor, who):
    viewer = visitor if who == "visitor" else client_for(member)
    one = add(member)
    urls = [
        "/",
        member.get_absolute_url(),
        reverse("videos:list"),
        reverse("videos:list") + "?page=2",
        reverse("videos:member", args=[member.handle]),
        one.get_absolute_url(),
    ]
    grow(member, 4 + 12)
    small = {url: page_queries(viewer, url) for url in urls}
    grow(member, 45)
    assert small == {url: page_queries(viewer, url) for url in urls}


@pytest.mark.parametrize(
    ("persona", "edit", "hide", "delete", "add_link"),
    [
        ("visitor", False, False, False, False),
        ("unconfirmed", False, False, False, False),
        ("member", False, False, False, True),
        ("owner", True, False, True, True),
        ("moderator", False, True, True, True),
        ("administrator", True, True, True, True),
        ("creator", True, True, True, True),
        ("suspended", False, False, False, False),
    ],
)
def test_what_each_persona_may_do_on_a_video_page(
    persona, edit, hide, delete, add_link, network, member, video, unconfirmed, admin_member,
    visitor,
):  # fmt: skip
    people = {
        "unconfirmed": unconfirmed,
        "member": make_member("Zara Reader", "zara.reader@example.org"),
        "owner": member,
        "moderator": make_member("Musa Mod", "musa.mod@example.org", role=Member.Role.MODERATOR),
        "administrator": admin_member,
        "creator": network.creator,
        "suspended": make_member("Sami Suspended", "sami.s@example.org"),
    }
    client = visitor if persona == "visitor" else client_for(people[persona])
    if persona == "suspended":
        Member.objects.filter(pk=people["suspended"].pk).update(is_active=False)
    page = client.get(video.get_absolute_url())
    assert page.status_code == 200
    assert "youtube-nocookie.com/embed/" in page.text
    assert (reverse("videos:edit", args=[video.pk]) in page.text) is edit
    assert (reverse("videos:hide", args=[video.pk]) in page.text) is hide
    assert (reverse("videos:delete", args=[video.pk]) in page.text) is delete
    assert (reverse("videos:add") in client.get(reverse("videos:list")).text) is add_link
    assert ("to add comments!" in page.text) is (persona in ("visitor", "suspended"))
