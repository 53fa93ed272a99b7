import re

import pytest
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member, make_post
from members.models import Member

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(member):
    return make_post(member)


def comment_url(post):
    return reverse("comments:create", args=["post", post.pk])


def test_a_member_comments_and_the_count_goes_up(post, other_member):
    client = client_for(other_member)
    response = client.post(comment_url(post), {"body": "Wonderful evening!"})
    comment = Comment.objects.get()
    assert response.url == f"{post.get_absolute_url()}#comment-{comment.pk}"
    assert comment.author == other_member and comment.target == post
    assert Post.objects.get().comment_count == 1
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Wonderful evening!" in html
    assert "Charlotte Reyes" in html


def test_visitors_read_comments_and_are_asked_to_join(visitor, post, other_member):
    add_comment(post, other_member, "Visible to all")
    html = visitor.get(post.get_absolute_url()).content.decode()
    assert "Visible to all" in html
    assert (
        "You need to be a member of <bdi>Riverbend Alumni: Friends Across Every Border</bdi> to "
        "add comments!" in html
    )
    join = f"{reverse('members:join')}?next={post.get_absolute_url()}%23comments"
    assert (
        f'href="{join}">Join <bdi>Riverbend Alumni: Friends Across Every Border</bdi></a>' in html
    )
    assert 'name="body"' not in html


def test_a_visitors_comment_is_refused(visitor, post):
    response = visitor.post(comment_url(post), {"body": "drive-by"})
    assert response.status_code == 403
    assert not Comment.objects.exists()
    assert Post.objects.get().comment_count == 0


def test_an_unconfirmed_members_comment_is_refused(unconfirmed, post):
    response = client_for(unconfirmed).post(comment_url(post), {"body": "too early"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_an_empty_comment_is_refused_with_a_message(other_member, post):
    response = client_for(other_member).post(comment_url(post), {"body": "   "})
    assert response.status_code == 400
    assert b"Please write a comment first." in response.content
    assert not Comment.objects.exists()


def test_an_over_long_comment_is_refused_and_kept(other_member, post):
    text = "long " * 1001
    response = client_for(other_member).post(comment_url(post), {"body": text})
    assert response.status_code == 400
    assert b"at most 5000 characters" in response.content
    assert text.strip().encode() in response.content
    assert not Comment.objects.exists()


def test_comments_on_drafts_or_unknown_posts_are_404(other_member, member):
    draft = make_post(member, publish=False)
    client = client_for(other_member)
    assert client.post(comment_url(draft), {"body": "hi"}).status_code == 404
    assert (
        client.post(reverse("comments:create", args=["post", 999]), {"body": "hi"}).status_code
        == 404
    )
    assert client.get(comment_url(draft)).status_code == 405


def test_html_is_shown_as_text_and_links_are_clickable(other_member, post, visitor):
    add_comment(
        post, other_member, '<b>bold?</b> see https://example.org/page <a href="javascript:x">x</a>'
    )
    html = visitor.get(post.get_absolute_url()).content.decode()
    assert "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert '<a href="https://example.org/page" rel="nofollow">https://example.org/page</a>' in html
    assert 'href="javascript:x"' not in html


@pytest.mark.parametrize("who", ["comment_author", "post_author", "admin_member", "creator"])
def test_who_may_delete_a_comment(request, who, post, other_member):
    comment = add_comment(post, other_member, "Delete me")
    deleter = {
        "comment_author": other_member,
        "post_author": post.author,
    }.get(who) or request.getfixturevalue(who)
    client = client_for(deleter)
    url = reverse("comments:delete", args=[comment.pk])
    confirm = client.get(url)
    assert b"Delete this comment?" in confirm.content
    assert Comment.objects.exists()
    response = client.post(url)
    assert response.url == f"{post.get_absolute_url()}#comments"
    assert not Comment.objects.exists()
    assert Post.objects.get().comment_count == 0


def test_others_may_not_delete_a_comment(post, other_member, visitor):
    from conftest import make_member

    comment = add_comment(post, other_member, "Mine")
    stranger = make_member("Stranger", "stranger@example.org")
    url = reverse("comments:delete", args=[comment.pk])
    assert client_for(stranger).post(url).status_code == 403
    assert visitor.post(url).url.startswith(reverse("members:signin"))
    assert Comment.objects.count() == 1


def test_the_delete_link_shows_only_to_those_allowed(post, other_member):
    from conftest import make_member

    add_comment(post, other_member, "Mine")
    stranger = make_member("Stranger", "stranger@example.org")
    assert b"/delete/" not in client_for(stranger).get(post.get_absolute_url()).content
    assert b'/delete/">Delete</a>' in client_for(other_member).get(post.get_absolute_url()).content


def test_each_viewer_sees_delete_links_on_exactly_what_they_may_delete(
    post, member, other_member, admin_member, visitor
):
    from conftest import make_member

    stranger = make_member("Stranger", "stranger@example.org")
    add_comment(post, other_member, "First")
    add_comment(post, other_member, "Second")
    add_comment(post, stranger, "Third")

    def links(client) -> int:
        page = client.get(post.get_absolute_url()).content.decode()
        return len(re.findall(r'href="/comments/\d+/delete/">Delete</a>', page))

    assert links(client_for(member)) == 3  # the post's author
    assert links(client_for(admin_member)) == 3
    assert links(client_for(other_member)) == 2
    assert links(client_for(stranger)) == 1
    assert links(visitor) == 0
    assert links(client_for(make_member("Quiet", "quiet@example.org"))) == 0


def test_the_comment_box_stops_typing_at_the_limit(post, other_member):
    page = client_for(other_member).get(post.get_absolute_url()).content.decode()
    assert 'name="body" rows="4" maxlength="5000"' in page


def test_a_kept_comment_follows_its_authors_new_name_and_its_hiding(settings, post, other_member):
    """Each comment's HTML is kept apart from the list around it: a new comment re-renders
    only itself, and a change of name, or hiding, still shows at the next request."""
    from comments.services import set_hidden
    from members.services import update_profile

    settings.PAGE_CACHE_SECONDS = 0
    moderator = make_member("Maryam Moderator", "mod@example.org", role=Member.Role.MODERATOR)
    first = add_comment(post, other_member, "The first word")
    client = client_for(moderator)
    for _twice in range(2):
        assert "Charlotte Reyes" in Client().get(post.get_absolute_url()).content.decode()
    add_comment(post, moderator, "A second word")
    update_profile(other_member, display_name="Charlotte Khan", about="", photo=None)
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "Charlotte Khan" in page and "Charlotte Reyes" not in page
    assert "A second word" in page
    set_hidden(first, True, by=moderator)
    assert "The first word" not in Client().get(post.get_absolute_url()).content.decode()
    moderated = client.get(post.get_absolute_url()).content.decode()
    assert "The first word" in moderated and "Show again" in moderated
