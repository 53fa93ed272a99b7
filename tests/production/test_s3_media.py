"""Uploads through Django's storage API into an S3-compatible object store (moto in server mode,
a real HTTP server), as settings.py configures it when S3_BUCKET is set."""

import html
import io
import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image
from storages.backends.s3 import S3Storage

from conftest import client_for, png_upload
from members.models import Member

from .servers import http_get

pytestmark = [pytest.mark.processes, pytest.mark.django_db]


def upload_photo(client, member, width=1200, height=800):
    return client.post(
        reverse("members:edit_profile"),
        {
            "display_name": member.display_name,
            "about": "",
            "photo": png_upload(width, height, "holiday.png"),
        },
    )


def test_member_photos_use_the_s3_storage(s3_media):
    # FileField keeps the `default_storage` proxy, which follows STORAGES when it changes.
    assert Member._meta.get_field("photo").storage is default_storage
    assert isinstance(default_storage, S3Storage)
    assert default_storage.bucket_name == s3_media.bucket


def test_an_uploaded_photo_is_stored_in_the_bucket_and_shown_from_it(s3_media, member):
    client = client_for(member)
    response = upload_photo(client, member)
    assert response.status_code == 302

    member.refresh_from_db()
    assert s3_media.keys() == sorted([member.photo.name, member.photo_thumb.name])
    assert member.photo.name == f"members/photos/{member.pk}.jpg"
    assert member.photo_thumb.name == f"members/thumbs/{member.pk}.jpg"

    page = client.get(member.get_absolute_url()).content.decode()
    src = html.unescape(re.search(r'<img class="avatar large" src="([^"]+)"', page).group(1))
    assert src.startswith(f"{s3_media.endpoint_url}/{s3_media.bucket}/{member.photo.name}?")

    photo = http_get(src)
    assert photo.status == 200
    with Image.open(io.BytesIO(photo.body)) as image:
        assert (image.format, image.size) == ("JPEG", (512, 341))

    thumb = http_get(member.photo_thumb.url)
    with Image.open(io.BytesIO(thumb.body)) as image:
        assert (image.format, image.size) == ("JPEG", (96, 64))


def test_a_new_photo_replaces_the_old_objects(s3_media, member):
    client = client_for(member)
    upload_photo(client, member)
    upload_photo(client, member, width=600, height=900)

    member.refresh_from_db()
    # The store never overwrites a name; the new files get new names and the old ones go.
    assert member.photo.name != f"members/photos/{member.pk}.jpg"
    assert s3_media.keys() == sorted([member.photo.name, member.photo_thumb.name])
    with Image.open(io.BytesIO(http_get(member.photo.url).body)) as image:
        assert image.size == (341, 512)
