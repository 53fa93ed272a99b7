"""The photo pages as each persona sees them, albums, prev/next, the slideshow, hiding,
deleting, what a member's removal or leaving does, the activity line and the sections."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from activity import queries
from activity.lines import render_lines
from comments.services import add_comment
from conftest import client_for, make_member
from likes.services import like
from members.models import Member
from members.services import leave, remove_member
from photos import services
from photos.models import Album, Photo

from .helpers import add_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(network):
    return make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)


@pytest.fixture
def photo(member):
    p = add_photo(member)
    services.edit_photo(p, by=member, caption="Convocation hall at dusk", album=None)
    return p


def test_a_visitor_sees_the_photo_and_meets_the_join_gate(visitor, photo):
    page = visitor.get(photo.get_absolute_url())
    assert page.status_code == 200
    assert photo.image.url in page.text
    assert "Convocation hall at dusk" in page.text
    assert "to add comments!" in page.text  # the join gate
    assert "Edit caption" not in page.text and ">Delete<" not in page.text
    assert reverse("photos:slideshow", args=[photo.pk]) in page.text


def test_the_owner_edits_the_caption_and_moves_it_into_an_album(member, photo):
    album = Album.objects.create(owner=member, title="Campus")
    client = client_for(member)
    assert "Edit caption" in client.get(photo.get_absolute_url()).text
    response = client.post(
        reverse("photos:edit", args=[photo.pk]), {"caption": "  New  caption ", "album": album.pk}
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "New caption" and photo.album == album
    page = client.get(photo.get_absolute_url()).text
    assert "New caption" in page and "Campus" in page


def test_a_too_long_caption_keeps_what_was_typed(member, photo):
    response = client_for(member).post(
        reverse("photos:edit", args=[photo.pk]), {"caption": "x" * 501}
    )
    assert response.status_code == 400
    assert "x" * 501 in response.text


def test_other_members_may_neither_edit_nor_delete(other_member, photo):
    client = client_for(other_member)
    assert client.get(reverse("photos:edit", args=[photo.pk])).status_code == 403
    assert client.post(reverse("photos:delete", args=[photo.pk])).status_code == 403
    assert client.post(reverse("photos:hide", args=[photo.pk])).status_code == 403
    assert Photo.objects.filter(pk=photo.pk, hidden_at=None).exists()


def test_a_moderator_hides_the_photo_from_everyone_but_its_owner_and_moderators(
    moderator, member, other_member, visitor, photo
):
    client = client_for(moderator)
    confirm = client.get(reverse("photos:hide", args=[photo.pk]))
    assert confirm.status_code == 200 and "Hide this photo?" in confirm.text
    assert client.post(reverse("photos:hide", args=[photo.pk])).status_code == 302
    assert visitor.get(photo.get_absolute_url()).status_code == 404
    assert client_for(other_member).get(photo.get_absolute_url()).status_code == 404
    assert photo.thumb.url not in visitor.get(reverse("photos:list")).text
    owner_page = client_for(member).get(photo.get_absolute_url())
    assert owner_page.status_code == 200 and "A moderator has hidden this photo" in owner_page.text
    assert client.get(photo.get_absolute_url()).status_code == 200
    client.post(reverse("photos:unhide", args=[photo.pk]))
    assert visitor.get(photo.get_absolute_url()).status_code == 200


def test_deleting_asks_first_then_takes_the_files_comments_and_likes(
    member, other_member, admin_member, photo, django_capture_on_commit_callbacks
):
    add_comment(photo, other_member, "Lovely light")
    like(photo, other_member)
    names = [photo.image.name, photo.thumb.name]
    client = client_for(admin_member)
    confirm = client.get(reverse("photos:delete", args=[photo.pk]))
    assert "1 comment will be deleted" in confirm.text
    assert Photo.objects.filter(pk=photo.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("photos:delete", args=[photo.pk])).status_code == 302
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not any(default_storage.exists(name) for name in names)


def test_deleting_an_album_says_its_photos_stay_and_keeps_them(member, moderator):
    album = Album.objects.create(owner=member, title="Reunion 2019")
    kept = [add_photo(member, album=album) for _ in range(2)]
    client = client_for(member)
    confirm = client.get(reverse("photos:album_delete", args=[album.pk]))
    assert "Its 2 photos are not deleted" in confirm.text
    assert client.post(reverse("photos:album_delete", args=[album.pk])).status_code == 302
    assert not Album.objects.exists()
    assert Photo.objects.filter(pk__in=[p.pk for p in kept], album=None).count() == 2


def test_albums_are_made_renamed_and_listed_by_their_owner_only(member, other_member):
    client = client_for(member)
    response = client.post(reverse("photos:album_create"), {"title": "Hostel days"})
    album = Album.objects.get()
    assert response["Location"] == album.get_absolute_url()
    assert (
        client_for(other_member).get(reverse("photos:album_edit", args=[album.pk])).status_code
        == 403
    )
    assert client.post(reverse("photos:album_create"), {"title": ""}).status_code == 400
    page = client.get(reverse("photos:member", args=[member.handle])).text
    assert "Hostel days" in page


def test_previous_and_next_follow_the_album_and_the_slideshow_too(member):
    album = Album.objects.create(owner=member, title="Trip")
    first, second, third = (add_photo(member, album=album) for _ in range(3))
    outside = add_photo(member)
    Photo.objects.filter(pk=first.pk).update(created_at=first.created_at.replace(year=2020))
    Photo.objects.filter(pk=second.pk).update(created_at=first.created_at.replace(year=2021))
    Photo.objects.filter(pk=third.pk).update(created_at=first.created_at.replace(year=2022))
    page = client_for(member).get(second.get_absolute_url()).text
    # Newest first: the previous is the newer (third), the next the older (first).
    assert f'rel="prev" href="{third.get_absolute_url()}"' in page
    assert f'rel="next" href="{first.get_absolute_url()}"' in page
    assert outside.get_absolute_url() not in page
    show = client_for(member).get(reverse("photos:slideshow", args=[second.pk])).text
    assert f'href="{reverse("photos:slideshow", args=[third.pk])}" data-key="ArrowLeft"' in show
    assert f'href="{reverse("photos:slideshow", args=[first.pk])}" data-key="ArrowRight"' in show
    assert "slideshow.js" in show and "<script>" not in show


def test_a_new_photo_shows_at_the_next_request_of_every_listing(visitor, member, network):
    pages = ["/", reverse("photos:list"), reverse("photos:member", args=[member.handle])]
    pages.append(member.get_absolute_url())
    for url in pages:
        assert visitor.get(url).status_code == 200  # cached for visitors now
    photo = add_photo(member)
    for url in pages:
        assert photo.thumb.url in visitor.get(url).text, url


def test_home_page_and_navigation_show_photos(visitor, member, network):
    add_photo(member)
    home = visitor.get("/").text
    assert "Latest Photos" in home
    assert f'href="{reverse("photos:list")}">Photos</a>' in home


def test_photos_added_together_make_one_activity_line(member, network):
    for _ in range(5):
        add_photo(member)
    page = queries.read(None)
    html = render_lines(page, network)
    assert f"{member.display_name}</bdi></a> added" in html or "added" in html
    assert "5 photos" in html
    assert html.count("activity-line") == 1


def test_a_removed_members_photos_and_files_go(member, django_capture_on_commit_callbacks):
    photo = add_photo(member)
    names = [photo.image.name, photo.thumb.name]
    with django_capture_on_commit_callbacks(execute=True):
        remove_member(member)
    assert not Photo.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_a_member_who_leaves_keeping_content_keeps_their_photos_as_a_former_member(member, visitor):
    photo = add_photo(member)
    leave(member, keep_content=True)
    page = visitor.get(photo.get_absolute_url())
    assert page.status_code == 200
    assert "Added by a former member" in page.text
    assert default_storage.exists(photo.image.name)


def test_a_suspended_owner_signs_in_as_nobody(member, photo):
    client = client_for(member)
    Member.objects.filter(pk=member.pk).update(is_active=False)
    response = client.get(reverse("photos:edit", args=[photo.pk]))
    assert response.status_code == 302 and "signin" in response["Location"]


@pytest.mark.parametrize(
    ("persona", "edit", "hide", "delete", "upload"),
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
def test_what_each_persona_may_do_on_a_photo_page(
    persona, edit, hide, delete, upload, network, member, photo, unconfirmed, admin_member, visitor
):
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
    page = client.get(photo.get_absolute_url())
    assert page.status_code == 200
    assert (reverse("photos:edit", args=[photo.pk]) in page.text) is edit
    assert (reverse("photos:hide", args=[photo.pk]) in page.text) is hide
    assert (reverse("photos:delete", args=[photo.pk]) in page.text) is delete
    listing = client.get(reverse("photos:list")).text
    assert (reverse("photos:upload") in listing) is upload
    assert ("to add comments!" in page.text) is (persona in ("visitor", "suspended"))
