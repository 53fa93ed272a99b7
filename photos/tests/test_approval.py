"""Approval of photos (moderation/: Network.approval_required "photos"): new photos wait,
seen by their owner and the photos' moderators only, in no list or activity, until a
moderator approves (then listed and told) or rejects (then deleted, the owner told why)."""

import pytest
from django.test import Client
from django.urls import reverse

from activity.models import Entry
from conftest import client_for, make_member, page_queries
from lib.cachetags import invalidate
from members.models import Member
from notifications.models import Notification
from photos.models import Photo
from photos.tests.helpers import add_photo, jpeg

pytestmark = pytest.mark.django_db

PENDING = reverse("moderation:pending")
UPLOAD = reverse("photos:upload")


@pytest.fixture
def approving(network):
    network.approval_required = ["photos"]
    network.save()
    invalidate("network")
    return network


def photos_moderator() -> Member:
    return make_member(
        "Parveen Photos",
        "parveen@example.org",
        role=Member.Role.MODERATOR,
        moderator_scopes=["photos"],
    )


def blogs_moderator() -> Member:
    return make_member(
        "Bushra Blogs", "bushra@example.org", role=Member.Role.MODERATOR, moderator_scopes=["blogs"]
    )


def act_url(pk: int, action: str) -> str:
    return reverse("moderation:act", args=["photo", pk, action])


def lists(client: Client, owner: Member) -> str:
    urls = [reverse("photos:list"), reverse("network:home"), reverse("activity:everyone")]
    urls.append(reverse("photos:member", args=[owner.handle]))
    return "".join(client.get(url).content.decode() for url in urls)


def test_new_photos_wait_seen_by_their_owner_and_the_photos_moderators(
    approving, member, other_member
):
    moderator, elsewhere = photos_moderator(), blogs_moderator()
    owner = client_for(member)
    response = owner.post(UPLOAD, {"photos": [jpeg("a.jpg")], "album": "", "new_album": ""})
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.is_pending
    url = photo.get_absolute_url()
    thumb = photo.thumb.url

    assert "for a moderator" in owner.get(response["Location"]).content.decode()
    assert "waits for a moderator" in owner.get(url).content.decode()
    assert thumb in owner.get(reverse("photos:member", args=[member.handle])).content.decode()
    for who in (Client(), client_for(other_member), client_for(elsewhere)):
        assert who.get(url).status_code == 404
        assert thumb not in lists(who, member)
    assert client_for(moderator).get(url).status_code == 200
    assert thumb not in client_for(moderator).get(reverse("photos:list")).content.decode()
    assert not Entry.objects.filter(kind="photos.added").exists()
    assert Notification.objects.filter(recipient=moderator, kind="moderation-pending").exists()
    queue = client_for(moderator).get(PENDING).content.decode()
    assert act_url(photo.pk, "approve") in queue
    assert client_for(elsewhere).post(act_url(photo.pk, "approve")).status_code == 403


def test_approving_lists_and_tells_it(approving, member):
    moderator = photos_moderator()
    photo = add_photo(member)
    assert photo.is_pending
    lists(Client(), member)  # the visitors' cached pages, before
    response = client_for(moderator).post(act_url(photo.pk, "approve"), {"reason": ""})
    assert response.status_code == 302
    photo.refresh_from_db()
    assert not photo.is_pending
    assert photo.thumb.url in lists(Client(), member)
    assert Client().get(photo.get_absolute_url()).status_code == 200
    assert Entry.objects.filter(kind="photos.added").count() == 1


def test_rejecting_deletes_it_and_tells_the_owner_why(approving, member):
    moderator = photos_moderator()
    photo = add_photo(member)
    response = client_for(moderator).post(act_url(photo.pk, "reject"), {"reason": "Not ours."})
    assert response.status_code == 302
    assert not Photo.objects.exists()
    told = Notification.objects.get(recipient=member, kind="moderation-rejected")
    assert told.excerpt == "Not ours." and told.target_id is None


def test_moderators_photos_and_networks_without_approval_do_not_wait(
    approving, network, member, creator
):
    assert not add_photo(photos_moderator()).is_pending
    assert not add_photo(creator).is_pending
    assert add_photo(blogs_moderator()).is_pending
    network.approval_required = []
    network.save()
    invalidate("network")
    assert not add_photo(member).is_pending


def test_the_list_costs_the_same_with_photos_waiting(approving, member, creator):
    for _n in range(5):
        add_photo(creator)
    add_photo(member)
    before = page_queries(Client(), reverse("photos:list"))
    for _n in range(45):
        add_photo(creator)
    assert page_queries(Client(), reverse("photos:list")) == before
