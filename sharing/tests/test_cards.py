"""Every page tells other sites what it is: a canonical address, OpenGraph and Twitter card
tags of the thing it shows (title, excerpt, picture), and nothing of what its viewer may not
see."""

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from blogs.services import set_hidden
from conftest import client_for, make_member, make_post, page_queries, png_upload
from events.tests.helpers import make_event
from forum.tests.helpers import make_category, make_discussion
from groups.tests.helpers import make_group
from members.models import Member
from network.models import Network
from pages.models import Page
from pages.services import save_page
from photos import services as photo_services
from photos.tests.helpers import jpeg
from sharing import cards
from videos import services as video_services
from videos.models import Video

from .helpers import Head, head_of

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_a_post_page_describes_the_post(visitor: Client, member: Member) -> None:
    post = make_post(
        member,
        title="Reunion in Lahore",
        body="We met again after **ten years**.\n\n![The old gate](https://example.org/gate.jpg)",
    )
    head = head_of(visitor, post.get_absolute_url())
    address = SITE + post.get_absolute_url()
    assert head.canonical == address
    assert head["og:url"] == address
    assert head["og:type"] == "article"
    assert head["og:title"] == "Reunion in Lahore"
    assert head["og:description"].startswith("We met again after ten years.")
    assert head["description"] == head["og:description"]
    assert head["og:site_name"] == "Riverbend Alumni"
    assert head["og:image"] == "https://example.org/gate.jpg"
    assert head["og:image:alt"] == "Reunion in Lahore"
    assert head["twitter:card"] == "summary_large_image"
    assert head["twitter:title"] == "Reunion in Lahore"
    assert head["twitter:image"] == "https://example.org/gate.jpg"
    assert head["article:published_time"].startswith(str(timezone.localdate(post.published_at)))
    assert head.get("robots") is None
    # The oEmbed address of this very post.
    oembed = urlsplit(head.oembed or "")
    assert oembed.path == reverse("sharing:oembed")
    assert parse_qs(oembed.query) == {"url": [address], "format": ["json"]}


def test_titles_with_quotes_and_markup_stay_text(visitor: Client, member: Member) -> None:
    title = "Tom & \"Jerry\" <b>at</b> the 'reunion'"
    post = make_post(member, title=title, body="<script>alert(1)</script> said **hi**")
    head = head_of(visitor, post.get_absolute_url())
    assert head["og:title"] == title
    assert head["twitter:title"] == title
    assert "<b>" not in head.html and "<script>alert" not in head.html
    assert 'content="Tom &amp; &quot;Jerry&quot; &lt;b&gt;at&lt;/b&gt;' in head.html
    assert "alert(1)" in head["og:description"]  # shown as the text it is


def test_the_canonical_address_drops_query_noise_and_keeps_the_page(
    visitor: Client, member: Member
) -> None:
    for i in range(12):
        make_post(member, title=f"Post {i}")
    blog = reverse("blogs:list")
    assert head_of(visitor, blog + "?page=2&utm_source=x").canonical == f"{SITE}{blog}?page=2"
    assert head_of(visitor, blog + "?utm_source=x&page=1").canonical == SITE + blog
    assert head_of(visitor, "/?fbclid=abc").canonical == SITE + "/"
    post = make_post(member, title="Shared far and wide")
    # The short address redirects; the long one with noise names the post's own address.
    noisy = post.get_absolute_url() + "?comments=2&utm_medium=social"
    assert head_of(visitor, noisy).canonical == SITE + post.get_absolute_url()


def test_other_pages_carry_the_networks_card(visitor: Client, network: Network) -> None:
    network.description = "Alumni of Riverbend College, everywhere."
    network.logo.save("logo.png", ContentFile(png_upload(64, 64).read()), save=True)
    head = head_of(visitor, "/")
    assert head["og:type"] == "website"
    assert head["og:title"] == "Riverbend Alumni"
    assert head["og:description"] == "Alumni of Riverbend College, everywhere."
    assert head["og:image"] == SITE + network.logo.url
    assert head["og:image:alt"] == "Riverbend Alumni"
    assert head["twitter:card"] == "summary"  # a logo: no large picture
    assert head.oembed is None


def test_a_post_without_a_picture_shows_the_logo_or_none(
    visitor: Client, network: Network, member: Member
) -> None:
    post = make_post(member)
    head = head_of(visitor, post.get_absolute_url())
    assert head.get("og:image") is None
    assert head["twitter:card"] == "summary"
    network.logo.save("logo.png", ContentFile(png_upload(64, 64).read()), save=True)
    from lib.cachetags import invalidate

    invalidate("network")
    head = head_of(visitor, post.get_absolute_url())
    assert head["og:image"] == SITE + network.logo.url
    assert head["og:image:alt"] == "Riverbend Alumni"  # it is the logo, not the post


