"""Comment walls: members write on one another's pages, with replies and likes, through the
comments plug-in; the wall's member and moderators delete; blocks keep two members apart."""

import re

import pytest
from django.urls import reverse

from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member
from friends import services as friends
from members.models import Member
from walls.models import Wall
from walls.services import find_wall

pytestmark = pytest.mark.django_db


@pytest.fixture
def wall(member):
    return find_wall(member.pk)


def wall_url(member) -> str:
    return reverse("comments:create", args=["wall", member.pk])


def count(member) -> int:
    return Wall.objects.get(pk=member.pk).comment_count


def shown_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="comment[^"]*" id="comment-(\d+)"', html)]


def test_the_member_page_shows_the_wall_with_a_form_for_members(member, other_member):
    html = client_for(other_member).get(member.get_absolute_url()).content.decode()
    assert '<section id="comments" class="comments">' in html
    assert "<h2>Comment Wall" in html
    assert f'action="{wall_url(member)}"' in html
    assert not Wall.objects.exists()  # reading a wall writes nothing


def test_visitors_read_the_wall_and_are_asked_to_join(visitor, member, other_member, wall):
    add_comment(wall, other_member, "Welcome to the network!")
    html = visitor.get(member.get_absolute_url()).content.decode()
    assert "Welcome to the network!" in html and "1 Comment" in html
    assert "to add comments!" in html
    assert f"?next={member.get_absolute_url()}%23comments" in html
    assert 'name="body"' not in html
    assert visitor.post(wall_url(member), {"body": "drive-by"}).status_code == 403


def test_unconfirmed_members_are_asked_to_confirm(unconfirmed, member):
    client = client_for(unconfirmed)
    html = client.get(member.get_absolute_url()).content.decode()
    assert "Please confirm your email to add comments" in html
    assert client.post(wall_url(member), {"body": "too early"}).status_code == 403
    assert not Comment.objects.exists()


def test_a_member_writes_on_another_members_wall(member, other_member):
    client = client_for(other_member)
    response = client.post(wall_url(member), {"body": "Happy birthday, Bilal!"})
    comment = Comment.objects.get()
    assert response.url == f"{member.get_absolute_url()}#comment-{comment.pk}"
    assert comment.target == Wall.objects.get(member=member)
    assert count(member) == 1
    html = client.get(member.get_absolute_url()).content.decode()
    assert "Happy birthday, Bilal!" in html and "Charlotte Reyes" in html


