"""Badges: administrators make them at /manage/badges/ and give them on a member's admin page;
they show beside the member's name in bylines (member_link), on the member page and in the
directory, without a query per name."""

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from conftest import client_for, make_member, make_post, page_queries, png_upload
from members.models import ActionLog, Badge, Member
from network.models import Network

BADGES = reverse("roster:badges")
NEW = reverse("roster:badge_new")


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def hina(network: Network) -> Member:
    return make_member("Hina Baig", "hina@example.org")


def test_administrators_make_edit_and_delete_badges(admin_member: Member, hina: Member) -> None:
    client = client_for(admin_member)
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, {"name": "Class of 1998", "position": "2"})
    assert response.status_code == 302
    badge = Badge.objects.get()
    assert (badge.name, badge.position) == ("Class of 1998", 2)
    assert "Class of 1998" in client.get(BADGES).content.decode()

    edit = reverse("roster:badge_edit", args=[badge.pk])
    assert client.post(edit, {"name": "Class of '98", "position": "1"}).status_code == 302
    badge.refresh_from_db()
    assert badge.name == "Class of '98"

    # A name taken already is a form error, what was typed kept.
    Badge.objects.create(name="Volunteer")
    refused = client.post(NEW, {"name": "Volunteer", "position": "0"})
    assert refused.status_code == 400
    assert "already exists" in refused.content.decode()

    hina.badges.add(badge)
    delete = reverse("roster:badge_delete", args=[badge.pk])
    confirm = client.get(delete)
    assert confirm.status_code == 200
    assert "1 member has it" in confirm.content.decode()
    assert client.post(delete).status_code == 302
    assert not Badge.objects.filter(pk=badge.pk).exists()
    assert list(hina.badges.all()) == []
    assert {"badge:new", "badge:edit", "badge:delete"} <= set(
        ActionLog.objects.values_list("action", flat=True)
    )


def test_a_badge_image_is_checked_and_stored_re_encoded_and_small(admin_member: Member) -> None:
    client = client_for(admin_member)
    response = client.post(
        NEW, {"name": "Volunteer", "position": "0", "image": png_upload(400, 300, "v.png")}
    )
    assert response.status_code == 302
    badge = Badge.objects.get()
    assert str(badge.image.name).startswith("members/badges/badge-")
    with Image.open(badge.image.path) as stored:
        assert max(stored.size) <= 64
    # Not a picture: a form error.
    refused = client.post(
        NEW,
        {"name": "Other", "position": "0", "image": png_upload(1, 1, "x.png")}
        | {"image": _not_a_picture()},
    )
    assert refused.status_code == 400
    assert not Badge.objects.filter(name="Other").exists()


def _not_a_picture() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("x.png", b"<script>alert(1)</script>", content_type="image/png")


def test_badges_are_given_on_the_members_admin_page_and_show_beside_the_name(
    admin_member: Member, hina: Member, visitor: Any
) -> None:
    volunteer = Badge.objects.create(name="Volunteer", position=1)
    alumna = Badge.objects.create(name="Class of 1998", position=0)
    post = make_post(hina, "A reunion")
    # Pages seen before the badges are given (cached) show them after.
    assert "Volunteer" not in visitor.get(post.get_absolute_url()).content.decode()

    client = client_for(admin_member)
    url = reverse("roster:member_badges", args=[hina.pk])
    response = client.post(url, {"badges": [volunteer.pk, alumna.pk]})
    assert response.status_code == 302
    assert set(hina.badges.all()) == {volunteer, alumna}
    assert ActionLog.objects.filter(action="badges", target_label="Hina Baig").exists()

    byline = visitor.get(post.get_absolute_url()).content.decode()
    assert '<span class="member-badge" dir="auto">Volunteer</span>' in byline
    profile = visitor.get(hina.get_absolute_url()).content.decode()
    # In the badges' order (position first).
    assert profile.index("Class of 1998") < profile.index("Volunteer")
    directory = visitor.get(reverse("members:directory")).content.decode()
    assert "member-badge" in directory and "Volunteer" in directory

    # Taken away: gone from the pages too.
    client.post(url, {"badges": []})
    assert "Volunteer" not in visitor.get(post.get_absolute_url()).content.decode()
    assert "member-badge" not in visitor.get(hina.get_absolute_url()).content.decode()


