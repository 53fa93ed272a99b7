import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from conftest import client_for, make_post, png_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_profile_shows_name_about_and_posts(visitor, member):
    member.about = "Civil engineer in Toronto."
    member.save()
    make_post(member, title="Bridges I have known")
    make_post(member, title="Secret draft", publish=False)
    response = visitor.get(member.get_absolute_url())
    assert b"Bilal Ahmed" in response.content
    assert b"Civil engineer in Toronto." in response.content
    assert b"Bridges I have known" in response.content
    assert b"Secret draft" not in response.content


def test_an_unknown_member_is_404(visitor):
    assert visitor.get(reverse("members:profile", args=["nobody"])).status_code == 404


def test_a_photo_is_resized_and_shown(member):
    client = client_for(member)
    response = client.post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal A.", "about": "Hello", "photo": png_upload(2000, 1000)},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Bilal A."
    with Image.open(member.photo.path) as photo:
        assert photo.size == (512, 256)
    with Image.open(member.photo_thumb.path) as thumb:
        assert max(thumb.size) == 96
    assert member.photo.url.encode() in client.get(member.get_absolute_url()).content


def test_a_file_that_is_not_an_image_is_refused(member):
    fake = SimpleUploadedFile("cv.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client_for(member).post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal Ahmed", "about": "typed text stays", "photo": fake},
    )
    assert response.status_code == 400
    assert b"not an image we can read" in response.content
    assert b"typed text stays" in response.content
    member.refresh_from_db()
    assert not member.photo


def test_an_oversize_photo_is_refused(member, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    response = client_for(member).post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal Ahmed", "about": "", "photo": png_upload(600, 600)},
    )
    assert b"the largest allowed is 1000" in response.content
    member.refresh_from_db()
    assert not member.photo


def test_editing_a_profile_needs_sign_in(visitor):
    response = visitor.get(reverse("members:edit_profile"))
    assert response.url.startswith(reverse("members:signin"))


def test_the_directory_lists_and_searches_members(visitor, member, other_member):
    page = visitor.get(reverse("members:directory"))
    assert b"Members (3)" in page.content
    found = visitor.get(reverse("members:directory"), {"q": "charl"})
    assert b"Charlotte Reyes" in found.content
    assert b"Bilal Ahmed" not in found.content


def test_a_photo_keeps_only_its_pixels(member, settings, tmp_path):
    import io

    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    out = io.BytesIO()
    Image.new("P", (40, 40)).save(out, format="GIF", comment=b"*/alert('photo-polyglot')/*")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam 3000"
    jpeg = io.BytesIO()
    Image.new("RGB", (40, 40)).save(jpeg, format="JPEG", exif=exif)
    for name, data in [("me.gif", out.getvalue()), ("me.jpg", jpeg.getvalue())]:
        client_for(member).post(
            reverse("members:edit_profile"),
            {
                "display_name": "Bilal Ahmed",
                "about": "",
                "photo": SimpleUploadedFile(name, data, content_type="image/gif"),
            },
        )
        member.refresh_from_db()
        for stored in (member.photo, member.photo_thumb):
            content = (tmp_path / stored.name).read_bytes()
            assert b"alert(" not in content and b"SpyCam" not in content


def test_the_settings_page_offers_the_members_own_data(member):
    page = client_for(member).get(reverse("members:edit_profile"))
    assert 'href="/settings/data/"' in page.text
    assert "Download your data" in page.text
