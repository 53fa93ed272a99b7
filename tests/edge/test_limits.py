"""Values at the edges are refused with a clear message, and what was typed is kept."""

import pytest
from django.urls import reverse

from blogs.models import Post
from conftest import client_for, join_data
from members.models import Member
from network.models import SidebarBox

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("position", ["2147483648", "1000", "-1"])
def test_a_sidebar_position_out_of_range_is_refused(creator, position):
    response = client_for(creator).post(
        reverse("network:sidebar_new"), {"title": "Links", "body": "", "position": position}
    )
    assert response.status_code == 400
    assert f'value="{position}"' in response.content.decode()
    assert not SidebarBox.objects.exists()


def post_with_link(url: str) -> dict[str, str]:
    return {
        "title": "With a link",
        "body": "See below.",
        "tags_text": "",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        "links-0-url": url,
        "links-0-title": "An article",
        "publish": "1",
    }


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://files.example.org/a", "Enter a valid URL."),
        ("https://user:secret@example.org/", "Leave out the user name and password"),
        ("https://example.org:99999/", "port that does not exist"),
        ("javascript:alert(1)", "Enter a valid URL."),
    ],
)
def test_related_links_must_be_web_addresses(member, url, message):
    response = client_for(member).post(reverse("blogs:create"), post_with_link(url))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="With a link"' in page
    assert not Post.objects.exists()


def test_a_plain_web_address_is_accepted(member):
    response = client_for(member).post(
        reverse("blogs:create"), post_with_link("https://example.org:8443/news?id=1")
    )
    assert response.status_code == 302


@pytest.mark.parametrize("email", ["farah@localhost", "farah@intranet"])
def test_join_wants_an_internet_email_address(visitor, email):
    response = visitor.post(reverse("members:join"), join_data(email=email))
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not Member.objects.filter(email=email).exists()


def test_a_megabyte_password_is_refused_at_join_and_at_sign_in(visitor, member):
    huge = "x" * 1_000_000
    response = visitor.post(reverse("members:join"), join_data(password1=huge, password2=huge))
    assert response.status_code == 400
    assert "at most 1000 characters" in response.content.decode()
    response = visitor.post(reverse("members:signin"), {"username": member.email, "password": huge})
    assert response.status_code == 400
    assert "_auth_user_id" not in visitor.session


@pytest.mark.parametrize("email", ["farah@[127.0.0.1]", "farah@localhost"])
def test_addresses_not_on_the_internet_are_refused_at_join_and_reset(visitor, email):
    for url, data in [
        (reverse("members:join"), join_data(email=email)),
        (reverse("members:password_reset"), {"email": email}),
    ]:
        response = visitor.post(url, data)
        assert response.status_code == 400, url
        assert "Enter a valid email address." in response.content.decode()


def test_a_search_longer_than_the_box_is_shortened_and_says_so(visitor, network):
    response = visitor.get(reverse("members:directory"), {"q": "b" * 5000})
    assert response.status_code == 400
    page = response.content.decode()
    assert "only the first 100 were searched" in page
    assert f'value="{"b" * 5000}"' in page  # the search box keeps what was typed
