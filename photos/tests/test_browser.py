"""In Chromium, under the site's Content-Security-Policy: several photos chosen at once are
sent one request per file with a progress bar each, then their thumbnails show; the slideshow
moves with the arrow keys."""

import pytest
from playwright.sync_api import ConsoleMessage, FilePayload, Page, expect

from photos.models import Photo
from tests.browser.conftest import sign_in

from .helpers import jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_several_photos_and_see_their_thumbnails(page: Page, live_server, member):
    problems: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            problems.append(message.text)

    page.on("console", record)
    sign_in(page, live_server.url, member, "/photos/add/")
    files: list[FilePayload] = [
        {"name": f"picnic-{i}.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes(colour=c)}
        for i, c in enumerate(("red", "green", "blue"))
    ]
    page.get_by_label("Photos").set_input_files(files)
    page.get_by_label("…or a new album").fill("Picnic")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("heading", name="Picnic")).to_be_visible()
    thumbs = page.locator(".photo-grid img")
    expect(thumbs).to_have_count(3)
    for i in range(3):
        assert page.evaluate("(img) => img.naturalWidth", thumbs.nth(i).element_handle()) > 0
    assert Photo.objects.filter(owner=member, album__title="Picnic").count() == 3
    assert problems == []

    # The slideshow: the right arrow goes to the next (older) photo.
    first = Photo.objects.order_by("-created_at", "-id").first()
    assert first is not None
    page.goto(f"{live_server.url}/photos/{first.pk}/slideshow/")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda url: f"/photos/{first.pk}/" not in url)
    assert "/slideshow/" in page.url
