"""Suspending and reinstating members (moderation.services, used by /manage/members/ too)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from comments.models import Comment
from comments.services import add_comment
from conftest import PASSWORD, make_member, make_post
from forum.models import Discussion
from forum.tests.helpers import make_category, make_discussion
from members.models import ActionLog, Member
from moderation import services

from .helpers import make_admin, make_moderator

pytestmark = pytest.mark.django_db


def signed_in(email: str) -> Client:
    """A browser that signed in through the sign-in page (a real stored session)."""
    client = Client()
    response = client.post(reverse("members:signin"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def is_signed_in(client: Client) -> bool:
    return bool(client.get(reverse("network:home")).wsgi_request.user.is_authenticated)


def test_a_suspended_members_open_session_ends_and_they_cannot_sign_in_again(member, creator):
    browser = signed_in(member.email)
    assert is_signed_in(browser)
    services.suspend(member, by=creator, reason="Spam in every comment")
    assert not is_signed_in(browser)
    member.refresh_from_db()
    assert member.suspended_at is not None and not member.is_active
    again = Client().post(
        reverse("members:signin"), {"username": member.email, "password": PASSWORD}
    )
    assert again.status_code == 400  # the form again, saying why
    assert "This account is suspended by the network" in again.content.decode()
    wrong = Client().post(
        reverse("members:signin"), {"username": member.email, "password": "a guess"}
    )
    assert "suspended" not in wrong.content.decode()  # a guesser learns nothing
    entry = ActionLog.objects.get(action="suspend")
    assert (entry.actor, entry.target_label, entry.reason) == (
        creator,
        "Bilal Ahmed",
        "Spam in every comment",
    )


def test_reinstated_members_sign_in_again(member, creator):
    services.suspend(member, by=creator, reason="Cooling off")
    services.reinstate(member, by=creator, reason="Apologised")
    member.refresh_from_db()
    assert member.is_active and member.suspended_at is None
    assert is_signed_in(signed_in(member.email))
    assert list(ActionLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "suspend",
        "reinstate",
    ]


def test_nobody_suspends_the_creator_and_only_the_creator_suspends_an_administrator(creator):
    admin = make_admin()
    other_admin = make_admin("Second Admin", "admin2@example.org")
    moderator = make_moderator()
    with pytest.raises(PermissionDenied, match="creator"):
        services.suspend(creator, by=admin, reason="x")
    with pytest.raises(PermissionDenied, match="Only the network's creator"):
        services.suspend(other_admin, by=admin, reason="x")
    with pytest.raises(PermissionDenied):
        services.suspend(admin, by=moderator, reason="x")
    services.suspend(admin, by=creator, reason="Hand-over gone wrong")
    assert not Member.objects.get(pk=admin.pk).is_active


def test_moderators_suspend_members_within_their_rights(member, other_member):
    everything = make_moderator()
    blogs_only = make_moderator("Blog Mod", "blogmod@example.org", moderator_scopes=["blogs"])
    other_moderator = make_moderator("Other Mod", "othermod@example.org")
    with pytest.raises(PermissionDenied):
        services.suspend(member, by=blogs_only, reason="x")
    with pytest.raises(PermissionDenied):
        services.suspend(other_moderator, by=everything, reason="x")  # an administrator's call
    with pytest.raises(PermissionDenied):
        services.suspend(everything, by=everything, reason="x")
    with pytest.raises(PermissionDenied):
        services.suspend(member, by=other_member, reason="x")
    services.suspend(member, by=everything, reason="Spam")
    assert not Member.objects.get(pk=member.pk).is_active
    assert ActionLog.objects.count() == 1


def test_suspending_with_content_deletes_what_they_wrote_and_keeps_others(
    member, other_member, creator
):
    theirs = make_post(member, title="Buy cheap watches")
    others = make_post(other_member, title="Reunion photos")
    add_comment(others, member, "cheap watches here")
    kept = add_comment(theirs, other_member, "spam!")  # goes with their post
    add_comment(others, other_member, "Lovely evening")
    discussion = make_discussion(member, make_category(creator), title="Watches for sale")
    assert discussion.pk
    services.suspend(member, by=creator, reason="Spammer", delete_content=True)
    assert list(Post.objects.values_list("title", flat=True)) == ["Reunion photos"]
    assert list(Comment.objects.values_list("body", flat=True)) == ["Lovely evening"]
    assert not Discussion.objects.exists()
    assert not Comment.objects.filter(pk=kept.pk).exists()
    others.refresh_from_db()
    assert others.comment_count == 1
    assert Member.objects.filter(pk=member.pk).exists()  # suspended, not removed


def test_suspending_with_much_content_deletes_it_in_a_queued_task(
    member, creator, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "DELETE_AT_ONCE", 2)
    for n in range(3):
        make_post(member, title=f"Spam {n}")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.suspend(member, by=creator, reason="Spam", delete_content=True)
    assert Post.objects.count() == 3  # not inside the request
    for callback in callbacks:  # the commit: the sessions' and the content's tasks are queued
        callback()
    assert Post.objects.count() == 0


def test_suspending_keeping_content_keeps_it(member, creator):
    make_post(member)
    services.suspend(member, by=creator, reason="Cooling off")
    assert Post.objects.count() == 1


def test_a_suspended_member_is_not_listed_in_the_directory(member, creator):
    make_member("Someone Else", "else@example.org")
    assert b"Bilal Ahmed" in Client().get(reverse("members:directory")).content
    services.suspend(member, by=creator, reason="Spam")
    assert b"Bilal Ahmed" not in Client().get(reverse("members:directory")).content
