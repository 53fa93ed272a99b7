"""Where likes show: the post page (button, share links), the listings' bylines, the comment
list, and the "liked by" page."""

import pytest
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member, make_post
from likes import services
from likes.views import LIKERS_PER_PAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(member):
    return make_post(member, title="Reunion Plans")


def test_listings_show_how_many_like_a_post(post, member, other_member, visitor):
    quiet = make_post(member, title="Nobody likes this")
    services.like(post, other_member)
    services.like(post, member)
    for url in ("/", reverse("blogs:list"), reverse("blogs:member_blog", args=[member.handle])):
        html = visitor.get(url).content.decode()
        assert "2 Likes" in html, url
        assert reverse("likes:liked_by", args=["post", post.pk]) in html
        assert reverse("likes:liked_by", args=["post", quiet.pk]) not in html  # none: nothing


def test_each_comment_has_its_button_and_the_viewer_sees_their_own_likes(
    post, member, other_member
):
    first = add_comment(post, other_member, "First!")
    second = add_comment(post, member, "Thanks")
    services.like(first, member)
    html = client_for(member).get(post.get_absolute_url()).content.decode()
    assert f'id="like-comment-{first.pk}"' in html and f'id="like-comment-{second.pk}"' in html
    assert reverse("likes:unlike", args=["comment", first.pk]) in html
    assert reverse("likes:like", args=["comment", second.pk]) in html
    # The comment list is cached and shared: another viewer does not see member's like as theirs.
    html = client_for(other_member).get(post.get_absolute_url()).content.decode()
    assert reverse("likes:like", args=["comment", first.pk]) in html
    assert reverse("likes:unlike", args=["comment", first.pk]) not in html
    assert "1 Like" in html
    assert "<!--like:" not in html


def test_the_like_after_a_new_comment_over_htmx_is_filled_in(post, member, other_member):
    response = client_for(other_member).post(
        reverse("comments:create", args=["post", post.pk]),
        {"body": "Through htmx"},
        headers={"hx-request": "true"},
    )
    html = response.content.decode()
    assert "<!--like:" not in html
    assert 'class="like"' in html and ">Like</button>" in html


def test_a_forged_slot_in_a_comment_stays_text(post, member, other_member):
    add_comment(post, other_member, f"<!--like:x:post:{post.pk}:1-->")
    html = client_for(member).get(post.get_absolute_url()).content.decode()
    assert "&lt;!--like:x:post" in html


def test_the_liked_by_page_lists_who_liked_newest_first_in_pages(post, visitor):
    people = [
        make_member(f"Liker {i:02}", f"liker{i}@example.org") for i in range(LIKERS_PER_PAGE + 2)
    ]
    for person in people:
        services.like(post, person)
    url = reverse("likes:liked_by", args=["post", post.pk])
    html = visitor.get(url).content.decode()
    assert f"{len(people)} Likes" in html
    assert people[-1].display_name in html and people[0].display_name not in html
    assert "Page 1 of 2" in html
    html = visitor.get(url + "?page=2").content.decode()
    assert people[0].display_name in html
    assert post.get_absolute_url() in html


def test_share_links_are_plain_links(post, visitor):
    html = visitor.get(post.get_absolute_url()).content.decode()
    absolute = f"http://testserver{post.get_absolute_url()}"
    assert f'class="copy-link" href="{absolute}"' in html
    assert "mailto:?subject=Reunion%20Plans" in html
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver" in html
    assert "/static/anjuman/share.js" in html
    assert "<script>" not in html  # no inline script (the CSP refuses it)


def test_a_draft_has_no_share_links(member):
    draft = make_post(member, title="Not yet", publish=False)
    html = client_for(member).get(draft.get_absolute_url()).content.decode()
    assert "copy-link" not in html
