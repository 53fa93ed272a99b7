"""The network's logo is stored like member photos: checked, re-encoded, no metadata, one file."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from conftest import client_for
from network.models import Network

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MAKE = 0x010F


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "SpyCam 3000"
    exif[GPS_IFD] = {1: "N", 2: (24.0, 51.0, 36.0), 3: "E", 4: (67.0, 0.0, 36.0)}
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "teal").save(out, format="JPEG", exif=exif)
    return out.getvalue()


def gif_with_script() -> bytes:
    out = io.BytesIO()
    Image.new("P", (40, 40)).save(out, format="GIF", comment=b"*/alert('logo-polyglot')/*")
    data = out.getvalue()
    assert b"alert('logo-polyglot')" in data
    return data


def upload_logo(client, name: str, data: bytes, content_type: str = "image/png"):
    return client.post(
        reverse("network:settings"),
        {
            "name": "Riverbend Alumni",
            "time_zone": "UTC",
            "logo": SimpleUploadedFile(name, data, content_type=content_type),
        },
        follow=True,
    )


def upload_raw(client, filename: bytes, data: bytes):
    """A multipart body written by hand: the test client refuses to send names like ".."."""
    boundary = b"----anjuman-test-boundary"
    parts = [
        b'Content-Disposition: form-data; name="name"\r\n\r\nRiverbend Alumni',
        b'Content-Disposition: form-data; name="time_zone"\r\n\r\nUTC',
        b'Content-Disposition: form-data; name="logo"; filename="'
        + filename
        + b'"\r\nContent-Type: image/jpeg\r\n\r\n'
        + data,
    ]
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts)
    body += b"--" + boundary + b"--\r\n"
    return client.generic(
        "POST",
        reverse("network:settings"),
        body,
        content_type=f"multipart/form-data; boundary={boundary.decode()}",
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(d, f), media) for d, _, fs in os.walk(media) for f in fs
    )


def test_a_logo_loses_its_camera_and_gps_metadata(creator, media):
    response = upload_logo(client_for(creator), "holiday.jpg", jpeg_with_gps(), "image/jpeg")
    assert "settings are saved." in response.content.decode()
    logo = Network.objects.get().logo
    stored = (media / logo.name).read_bytes()
    assert b"SpyCam" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()
        assert max(image.size) <= 256
    # The page shows the stored, re-encoded file.
    assert logo.url in client_for(creator).get("/").content.decode()


def test_a_picture_that_is_also_a_script_is_stored_as_a_plain_picture(creator, media):
    upload_logo(client_for(creator), "logo.gif", gif_with_script(), "image/gif")
    logo = Network.objects.get().logo
    assert b"alert(" not in (media / logo.name).read_bytes()


def test_the_stored_name_and_type_are_ours_not_the_uploaders(creator, media):
    upload_logo(client_for(creator), "logo.gif", jpeg_with_gps(), "image/gif")  # JPEG as .gif
    name = Network.objects.get().logo.name
    assert name.startswith("network/logo-") and name.endswith(".jpg")
    with Image.open(media / name) as image:
        assert image.format == "JPEG"


def test_a_transparent_logo_stays_transparent(creator, media):
    out = io.BytesIO()
    Image.new("RGBA", (64, 64), (0, 0, 0, 0)).save(out, format="PNG")
    upload_logo(client_for(creator), "logo.png", out.getvalue())
    with Image.open(media / Network.objects.get().logo.name) as image:
        assert image.format == "PNG" and image.getpixel((1, 1))[3] == 0


def test_replacing_or_clearing_the_logo_leaves_no_old_file(
    creator, media, django_capture_on_commit_callbacks
):
    client = client_for(creator)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            upload_logo(client, "logo.jpg", jpeg_with_gps(), "image/jpeg")
    assert stored_files(media) == [Network.objects.get().logo.name]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("network:settings"),
            {"name": "Riverbend Alumni", "time_zone": "UTC", "logo-clear": "on"},
        )
    assert not Network.objects.get().logo
    assert stored_files(media) == []


@pytest.mark.parametrize("name", [b"..", b".", b"\x01\x02", b"../.."])
def test_an_upload_with_a_name_django_would_drop_is_refused_not_ignored(creator, media, name):
    client = client_for(creator)
    upload_logo(client, "first.jpg", jpeg_with_gps(), "image/jpeg")
    before = Network.objects.get().logo.name
    response = upload_raw(client, name, jpeg_with_gps())
    page = response.content.decode()
    assert response.status_code == 400
    assert "settings are saved" not in page
    assert "File extension" in page
    assert Network.objects.get().logo.name == before


def test_an_upload_whose_name_is_not_utf8_is_refused_not_ignored(creator, media):
    client = client_for(creator)
    upload_logo(client, "first.jpg", jpeg_with_gps(), "image/jpeg")
    before = Network.objects.get().logo.name
    response = upload_raw(client, b"\xff\xfe\xc3(.jpg", jpeg_with_gps())
    assert response.status_code == 400
    assert "The submitted file is empty." in response.content.decode()
    assert Network.objects.get().logo.name == before


def test_an_empty_file_input_keeps_the_logo(creator, media):
    client = client_for(creator)
    upload_logo(client, "first.jpg", jpeg_with_gps(), "image/jpeg")
    before = Network.objects.get().logo.name
    response = client.post(
        reverse("network:settings"),
        {"name": "Riverbend Alumni", "time_zone": "UTC", "logo": ""},
    )
    assert response.status_code == 302
    assert Network.objects.get().logo.name == before
