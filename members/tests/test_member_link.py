"""Where a name in a byline leads: the member's profile; for someone with no profile to open,
nowhere; for an account of another server, its page there."""

import pytest
from django.test import Client

from comments.models import Comment
from conftest import make_member, make_post
from members.models import Member
from members.templatetags.anjuman import member_link

pytestmark = pytest.mark.django_db


def test_a_member_leads_to_their_profile(member: Member) -> None:
    assert f'href="{member.get_absolute_url()}"' in member_link(member)


def test_a_suspended_member_has_no_link_to_a_missing_profile(network: object) -> None:
    sami = make_member("Sami Suspended", "sami@example.org", is_active=False)
    html = member_link(Member.objects.get(pk=sami.pk))
    assert "Sami Suspended" in html and "href" not in html
    assert Client().get(sami.get_absolute_url()).status_code == 404  # why: nothing to open


def test_an_account_elsewhere_leads_to_its_own_server(network: object, member: Member) -> None:
    alice = Member.objects.create(
        display_name="Alice Elsewhere",
        handle="alice-social-example",
        origin=Member.Origin.REMOTE,
        source="social.example",
        source_id="https://social.example/users/alice",
        email=None,
    )
    post = make_post(member, "Monsoon notes")
    # A reply from elsewhere, approved (federation's inbox writes it waiting for approval).
    Comment.objects.create(target=post, author=alice, body="Lovely post", body_html="Lovely post")
    page = Client().get(post.get_absolute_url()).text
    assert (
        '<a href="https://social.example/users/alice" rel="nofollow ugc"><bdi>Alice Elsewhere'
        '</bdi></a> <span class="member-server">(social.example)</span>'
    ) in page
    assert 'href="/members/alice-social-example/"' not in page


def test_an_odd_address_from_elsewhere_is_not_a_link(network: object) -> None:
    mallory = Member(
        display_name="Mallory",
        handle="mallory-bad-example",
        origin=Member.Origin.REMOTE,
        source="bad.example",
        source_id="javascript:alert(1)",
    )
    html = member_link(mallory)
    assert "href" not in html and "(bad.example)" in html
