"""Each kind's own form takes tags: saved with the item, shown as links on its page, offered
again when it is edited; too many or too long tags are a form error keeping what was typed."""

import pytest
from django.urls import reverse

from conftest import client_for
from events.models import Event
from forum.models import Discussion
from forum.tests.helpers import make_category
from groups.models import Group
from members.models import Member
from photos.models import Photo
from tags.services import tags_of
from videos.models import Video

from .helpers import admin_of, make_video

TYPED = "Karachi, karachi , کراچی"
LINKS = ('<a href="/tags/karachi/" rel="tag" dir="auto">Karachi</a>', "کراچی</a>")
TOO_MANY = ", ".join(f"tag {n}" for n in range(11))


def shows_tags(html: str) -> bool:
    return all(link in html for link in LINKS)


@pytest.mark.django_db
def test_a_discussion_is_started_and_edited_with_tags(member: Member) -> None:
    category = make_category(admin_of())
    client = client_for(member)
    data = {"category": category.pk, "title": "Reunion", "body": "Who comes?"}
    refused = client.post(reverse("forum:start"), {**data, "tags": TOO_MANY})
    assert refused.status_code == 400
    assert "At most 10 tags" in refused.content.decode()
    assert "tag 10" in refused.content.decode()  # what was typed stays
    response = client.post(reverse("forum:start"), {**data, "tags": TYPED})
    assert response.status_code == 302
    discussion = Discussion.objects.get()
    assert [t.name for t in tags_of(discussion)] == ["Karachi", "کراچی"]
    assert shows_tags(client.get(discussion.get_absolute_url()).content.decode())
    edit = reverse("forum:edit", args=[discussion.pk])
    assert "Karachi, کراچی" in client.get(edit).content.decode()
    client.post(edit, {**data, "tags": "Lahore"})
    assert [t.name for t in tags_of(discussion)] == ["Lahore"]


@pytest.mark.django_db
def test_an_event_is_made_with_tags(member: Member) -> None:
    client = client_for(member)
    data = {
        "title": "Alumni iftar",
        "description": "",
        "start_date": "2026-12-05",
        "start_time": "18:00",
        "end_time": "21:30",
        "privacy": "public",
    }
    refused = client.post(reverse("events:create"), {**data, "tags": "x" * 51})
    assert refused.status_code == 400
    assert "at most 50 characters" in refused.content.decode()
    assert client.post(reverse("events:create"), {**data, "tags": TYPED}).status_code == 302
    event = Event.objects.get()
    assert [t.name for t in tags_of(event)] == ["Karachi", "کراچی"]
    assert shows_tags(client.get(event.get_absolute_url()).content.decode())
    assert "Karachi, کراچی" in client.get(reverse("events:edit", args=[event.pk])).content.decode()


@pytest.mark.django_db
def test_a_video_is_edited_with_tags(member: Member) -> None:
    video = make_video(member)
    client = client_for(member)
    edit = reverse("videos:edit", args=[video.pk])
    data = {"url": video.url, "title": video.title, "description": ""}
    assert client.post(edit, {**data, "tags": TOO_MANY}).status_code == 400
    assert client.post(edit, {**data, "tags": TYPED}).status_code == 302
    assert shows_tags(client.get(video.get_absolute_url()).content.decode())
    assert "Karachi, کراچی" in client.get(edit).content.decode()
    assert Video.objects.count() == 1


@pytest.mark.django_db
def test_a_photo_is_edited_with_tags(member: Member) -> None:
    photo = Photo.objects.create(owner=member, caption="Clifton", image="x.jpg", thumb="t.jpg")
    client = client_for(member)
    edit = reverse("photos:edit", args=[photo.pk])
    assert client.post(edit, {"caption": "Clifton", "album": "", "tags": TYPED}).status_code == 302
    assert shows_tags(client.get(photo.get_absolute_url()).content.decode())
    assert "Karachi, کراچی" in client.get(edit).content.decode()


@pytest.mark.django_db
def test_a_group_is_made_with_tags(member: Member) -> None:
    client = client_for(member)
    data = {"name": "Lahore Chapter", "slug": "", "description": "Chai.", "joining": "open"}
    assert client.post(reverse("groups:create"), {**data, "tags": TOO_MANY}).status_code == 400
    assert client.post(reverse("groups:create"), {**data, "tags": TYPED}).status_code == 302
    group = Group.objects.get()
    assert shows_tags(client.get(group.get_absolute_url()).content.decode())
    edit = reverse("groups:edit", args=[group.slug])
    assert "Karachi, کراچی" in client.get(edit).content.decode()


@pytest.mark.django_db
def test_a_deleted_items_tags_go_with_it(member: Member) -> None:
    from tags.models import TaggedItem
    from tags.services import set_tags

    video = make_video(member)
    set_tags(video, ["Karachi"])
    video.delete()
    assert not TaggedItem.objects.exists()


@pytest.mark.django_db
def test_photos_uploaded_together_share_the_tags_typed(member: Member, settings, tmp_path) -> None:
    from conftest import png_upload

    settings.MEDIA_ROOT = tmp_path
    client = client_for(member)
    refused = client.post(
        reverse("photos:upload"), {"photos": [png_upload(40, 30, "a.png")], "tags": TOO_MANY}
    )
    assert refused.status_code == 400
    assert "tag 10" in refused.content.decode()
    response = client.post(
        reverse("photos:upload"),
        {"photos": [png_upload(40, 30, "a.png"), png_upload(40, 30, "b.png")], "tags": TYPED},
    )
    assert response.status_code == 302
    assert [[t.name for t in tags_of(photo)] for photo in Photo.objects.all()] == [
        ["Karachi", "کراچی"],
        ["Karachi", "کراچی"],
    ]
