import pytest
from django.urls import reverse

from conftest import client_for
from network.models import Network, SidebarBox

pytestmark = pytest.mark.django_db


def test_the_creator_renames_the_network(creator):
    client = client_for(creator)
    response = client.post(
        reverse("network:settings"),
        {
            "name": "Riverbend Worldwide",
            "tagline": "The Global Network",
            "description": "Hi",
            "time_zone": "Europe/Paris",
        },
    )
    assert response.status_code == 302
    network = Network.objects.get()
    assert (network.name, network.time_zone) == ("Riverbend Worldwide", "Europe/Paris")
    assert b"Riverbend Worldwide" in client.get("/").content


def test_an_unknown_time_zone_is_refused(creator):
    response = client_for(creator).post(
        reverse("network:settings"), {"name": "X", "time_zone": "Mars/Olympus"}
    )
    assert b"Select a valid choice" in response.content
    assert Network.objects.get().name == "Riverbend Alumni"
    # The header shows the saved name; the form keeps what was typed.
    page = response.content.decode()
    assert '<span class="brand-name" dir="auto">Riverbend Alumni</span>' in page
    assert 'value="X"' in page


@pytest.mark.parametrize("url_name", ["network:settings", "network:sidebar", "network:sidebar_new"])
def test_members_cannot_manage_the_network(member, visitor, url_name):
    assert client_for(member).get(reverse(url_name)).status_code == 403
    assert visitor.get(reverse(url_name)).url.startswith(reverse("members:signin"))


def test_administrators_manage_too(admin_member):
    assert client_for(admin_member).get(reverse("network:settings")).status_code == 200


def test_sidebar_boxes_show_on_every_page(creator, visitor):
    client = client_for(creator)
    client.post(
        reverse("network:sidebar_new"),
        {
            "title": "Alumni Blogs",
            "body": "- [Harbour notes](https://example.org/harbour)\n- <script>x</script>",
            "position": 1,
        },
    )
    box = SidebarBox.objects.get()
    html = visitor.get("/").content.decode()
    assert '<h2 dir="auto">Alumni Blogs</h2>' in html
    assert (
        '<a href="https://example.org/harbour" rel="nofollow noopener ugc">Harbour notes</a>'
        in html
    )
    assert "<script>x</script>" not in html
    client.post(
        reverse("network:sidebar_edit", args=[box.pk]),
        {"title": "Blogs we read", "body": "", "position": 2},
    )
    assert b"Blogs we read" in visitor.get(reverse("blogs:list")).content


def test_deleting_a_sidebar_box_asks_first(creator):
    box = SidebarBox.objects.create(title="Old box")
    client = client_for(creator)
    assert b"Delete the box" in client.get(reverse("network:sidebar_delete", args=[box.pk])).content
    assert SidebarBox.objects.exists()
    client.post(reverse("network:sidebar_delete", args=[box.pk]))
    assert not SidebarBox.objects.exists()


def test_a_logo_that_unpacks_into_a_huge_picture_is_refused(creator, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    out = io.BytesIO()
    Image.new("1", (8000, 5001)).save(out, format="PNG")  # a small file: 40 million pixels
    assert out.tell() < settings.MAX_UPLOAD_BYTES
    response = client_for(creator).post(
        reverse("network:settings"),
        {
            "name": "Riverbend Alumni",
            "time_zone": "UTC",
            "logo": SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png"),
        },
    )
    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    assert not Network.objects.get().logo