def test_writing_on_a_wall_through_htmx_answers_with_the_section(member, other_member):
    response = client_for(other_member).post(
        wall_url(member), {"body": "Through htmx"}, headers={"hx-request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="comments"') and "<html" not in html
    assert "Comment Wall" in html and "Through htmx" in html


def test_members_write_on_their_own_wall_too(member):
    assert client_for(member).post(wall_url(member), {"body": "Hello all"}).status_code == 302
    assert count(member) == 1


def test_a_suspended_member_has_no_wall(member, other_member):
    Member.objects.filter(pk=member.pk).update(is_active=False)
    assert client_for(other_member).post(wall_url(member), {"body": "hi"}).status_code == 404
    assert not Wall.objects.exists()


def test_replies_and_likes_on_a_wall(member, other_member, wall):
    comment = add_comment(wall, other_member, "Coming to the reunion?")
    client = client_for(member)
    response = client.post(reverse("comments:reply", args=[comment.pk]), {"body": "Of course!"})
    reply = Comment.objects.get(parent=comment)
    assert response.url == f"{member.get_absolute_url()}#comment-{reply.pk}"
    assert count(member) == 2
    client_for(other_member).post(reverse("likes:like", args=["comment", reply.pk]))
    html = client.get(member.get_absolute_url()).content.decode()
    assert shown_ids(html) == [comment.pk, reply.pk]
    assert f'id="like-comment-{reply.pk}"' in html and "1 Like" in html


@pytest.mark.parametrize("who", ["wall_member", "comment_author", "moderator", "admin"])
def test_who_deletes_a_wall_comment(who, member, other_member, wall):
    comment = add_comment(wall, other_member, "Delete me")
    deleter = {
        "wall_member": member,
        "comment_author": other_member,
        "moderator": make_member("Mo", "mo@example.org", role=Member.Role.MODERATOR),
        "admin": make_member("Ali", "ali@example.org", role=Member.Role.ADMIN),
    }[who]
    client = client_for(deleter)
    assert (
        f'/comments/{comment.pk}/delete/"' in client.get(member.get_absolute_url()).content.decode()
    )
    response = client.post(reverse("comments:delete", args=[comment.pk]))
    assert response.url == f"{member.get_absolute_url()}#comments"
    assert not Comment.objects.exists()
    assert count(member) == 0


def test_others_do_not_delete_wall_comments(member, other_member, wall, visitor):
    comment = add_comment(wall, other_member, "Mine")
    stranger = make_member("Stranger", "stranger@example.org")
    url = reverse("comments:delete", args=[comment.pk])
    assert "/delete/" not in client_for(stranger).get(member.get_absolute_url()).content.decode()
    assert client_for(stranger).post(url).status_code == 403
    assert visitor.post(url).url.startswith(reverse("members:signin"))
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("blocker_is_wall_member", [True, False])
def test_members_who_blocked_one_another_do_not_write_on_each_others_walls(
    blocker_is_wall_member, member, other_member
):
    if blocker_is_wall_member:
        friends.block(by=member, other=other_member)
    else:
        friends.block(by=other_member, other=member)
    client = client_for(other_member)
    html = client.get(member.get_absolute_url()).content.decode()
    assert 'name="body"' not in html and "Please confirm" not in html
    assert client.post(wall_url(member), {"body": "Let me in"}).status_code == 403
    assert not Comment.objects.exists()
    # The other way round too.
    assert client_for(member).post(wall_url(other_member), {"body": "No"}).status_code == 403


def test_blocked_members_wall_comments_are_not_shown_to_the_blocker(member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    wall = find_wall(third.pk)
    theirs = add_comment(wall, other_member, "From the blocked one")
    mine = add_comment(wall, member, "From the blocker")
    answered = add_comment(wall, third, "A question to all")
    add_comment(wall, other_member, "An answer from the blocked one", parent=answered)
    add_comment(wall, third, "Thanks", parent=theirs)
    friends.block(by=member, other=other_member)

    html = client_for(member).get(third.get_absolute_url()).content.decode()
    assert "From the blocked one" not in html and "An answer from the blocked one" not in html
    assert "This comment is not shown." in html  # above the reply that is shown
    assert "From the blocker" in html and "Thanks" in html
    assert client_for(member).get(reverse("comments:reply", args=[theirs.pk])).status_code == 404
    # Both ways, as every app leaves them out (friends.queries.hidden_member_ids).
    html = client_for(other_member).get(third.get_absolute_url()).content.decode()
    assert "From the blocker" not in html and "From the blocked one" in html
    # Everyone else sees everything.
    html = client_for(third).get(third.get_absolute_url()).content.decode()
    assert all(text in html for text in ["From the blocked one", "From the blocker", "Thanks"])
    assert f'id="comment-{mine.pk}"' in html


def test_a_wall_comment_refreshes_the_visitors_page_of_that_member_only(
    member, other_member, visitor
):
    third = make_member("Tariq Third", "tariq@example.org")
    pages = [member.get_absolute_url(), third.get_absolute_url()]
    for url in pages:
        visitor.get(url)
        assert visitor.get(url)["X-Cache"] == "hit"
    client_for(other_member).post(wall_url(member), {"body": "Fresh news"})
    response = visitor.get(member.get_absolute_url())
    assert response["X-Cache"] == "miss" and "Fresh news" in response.content.decode()
    # Another member's page is untouched (the writer's may show their activity).
    assert visitor.get(third.get_absolute_url())["X-Cache"] == "hit"
