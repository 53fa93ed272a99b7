"""The network's favicon: chosen on /manage/, shown in every page's tab and at /favicon.ico;
Anjuman's own until one is chosen."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from conftest import client_for
from network.models import Network

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(size: tuple[int, int], colour: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, colour).save(out, format="PNG")
    return out.getvalue()


def save_settings(client, **files):
    return client.post(
        reverse("network:settings"),
        {"name": "Riverbend Alumni", "time_zone": "UTC", **files},
        follow=True,
    )


def test_without_a_favicon_pages_and_favicon_ico_use_anjumans(network):
    html = Client().get("/").content.decode()
    assert '<link rel="icon" href="/static/anjuman/favicon.svg" type="image/svg+xml">' in html
    response = Client().get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/anjuman/favicon.svg"
    assert "max-age=86400" in response["Cache-Control"]


def test_the_creator_chooses_a_favicon_made_64_pixels_and_the_old_file_goes(
    network, creator, media, django_capture_on_commit_callbacks
):
    client = client_for(creator)
    response = save_settings(
        client, favicon=SimpleUploadedFile("icon.png", png((300, 300)), content_type="image/png")
    )
    assert response.status_code == 200
    first = Network.objects.get().favicon
    assert first.name.startswith("network/favicon-") and first.name.endswith(".png")
    with Image.open(first.path) as image:
        assert image.size == (64, 64)
    html = Client().get("/").content.decode()
    assert f'<link rel="icon" href="{first.url}">' in html
    assert Client().get("/favicon.ico")["Location"] == first.url

    # A new one replaces it (the old file deleted once saved); the logo is left as it was.
    with django_capture_on_commit_callbacks(execute=True):
        save_settings(
            client,
            favicon=SimpleUploadedFile("b.png", png((64, 64), "red"), content_type="image/png"),
        )
    network_now = Network.objects.get()
    assert network_now.favicon.name != first.name and not network_now.logo
    assert not first.storage.exists(first.name)


def test_a_file_that_is_not_a_picture_is_refused_with_a_message(network, creator, media):
    response = save_settings(
        client_for(creator),
        favicon=SimpleUploadedFile("icon.png", b"<svg onload=alert(1)>", content_type="image/png"),
    )
    assert response.status_code == 400
    assert not Network.objects.get().favicon
    assert "errorlist" in response.content.decode()


def test_favicon_ico_is_open_on_a_private_network(network):
    Network.objects.update(visibility=Network.Visibility.PRIVATE)
    from lib.cachetags import invalidate

    invalidate("network")
    assert Client().get("/favicon.ico").status_code == 302
    assert Client().get("/").status_code in (302, 403)