def test_each_kind_of_page_has_its_card(
    visitor: Client, creator: Member, member: Member, settings: Any
) -> None:
    category = make_category(creator)
    discussion = make_discussion(member, category, title="Winter dinner", body="Who is **in**?")
    head = head_of(visitor, discussion.get_absolute_url())
    assert (head["og:title"], head["og:type"]) == ("Winter dinner", "article")
    assert head["og:description"] == "Who is in?"
    assert head.canonical == SITE + discussion.get_absolute_url()
    assert head.oembed is None

    event = make_event(member, "Alumni dinner", location="Lahore Gymkhana")
    event.image.save("dinner.png", ContentFile(png_upload(80, 60).read()), save=True)
    head = head_of(visitor, event.get_absolute_url())
    assert head["og:title"] == "Alumni dinner"
    assert "Lahore Gymkhana" in head["og:description"]
    assert "Dinner with old friends." in head["og:description"]
    assert head["og:image"] == SITE + event.image.url
    assert head["twitter:card"] == "summary_large_image"

    upload = photo_services.add_photos(member, [jpeg(width=120, height=90)])
    photo = upload.photos[0]
    photo.caption = "The old gate"
    photo.save()
    head = head_of(visitor, photo.get_absolute_url())
    assert head["og:title"] == "The old gate"
    assert head["og:image"] == SITE + photo.image.url
    assert (head["og:image:width"], head["og:image:height"]) == (str(photo.width), "90")

    video = video_services.save_video(
        Video(), by=member, url="https://youtu.be/dQw4w9WgXcQ", title="Our song", description="x"
    )
    head = head_of(visitor, video.get_absolute_url())
    assert (head["og:title"], head["og:type"]) == ("Our song", "video.other")
    assert head["og:image"] == "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"

    group = make_group(member, "Class of 2005", description="We met in **2005**.")
    head = head_of(visitor, group.get_absolute_url())
    assert (head["og:title"], head["og:description"]) == ("Class of 2005", "We met in 2005.")
    assert head.canonical == SITE + group.get_absolute_url()

    member.about = "Architect in Karachi.\nLoves old buildings."
    member.photo.save("me.png", ContentFile(png_upload(100, 100).read()), save=True)
    head = head_of(visitor, member.get_absolute_url())
    assert (head["og:title"], head["og:type"]) == ("Bilal Ahmed", "profile")
    assert head["og:description"] == "Architect in Karachi. Loves old buildings."
    assert head["og:image"] == SITE + member.photo.url

    page = save_page(Page(title="About us", slug="about", body="We are **alumni**."), by=creator)
    head = head_of(visitor, page.get_absolute_url())
    assert (head["og:title"], head["og:description"]) == ("About us", "We are alumni.")


def test_nothing_of_a_hidden_post_reaches_a_visitor(
    visitor: Client, member: Member, creator: Member
) -> None:
    post = make_post(member, title="Secret reunion", body="Only for us: the *hidden* plan.")
    set_hidden(post, True, by=creator)
    response = visitor.get(post.get_absolute_url())
    assert response.status_code == 404
    assert b"Secret reunion" not in response.content
    assert b"hidden* plan" not in response.content and b"hidden plan" not in response.content
    # Its author still sees it, with its card, marked not to be indexed and offering no oEmbed.
    head = head_of(client_for(member), post.get_absolute_url())
    assert head["og:title"] == "Secret reunion"
    assert head["robots"] == "noindex"
    assert head.oembed is None
    assert head.get("article:published_time") is None


def test_a_draft_is_not_offered_to_oembed(member: Member) -> None:
    draft = make_post(member, title="Half written", publish=False)
    head = head_of(client_for(member), draft.get_absolute_url())
    assert head["robots"] == "noindex"
    assert head.oembed is None


def test_a_private_groups_discussion_leaks_nothing(visitor: Client, member: Member) -> None:
    from forum import services as forum_services

    group = make_group(member, "Inner circle", private=True, description="Friends only.")
    discussion = forum_services.start_discussion(
        by=member, group=group, title="Surprise party", body="Do not tell **Ayesha**."
    )
    response = visitor.get(discussion.get_absolute_url())
    assert response.status_code == 404
    assert b"Surprise party" not in response.content
    assert b"Ayesha" not in response.content
    # The group's own page: its name and description, which it shows everyone anyway.
    head = head_of(visitor, group.get_absolute_url())
    assert (head["og:title"], head["og:description"]) == ("Inner circle", "Friends only.")
    # Its member sees the discussion, not to be indexed.
    head = head_of(client_for(member), discussion.get_absolute_url())
    assert head["og:title"] == "Surprise party"
    assert head["robots"] == "noindex"


def test_an_invited_only_event_leaks_nothing(visitor: Client, member: Member) -> None:
    event = make_event(member, "Board meeting", invited_only=True, location="Room 7")
    response = visitor.get(event.get_absolute_url())
    assert response.status_code == 404
    assert b"Board meeting" not in response.content and b"Room 7" not in response.content