def test_an_image_badge_shows_its_picture_named(admin_member: Member, hina: Member) -> None:
    client = client_for(admin_member)
    client.post(NEW, {"name": "Mentor", "position": "0", "image": png_upload(40, 40, "m.png")})
    hina.badges.add(Badge.objects.get())
    from django.core.cache import cache

    cache.clear()  # given outside the service: read afresh
    html = client.get(hina.get_absolute_url()).content.decode()
    assert 'class="member-badge-image"' in html and 'alt="Mentor"' in html


def test_a_badge_name_is_escaped(admin_member: Member, hina: Member, visitor: Any) -> None:
    client_for(admin_member).post(NEW, {"name": "<b>Boss</b>", "position": "0"})
    client_for(admin_member).post(
        reverse("roster:member_badges", args=[hina.pk]), {"badges": [Badge.objects.get().pk]}
    )
    html = visitor.get(hina.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Boss&lt;/b&gt;" in html and "<b>Boss</b>" not in html


def _authors_with_badges(n: int, start: int) -> None:
    badge, _ = Badge.objects.get_or_create(name="Volunteer")
    for i in range(start, start + n):
        author = make_member(f"Author {i}", f"author{i}@example.org")
        author.badges.add(badge)
        make_post(author, f"Post number {i}")


@pytest.mark.parametrize("url_name", ["blogs:list", "members:directory"])
def test_badges_beside_names_cost_no_query_per_name(
    network: Network, visitor: Any, url_name: str
) -> None:
    url = reverse(url_name)
    _authors_with_badges(5, 0)
    five = page_queries(visitor, url)
    assert "member-badge" in visitor.get(url).content.decode()
    _authors_with_badges(45, 5)
    fifty = page_queries(visitor, url)
    assert five == fifty


def test_members_may_not_manage_badges(member: Member, hina: Member) -> None:
    moderator = make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)
    for who in (member, moderator):
        assert client_for(who).get(BADGES).status_code == 403
        assert client_for(who).post(NEW, {"name": "Mine", "position": "0"}).status_code == 403
    assert not Badge.objects.exists()


def test_a_position_out_of_range_is_refused(admin_member: Member) -> None:
    response = client_for(admin_member).post(NEW, {"name": "Far", "position": "2147483648"})
    assert response.status_code == 400
    assert not Badge.objects.exists()


def test_badges_show_in_the_bylines_of_discussions_events_photos_and_videos(
    admin_member: Member, hina: Member, visitor: Any
) -> None:
    """Pages seen before the badge is given show it after (their cached parts depend on the
    people's version)."""
    import datetime as dt

    from django.utils import timezone

    from events.tests.helpers import make_event
    from forum.models import Category
    from forum.tests.helpers import make_discussion
    from videos.models import Video
    from videos.services import save_video

    category = Category.objects.create(name="Memories", slug="memories")
    discussion = make_discussion(hina, category, "Who remembers the old library?")
    event = make_event(hina, "Reunion dinner", start=timezone.now() + dt.timedelta(days=3))
    video = save_video(
        Video(), by=hina, url="https://youtu.be/dQw4w9WgXcQ", title="Our song", description=""
    )
    pages = [discussion.get_absolute_url(), category.get_absolute_url(), reverse("events:upcoming"),
             video.get_absolute_url()]  # fmt: skip
    for url in pages:
        assert "Mentor" not in visitor.get(url).content.decode(), url
    mentor = Badge.objects.create(name="Mentor")
    client_for(admin_member).post(
        reverse("roster:member_badges", args=[hina.pk]), {"badges": [mentor.pk]}
    )
    for url in pages:
        page = visitor.get(url).content.decode()
        assert '<span class="member-badge" dir="auto">Mentor</span>' in page, url
    assert event.pk


@pytest.mark.parametrize("position", ["1000", "32768", "2147483648"])
def test_a_badge_position_out_of_range_is_refused_with_a_message(
    admin_member: Member, position: str
) -> None:
    """A badge's position is a small integer on every database: past 999 the form says so and
    keeps what was typed, and nothing is saved."""
    response = client_for(admin_member).post(NEW, {"name": "Volunteer", "position": position})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 999." in page
    assert f'value="{position}"' in page
    assert 'value="Volunteer"' in page
    assert not Badge.objects.exists()
    badge = Badge(name="Volunteer", position=1000)
    with pytest.raises(ValidationError):
        badge.full_clean()
