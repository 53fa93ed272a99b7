"""What the site stores of what people type (lib/text.py), seen from the pages and the feeds."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from blogs.models import Post, Tag
from comments.models import Comment
from conftest import client_for, make_post
from members.models import Member

pytestmark = pytest.mark.django_db

URDU = "ہمارے کالج کی یادیں"  # "memories of our college"
FEEDS = ["blogs:feed_rss", "blogs:feed_atom"]


def post_form(**fields: str) -> dict[str, str]:
    return {
        "title": "A title",
        "body": "A body.",
        "tags_text": "",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        "publish": "1",
        **fields,
    }


@pytest.mark.parametrize("feed", FEEDS)
def test_feeds_stay_well_formed_whatever_was_stored_before(visitor, network, member, feed):
    # Stored directly, as text written before the forms cleaned it would be.
    post = make_post(member)
    Post.objects.filter(pk=post.pk).update(
        title="Bell\x07 and \ufffe non-character", body_html="<p>Form\x0cfeed \uffff</p>"
    )
    Member.objects.filter(pk=member.pk).update(display_name="Bilal\x1b Ahmed")
    network.name = "Riverbend\x1b Alumni"  # (PostgreSQL cannot store NUL at all)
    network.save()
    response = visitor.get(reverse(feed))
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # a real XML parser accepts it
    text = ET.tostring(root, encoding="unicode")
    assert "Bell and  non-character" in text
    assert "Bilal Ahmed" in text


def test_the_post_form_drops_control_characters_and_keeps_urdu_exactly(member):
    client = client_for(member)
    title = f"Hello\x07 \u202eWorld {URDU}\r\nagain"
    body = f"Line one\x00\r\n\tindented {URDU} \u200d👩‍🎓\x1b"
    response = client.post(reverse("blogs:create"), post_form(title=title, body=body))
    assert response.status_code == 302
    post = Post.objects.get()
    assert post.title == f"Hello World {URDU} again"
    assert post.body == f"Line one\n\tindented {URDU} \u200d👩‍🎓"
    assert URDU in client.get(post.get_absolute_url()).content.decode()


def test_a_comment_with_nul_is_stored_without_it(member, other_member):
    post = make_post(member)
    response = client_for(other_member).post(
        reverse("comments:create", args=["post", post.pk]), {"body": "Nice\x00 one\x07!"}
    )
    assert response.status_code == 302
    assert Comment.objects.get().body == "Nice one!"


def test_a_comment_of_only_control_characters_is_refused_and_kept_as_typed(member, other_member):
    post = make_post(member)
    response = client_for(other_member).post(
        reverse("comments:create", args=["post", post.pk]), {"body": "\x00\x07"}
    )
    assert response.status_code == 400
    assert "Please write a comment first." in response.content.decode()
    assert not Comment.objects.exists()


def test_names_lose_line_breaks_and_direction_overrides(member):
    client = client_for(member)
    response = client.post(
        reverse("members:edit_profile"),
        {"display_name": "Bilal\r\nAhmed \u202egnitirw", "about": "Two\r\nlines"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Bilal Ahmed gnitirw"
    assert member.about == "Two\nlines"


def test_the_network_name_is_one_line_and_email_subjects_are_plain_text(
    creator, network, smtp, django_capture_on_commit_callbacks
):
    client = client_for(creator)
    response = client.post(
        reverse("network:settings"),
        {
            "name": "Tom & Jerry's\r\nBcc: x@example.org",
            "tagline": "",
            "description": "",
            "time_zone": "UTC",
        },
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.name == "Tom & Jerry's Bcc: x@example.org"
    from members.services import send_confirmation

    unconfirmed = Member.objects.create_user("new@example.org", "x", display_name="New")
    with django_capture_on_commit_callbacks(execute=True):
        send_confirmation(network=network, member=unconfirmed, next_url="/", base_url="http://t")
    [message] = smtp.wait_for("new@example.org")
    assert message["Subject"] == "Confirm your email for Tom & Jerry's Bcc: x@example.org"
    assert message["Bcc"] is None


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("C++", "C#", False),
        ("!!!", "???", False),
        ("Karachi", " karachi ", True),
        ("Cafe\u0301", "Café", True),  # decomposed and composed é: one tag
        ("Space  Science", "space science", True),
    ],
)
def test_tags_are_one_tag_up_to_case_spacing_and_normalisation(member, first, second, same):
    a = make_post(member, title="One", tags=[first])
    b = make_post(member, title="Two", tags=[second])
    tag_a, tag_b = a.tags.get(), b.tags.get()
    assert (tag_a == tag_b) is same
    if not same:
        assert {tag_a.name, tag_b.name} == {first.strip(), second.strip()}
        assert tag_a.slug != tag_b.slug
        # Each tag's page lists its own post only.
        client = client_for(member)
        page = client.get(tag_b.get_absolute_url()).content.decode()
        assert "Two" in page and ">One<" not in page
    assert Tag.objects.count() == (1 if same else 2)


def test_tags_keep_the_first_spelling_and_readable_slugs(member):
    make_post(member, title="One", tags=["C++", "R&D", "کراچی"])
    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["c-plus-plus", "r-and-d", "کراچی"]


def test_member_written_names_and_titles_are_isolated_from_the_text_around_them(visitor, member):
    # Stored directly: a name from before the forms dropped direction overrides.
    Member.objects.filter(pk=member.pk).update(display_name="\u202eBilal")
    post = make_post(member, title="عنوان Title")
    html = visitor.get(post.get_absolute_url()).content.decode()
    assert 'Posted by <a href="/members/bilal-ahmed/"><bdi>\u202eBilal</bdi></a> on' in html
    assert "<title>\u2068عنوان Title\u2069 · \u2068Riverbend Alumni\u2069</title>" in html
    assert "<bdi>\u202eBilal</bdi>'s Blog" in html
