"""A member's admin page: roles and moderator scopes, suspension and reinstatement (through
moderation's service), removal, each logged; who may do which."""

from typing import Any

import pytest
from django.urls import reverse

from conftest import client_for, make_member, make_post
from members.models import ActionLog, Member
from network.models import Network


def page(member: Member) -> str:
    return reverse("roster:member", args=[member.pk])


def action(name: str, member: Member) -> str:
    return reverse(f"roster:{name}", args=[member.pk])


@pytest.fixture
def musa(network: Network) -> Member:
    return make_member("Musa Khan", "musa@example.org")


def test_an_administrator_makes_a_member_a_moderator_of_some_features(
    admin_member: Member, musa: Member
) -> None:
    client = client_for(admin_member)
    response = client.get(page(musa))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="moderator"' in html
    # Only the creator makes administrators: the choice is not offered.
    assert 'value="admin"' not in html

    response = client.post(
        action("role", musa), {"role": "moderator", "scopes": ["forum", "comments"]}
    )
    assert response.status_code == 302
    musa.refresh_from_db()
    assert musa.role == Member.Role.MODERATOR
    assert musa.moderator_scopes == ["comments", "forum"]
    entry = ActionLog.objects.get(action="role:moderator")
    assert entry.actor == admin_member and entry.target_label == "Musa Khan"
    # The member page says the new role.
    assert "Moderator" in client.get(musa.get_absolute_url()).content.decode()


def test_every_scope_ticked_means_every_feature(admin_member: Member, musa: Member) -> None:
    every = ["blogs", "comments", "forum", "groups", "events", "photos"]
    client_for(admin_member).post(action("role", musa), {"role": "moderator", "scopes": every})
    musa.refresh_from_db()
    assert musa.role == Member.Role.MODERATOR and musa.moderator_scopes == []


def test_only_the_creator_makes_and_unmakes_administrators(
    creator: Member, admin_member: Member, musa: Member
) -> None:
    response = client_for(admin_member).post(action("role", musa), {"role": "admin"})
    assert response.status_code == 400  # not a choice for them
    musa.refresh_from_db()
    assert musa.role == Member.Role.MEMBER
    other_admin = make_member("Hina Admin", "hina@example.org", role=Member.Role.ADMIN)
    # An administrator cannot demote another.
    assert (
        client_for(admin_member).post(action("role", other_admin), {"role": "member"}).status_code
        == 403
    )
    assert client_for(admin_member).get(action("suspend", other_admin)).status_code == 403
    assert client_for(admin_member).get(action("remove", other_admin)).status_code == 403

    client = client_for(creator)
    assert client.post(action("role", musa), {"role": "admin"}).status_code == 302
    musa.refresh_from_db()
    assert musa.role == Member.Role.ADMIN
    assert client.post(action("role", other_admin), {"role": "member"}).status_code == 302
    other_admin.refresh_from_db()
    assert other_admin.role == Member.Role.MEMBER


def test_nobody_changes_the_creators_role_nor_their_own(
    creator: Member, admin_member: Member
) -> None:
    for who in (admin_member, creator):
        response = client_for(who).post(action("role", creator), {"role": "member"})
        assert response.status_code == 403
    creator.refresh_from_db()
    assert creator.role == Member.Role.CREATOR
    assert client_for(admin_member).get(action("suspend", creator)).status_code == 403
    assert client_for(creator).get(action("remove", creator)).status_code == 403
    # The creator's admin page offers none of it.
    html = client_for(admin_member).get(page(creator)).content.decode()
    assert action("role", creator) not in html and action("remove", creator) not in html


def test_suspend_keeping_content_then_reinstate(admin_member: Member, musa: Member) -> None:
    post = make_post(musa, "Still here")
    client = client_for(admin_member)
    confirm = client.get(action("suspend", musa))
    assert confirm.status_code == 200
    assert "Suspend" in confirm.content.decode()
    # A reason is required.
    assert client.post(action("suspend", musa), {"reason": ""}).status_code == 400
    response = client.post(action("suspend", musa), {"reason": "Rude to everyone"})
    assert response.status_code == 302
    musa.refresh_from_db()
    assert musa.suspended_at is not None and not musa.is_active
    assert ActionLog.objects.filter(action="suspend", reason="Rude to everyone").exists()
    post.refresh_from_db()  # kept
    # Their page is gone for readers; the admin list shows them as suspended.
    assert client.get(musa.get_absolute_url()).status_code == 404
    assert "Suspended" in client.get(reverse("roster:members")).content.decode()

    assert client.post(action("reinstate", musa), {"reason": "Apologised"}).status_code == 302
    musa.refresh_from_db()
    assert musa.suspended_at is None and musa.is_active
    assert ActionLog.objects.filter(action="reinstate", reason="Apologised").exists()
    assert client.get(musa.get_absolute_url()).status_code == 200


