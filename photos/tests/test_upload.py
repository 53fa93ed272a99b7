"""Adding photos: several at once, each checked; what is stored has no EXIF and is upright."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from conftest import client_for
from photos import images
from photos.models import Album, Photo

from .helpers import GPS_IFD, exif_of, jpeg, jpeg_bytes, png, text_as_jpg

pytestmark = pytest.mark.django_db

UPLOAD = "/photos/add/"


def stored(name: str) -> bytes:
    with default_storage.open(name) as f:
        data: bytes = f.read()
    return data


def test_several_files_in_one_upload_become_photos_with_two_sizes(member):
    client = client_for(member)
    page = client.get(UPLOAD)
    assert page.status_code == 200
    assert "multiple" in page.text and 'enctype="multipart/form-data"' in page.text
    files = [jpeg("a.jpg", colour="red"), jpeg("b.jpg", colour="blue"), png("c.png")]
    response = client.post(UPLOAD, {"photos": files, "album": "", "new_album": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("photos:member", args=[member.handle])
    photos = list(Photo.objects.filter(owner=member))
    assert len(photos) == 3
    for photo in photos:
        with Image.open(photo.thumb.open()) as thumb:
            assert thumb.size == (images.THUMB, images.THUMB)
        assert photo.image.name.startswith("photos/large/")
        assert not photo.image.name.endswith(("/a.jpg", "/b.jpg", "/c.png"))  # names are ours
    page = client.get(response["Location"])
    assert "3 photos added." in page.text
    for photo in photos:
        assert photo.thumb.url in page.text


def test_gps_location_and_camera_are_gone_and_the_orientation_is_applied(member):
    original = jpeg_bytes(80, 40, gps=True, orientation=6)  # "rotate 90°": shown 40 × 80
    assert exif_of(original).get_ifd(GPS_IFD)  # the test file does carry a location
    client = client_for(member)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("holiday.jpg", original, content_type="image/jpeg")
    assert client.post(UPLOAD, {"photos": [upload]}).status_code == 302
    photo = Photo.objects.get(owner=member)
    for name in (photo.image.name, photo.thumb.name):
        data = stored(name)
        exif = exif_of(data)
        assert not exif.get_ifd(GPS_IFD)
        assert len(exif) == 0  # no camera, no orientation: nothing at all
        assert b"Test Camera Co" not in data
    assert (photo.width, photo.height) == (40, 80)


def test_a_text_file_named_jpg_is_refused_by_name_and_the_rest_is_kept(member):
    client = client_for(member)
    response = client.post(
        UPLOAD, {"photos": [jpeg("good.jpg"), text_as_jpg("notes.jpg")]}, follow=True
    )
    assert response.status_code == 200
    assert Photo.objects.filter(owner=member).count() == 1
    assert "1 photo added." in response.text
    assert "“notes.jpg” is not a picture" in response.text


def test_an_upload_of_nothing_but_refused_files_keeps_the_form_with_the_reasons(member):
    client = client_for(member)
    response = client.post(UPLOAD, {"photos": [text_as_jpg("notes.jpg")], "new_album": "Trip"})
    assert response.status_code == 400
    assert "“notes.jpg” is not a picture" in response.text
    assert 'value="Trip"' in response.text  # what was typed stays
    assert not Photo.objects.exists()


def test_a_too_big_file_is_refused(member, monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    client = client_for(member)
    big = jpeg("big.jpg", width=400, height=400, colour="orange")
    assert big.size > 1000
    response = client.post(UPLOAD, {"photos": [big, text_as_jpg("x.jpg")]})
    assert response.status_code == 400
    assert "“big.jpg” is" in response.text and "the largest photo allowed" in response.text
    assert not Photo.objects.exists()


def test_too_many_pixels_are_refused(member, monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 100)
    response = client_for(member).post(UPLOAD, {"photos": [jpeg("wide.jpg")]})
    assert response.status_code == 400
    assert "“wide.jpg” has too many pixels" in response.text


def test_more_files_than_allowed_are_refused_before_anything_is_stored(member, monkeypatch):
    monkeypatch.setattr(images, "MAX_FILES", 2)
    files = [jpeg(f"{i}.jpg") for i in range(3)]
    response = client_for(member).post(UPLOAD, {"photos": files})
    assert response.status_code == 400
    assert "at most 2 photos can be added at once" in response.text
    assert not Photo.objects.exists()


def test_no_file_chosen_is_a_form_error(member):
    response = client_for(member).post(UPLOAD, {"new_album": ""})
    assert response.status_code == 400
    assert "Please choose at least one photo." in response.text


def test_a_new_album_is_made_and_the_photos_go_into_it(member):
    client = client_for(member)
    response = client.post(UPLOAD, {"photos": [jpeg(), jpeg()], "new_album": "Graduation Day"})
    album = Album.objects.get(owner=member)
    assert response["Location"] == album.get_absolute_url()
    assert album.title == "Graduation Day"
    assert album.photos.count() == 2


def test_another_members_album_cannot_be_chosen(member, other_member):
    theirs = Album.objects.create(owner=other_member, title="Theirs")
    response = client_for(member).post(UPLOAD, {"photos": [jpeg()], "album": theirs.pk})
    assert response.status_code == 400
    assert not Photo.objects.exists()


def test_the_script_gets_an_answer_per_file(member):
    client = client_for(member)
    response = client.post(
        UPLOAD,
        {"photos": [jpeg()], "new_album": "Picnic"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["added"] == 1 and answer["album"] == Album.objects.get().pk
    refused = client.post(
        UPLOAD, {"photos": [text_as_jpg("a.jpg")]}, headers={"Accept": "application/json"}
    )
    assert refused.status_code == 400
    assert "“a.jpg” is not a picture" in refused.json()["refused"][0]


def test_visitors_are_asked_to_sign_in_and_unconfirmed_members_to_confirm(visitor, unconfirmed):
    response = visitor.get(UPLOAD)
    assert response.status_code == 302 and "/signin/" in response["Location"]
    response = client_for(unconfirmed).post(UPLOAD, {"photos": [jpeg()]})
    assert response.status_code == 302 and response["Location"] == "/"
    assert not Photo.objects.exists()


def test_a_new_album_is_not_made_when_no_photo_goes_into_it(member):
    response = client_for(member).post(
        UPLOAD, {"photos": [text_as_jpg("a.jpg")], "new_album": "Empty trip"}
    )
    assert response.status_code == 400
    assert not Album.objects.exists()


def test_files_of_an_upload_that_fails_are_not_left_behind(member, monkeypatch, settings):
    from pathlib import Path

    from photos import services

    def broken(self, *args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Photo, "save", broken)
    with pytest.raises(RuntimeError):
        services.add_photos(member, [jpeg()])
    root = Path(settings.MEDIA_ROOT)
    assert not [p for p in root.rglob("*") if p.is_file()]