def test_a_private_network_describes_nothing_to_visitors(
    network: Network, creator: Member, member: Member
) -> None:
    from access.tests.test_private import make_private

    network.description = "Our secret society's plans."
    network.save()
    post = make_post(member, title="Members only")
    make_private(network, creator)
    response = Client().get(reverse("members:signin"))
    assert response.status_code == 200
    head = head_of(Client(), reverse("members:signin"))
    assert head["robots"] == "noindex, nofollow"
    assert not [key for key in head.meta if key.startswith(("og:", "twitter:", "description"))]
    assert b"secret society" not in response.content
    # Members read the network as before: its pages carry cards, none to be indexed.
    head = head_of(client_for(member), post.get_absolute_url())
    assert head["og:title"] == "Members only"
    assert head["robots"] == "noindex"
    assert head.oembed is None


def test_error_pages_describe_nothing(visitor: Client) -> None:
    head = head_of(visitor, "/blog/999999/nothing-here/", status=404)
    assert head.canonical is None
    assert not [key for key in head.meta if key.startswith(("og:", "twitter:"))]


def test_the_card_costs_the_post_page_no_query(
    member: Member, other_member: Member, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card is made from the post the view read: the page costs what it cost without it,
    for a visitor and for a member."""
    post = make_post(member, body="Text\n\n![gate](/media/gate.jpg)", tags=["a", "b"])
    url = post.get_absolute_url()
    for client in (Client(), client_for(other_member)):
        with_card = page_queries(client, url)
        with monkeypatch.context() as m:
            m.setattr(cards, "_providers", {})
            without = page_queries(client, url)
            assert "og:type" in client.get(url).content.decode()  # the network's card
        assert with_card == without


def test_names_and_titles_in_other_languages_are_kept(visitor: Client) -> None:
    writer = make_member("عائشہ خان", "ayesha@example.org")
    post = make_post(writer, title="لاہور میں ملاقات", body="دس سال بعد ہم پھر ملے۔")
    head = head_of(visitor, post.get_absolute_url())
    assert head["og:title"] == "لاہور میں ملاقات"
    assert head["og:description"] == "دس سال بعد ہم پھر ملے۔"
    # The address as a URI: the Urdu slug percent-encoded, as browsers send it.
    assert head.canonical == SITE + iri_to_uri(post.get_absolute_url())
    assert head.canonical.isascii()
    head = head_of(visitor, post.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ur")
    assert head.get("og:locale") in ("ur_PK", "en_US")


def test_an_edit_shows_in_the_card_at_once(visitor: Client, member: Member) -> None:
    from blogs.services import save_post

    post = make_post(member, title="First title")
    assert head_of(visitor, post.get_absolute_url())["og:title"] == "First title"
    save_post(
        post, by=member, title="Second title", body=post.body, tags=[], links=[], publish=True
    )
    post.refresh_from_db()
    assert head_of(visitor, post.get_absolute_url())["og:title"] == "Second title"


def test_a_post_waiting_for_approval_is_described_to_nobody_else(
    visitor: Client, network: Network, member: Member
) -> None:
    from lib.cachetags import invalidate

    network.approval_required = ["blogs"]
    network.save()
    invalidate("network")
    post = make_post(member, title="Waiting for a moderator")
    assert post.is_pending
    response = visitor.get(post.get_absolute_url())
    assert response.status_code == 404
    assert b"Waiting for a moderator" not in response.content
    head = head_of(client_for(member), post.get_absolute_url())
    assert head["robots"] == "noindex"
    assert head.oembed is None


def test_lists_of_one_blog_tag_category_or_album_are_named(
    visitor: Client, creator: Member, member: Member
) -> None:
    from photos.models import Album

    member.about = "Architect in Karachi."
    member.save()
    make_post(member, tags=["Karachi"])
    blog = reverse("blogs:member_blog", args=[member.handle])
    head = head_of(visitor, blog)
    assert (head["og:title"], head["og:description"]) == ("Bilal Ahmed's Blog", member.about)
    assert head.canonical == SITE + blog
    head = head_of(visitor, reverse("blogs:tag", args=["karachi"]))
    assert head["og:title"] == "Blog posts tagged “Karachi”"
    category = make_category(creator, name="Reunions")
    head = head_of(visitor, category.get_absolute_url())
    assert (head["og:title"], head["og:description"]) == ("Reunions", "All about reunions.")
    album = Album.objects.create(owner=member, title="Graduation", description="June 2005")
    head = head_of(visitor, album.get_absolute_url())
    assert (head["og:title"], head["og:description"]) == ("Graduation", "June 2005")


def test_a_path_typed_to_carry_markup_stays_inert_in_the_links(visitor: Client) -> None:
    response = visitor.get('/confirm/<img src=x onerror=alert("xss:1")>/')
    head = Head(response.content.decode())
    assert head.canonical is not None
    assert "<" not in head.canonical and '"' not in head.canonical
    assert "xss:" not in head.canonical  # ":" encoded too: nothing reads as a scheme
