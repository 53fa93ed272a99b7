"""In Chromium: a member tags a video, follows the tag's link to the page listing everything
tagged so (a blog post with the same tag in another case among it), then opens the cloud,
whose most used tag is drawn larger than the least used (tags/static/tags/tags.css loads
under the site's content security policy)."""

import pytest
from playwright.sync_api import Page, expect

from conftest import make_post
from tags.tests.helpers import make_video, tag
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tag_a_video_follow_the_tag_and_see_the_cloud(page: Page, live_server, member):
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
    make_post(member, "Kites over Karachi", tags=["KARACHI"])
    for n in range(3):
        tag(make_video(member, f"Sea film {n}"), "Sea")
    tag(make_video(member, "Lahore film"), "Lahore")
    sign_in(page, live_server.url, member, "/videos/add/")
    page.get_by_label("Video address").fill("https://youtu.be/dQw4w9WgXcQ")
    page.get_by_label("Title").fill("Clifton at dusk")
    page.get_by_label("Tags").fill("Karachi ,  sea")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Clifton at dusk")).to_be_visible()
    page.get_by_role("link", name="Karachi").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Karachi")
    expect(page.get_by_role("link", name="Clifton at dusk")).to_be_visible()
    expect(page.get_by_role("link", name="Kites over Karachi")).to_be_visible()
    page.get_by_role("link", name="All tags").click()
    big = page.locator(".tag-cloud a", has_text="Sea")
    small = page.locator(".tag-cloud a", has_text="Lahore")
    expect(big).to_be_visible()
    big_size = big.evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
    small_size = small.evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
    assert big_size > small_size