def test_suspend_deleting_content(admin_member: Member, musa: Member) -> None:
    post = make_post(musa, "Spam, spam")
    response = client_for(admin_member).post(
        action("suspend", musa), {"reason": "Spammer", "delete_content": "on"}
    )
    assert response.status_code == 302
    assert not type(post).objects.filter(pk=post.pk).exists()


def test_remove_asks_first_then_deletes_and_logs(
    admin_member: Member, musa: Member, member: Member
) -> None:
    post = make_post(musa, "Gone with them")
    client = client_for(admin_member)
    confirm = client.get(action("remove", musa))
    assert confirm.status_code == 200
    assert "cannot be undone" in confirm.content.decode()
    assert Member.objects.filter(pk=musa.pk).exists()
    response = client.post(action("remove", musa), {"reason": "Fake account"})
    assert response.status_code == 302
    assert not Member.objects.filter(pk=musa.pk).exists()
    assert not type(post).objects.filter(pk=post.pk).exists()
    entry = ActionLog.objects.get(action="remove-member")
    assert entry.actor == admin_member
    assert "Musa Khan" in entry.target_label and entry.reason == "Fake account"
    assert client.get(page(musa)).status_code == 404


def test_removing_a_member_recounts_what_their_comments_counted(
    admin_member: Member, musa: Member, member: Member, visitor: Any
) -> None:
    from comments.services import add_comment

    post = make_post(member, "A reunion")
    add_comment(post, musa, "I was there!")
    add_comment(post, member, "So was I.")
    post.refresh_from_db()
    assert post.comment_count == 2
    assert "2 Comments" in visitor.get(reverse("blogs:list")).content.decode()
    client_for(admin_member).post(action("remove", musa), {"reason": "Spam"})
    post.refresh_from_db()
    assert post.comment_count == 1
    assert "1 Comment" in visitor.get(reverse("blogs:list")).content.decode()


def test_a_role_change_shows_on_the_member_page_at_once(
    admin_member: Member, musa: Member, visitor: Any
) -> None:
    assert "Moderator" not in visitor.get(musa.get_absolute_url()).content.decode()
    client_for(admin_member).post(action("role", musa), {"role": "moderator"})
    assert "Moderator" in visitor.get(musa.get_absolute_url()).content.decode()


def test_the_manage_links_are_for_administrators_and_the_hand_over_for_the_creator(
    creator: Member, admin_member: Member
) -> None:
    moderator = make_member("Musa Moderator", "mod@example.org", role=Member.Role.MODERATOR)
    settings_page = reverse("network:settings")
    admin_html = client_for(admin_member).get(settings_page).content.decode()
    assert f'<a href="{reverse("roster:members")}">Members</a>' in admin_html
    assert f'<a href="{reverse("roster:badges")}">Badges</a>' in admin_html
    assert reverse("roster:hand_over") not in admin_html
    creator_html = client_for(creator).get(settings_page).content.decode()
    assert reverse("roster:hand_over") in creator_html
    # Moderators have no /manage/ settings page; the links are not theirs.
    assert client_for(moderator).get(reverse("roster:members")).status_code == 403


def test_a_suspend_or_reinstate_form_sent_twice_says_what_happened(
    admin_member: Member, musa: Member
) -> None:
    """The second of two tabs (or administrators) finds the member already suspended, or
    already reinstated: a 403 page saying so by name, and the log holds the first reason only."""
    client = client_for(admin_member)
    assert client.post(action("suspend", musa), {"reason": "Spam"}).status_code == 302
    again = client.post(action("suspend", musa), {"reason": "Spam, again"})
    assert again.status_code == 403
    assert "\u2068Musa Khan\u2069 is already suspended." in again.content.decode()
    assert list(ActionLog.objects.filter(action="suspend").values_list("reason", flat=True)) == [
        "Spam"
    ]
    assert client.post(action("reinstate", musa), {"reason": "Sorry"}).status_code == 302
    again = client.post(action("reinstate", musa), {"reason": "Sorry, again"})
    assert again.status_code == 403
    assert "\u2068Musa Khan\u2069 is not suspended." in again.content.decode()
