"""Every photo listing makes the same number of queries at 5 and at 50 photos."""

import pytest
from django.urls import reverse

from conftest import client_for, make_member, page_queries
from members.models import Member
from photos.models import Album, Photo
from tests.datafixtures import assert_same_queries

from .helpers import add_photo

pytestmark = pytest.mark.django_db


def grow(owner, album, n):
    """n photos sharing the files of one (real files are slow to make; rows are what count)."""
    model = add_photo(owner, album=album)
    Photo.objects.bulk_create(
        Photo(owner=owner, album=album, image=model.image.name, thumb=model.thumb.name,
              width=model.width, height=model.height)
        for _ in range(n - 1)
    )  # fmt: skip


def test_listings_cost_the_same_at_5_and_50_photos(network, member, visitor):
    """Every listing as a visitor, the owner and a moderator (the photos made once, every
    (page, persona) counted at each size)."""
    viewers = {
        "visitor": visitor,
        "member": client_for(member),
        "moderator": client_for(
            make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)
        ),
    }
    album = Album.objects.create(owner=member, title="Big album")
    one = add_photo(member, album=album)
    urls = [
        "/",
        member.get_absolute_url(),
        reverse("photos:list"),
        reverse("photos:list") + "?page=2",
        reverse("photos:member", args=[member.handle]),
        reverse("photos:album", args=[album.pk]),
        one.get_absolute_url(),
        reverse("photos:slideshow", args=[one.pk]),
    ]

    def counts():
        return {
            (url, who): page_queries(viewer, url) for url in urls for who, viewer in viewers.items()
        }

    grow(member, album, 4)
    grow(member, None, 25)  # a second page of the network's list
    counts()  # process-wide lookups (content types of every app) made once
    small = counts()
    grow(member, album, 45)
    grow(member, None, 45)
    assert_same_queries(small, counts())
