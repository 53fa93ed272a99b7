"""Joining a group in each of its modes, requests and invitations, leaving and removing, the
group's administrators — as members do it, through the pages."""

import pytest
from django.urls import reverse

from conftest import client_for, make_member
from groups import services
from groups.models import Group, Invitation, JoinRequest, Membership
from members.models import Member
from notifications.models import Notification

from .helpers import add, make_group

pytestmark = pytest.mark.django_db


def test_a_member_makes_a_group_and_is_its_administrator(member):
    client = client_for(member)
    response = client.post(
        reverse("groups:create"),
        {"name": "Lahore Chapter", "slug": "", "description": "Chai *monthly*.",
         "joining": "open"},
    )  # fmt: skip
    group = Group.objects.get()
    assert response.status_code == 302
    assert response["Location"] == group.get_absolute_url()
    assert group.slug == "lahore-chapter"
    assert group.description_html == '<p dir="auto">Chai <em>monthly</em>.</p>\n'
    assert group.member_count == 1
    membership = Membership.objects.get(group=group)
    assert membership.member == member and membership.is_admin
    page = client.get(group.get_absolute_url()).content.decode()
    assert "You are an administrator of this group." in page


def test_the_description_is_sanitised(member):
    group = make_group(member, description="<script>alert(1)</script> [x](javascript:alert(1))")
    assert "<script" not in group.description_html
    assert 'href="javascript' not in group.description_html


def test_a_taken_or_reserved_address_is_a_form_error_keeping_what_was_typed(member):
    make_group(member, "Karachi", slug="karachi")
    client = client_for(member)
    for slug in ("Karachi", "new"):
        response = client.post(
            reverse("groups:create"), {"name": "Karachi again", "slug": slug, "joining": "open"}
        )
        assert response.status_code == 400
        assert "Karachi again" in response.content.decode()
    assert Group.objects.count() == 1


def test_an_unconfirmed_member_cannot_make_a_group(unconfirmed):
    response = client_for(unconfirmed).post(
        reverse("groups:create"), {"name": "X", "slug": "x", "joining": "open"}
    )
    assert response.status_code == 302
    assert not Group.objects.exists()


def test_the_icon_is_resized_and_reencoded(member):
    from conftest import png_upload

    client = client_for(member)
    client.post(
        reverse("groups:create"),
        {"name": "Painters", "slug": "painters", "joining": "open",
         "icon": png_upload(1200, 800)},
    )  # fmt: skip
    group = Group.objects.get()
    assert group.icon.name.endswith(".jpg")
    from PIL import Image

    with Image.open(group.icon.path) as image:
        assert max(image.size) == services.ICON_SIZE


def test_a_file_that_is_no_picture_is_refused(member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(member).post(
        reverse("groups:create"),
        {"name": "Painters", "slug": "painters", "joining": "open",
         "icon": SimpleUploadedFile("x.png", b"not a picture", "image/png")},
    )  # fmt: skip
    assert response.status_code == 400
    assert not Group.objects.exists()


def test_joining_an_open_group_at_once_and_twice_is_one_membership(member, other_member):
    group = make_group(member)
    client = client_for(other_member)
    url = reverse("groups:join", args=[group.slug])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert Membership.objects.filter(group=group, member=other_member).count() == 1
    group.refresh_from_db()
    assert group.member_count == 2


def test_asking_to_join_and_the_administrator_approves(member, other_member):
    group = make_group(member, private=True, joining=Group.Joining.REQUEST)
    asker = client_for(other_member)
    url = reverse("groups:join", args=[group.slug])
    asker.post(url)
    asker.post(url)  # a double click: one request
    assert JoinRequest.objects.filter(group=group).count() == 1
    told = Notification.objects.get(recipient=member)
    assert told.kind == "group_request"
    assert "You asked to join" in asker.get(group.get_absolute_url()).content.decode()

    admin = client_for(member)
    page = admin.get(reverse("groups:requests", args=[group.slug])).content.decode()
    assert other_member.display_name in page
    admin.post(reverse("groups:approve", args=[group.slug, other_member.pk]))
    assert Membership.objects.filter(group=group, member=other_member).exists()
    assert not JoinRequest.objects.exists()
    assert Notification.objects.get(recipient=other_member).kind == "group_approved"


def test_declining_and_cancelling_a_request(member, other_member):
    group = make_group(member, joining=Group.Joining.REQUEST)
    services.ask_to_join(group, by=other_member)
    client_for(member).post(reverse("groups:decline", args=[group.slug, other_member.pk]))
    assert not JoinRequest.objects.exists()
    assert not Membership.objects.filter(member=other_member).exists()

    services.ask_to_join(group, by=other_member)
    client_for(other_member).post(reverse("groups:cancel_request", args=[group.slug]))
    assert not JoinRequest.objects.exists()


def test_a_member_cannot_answer_requests(member, other_member):
    group = make_group(member, joining=Group.Joining.REQUEST)
    third = make_member("Tariq Third", "tariq@example.org")
    add(group, third)
    services.ask_to_join(group, by=other_member)
    client = client_for(third)
    assert client.get(reverse("groups:requests", args=[group.slug])).status_code == 403
    url = reverse("groups:approve", args=[group.slug, other_member.pk])
    assert client.post(url).status_code == 403
    assert not Membership.objects.filter(member=other_member).exists()


def test_an_invitation_only_group_refuses_joining_without_invitation(member, other_member):
    group = make_group(member, joining=Group.Joining.INVITATION)
    response = client_for(other_member).post(reverse("groups:join", args=[group.slug]))
    assert response.status_code == 400
    assert "no invitation" in response.content.decode()
    assert not Membership.objects.filter(member=other_member).exists()


def test_invited_accepts_or_declines(member, other_member):
    group = make_group(member, private=True, joining=Group.Joining.INVITATION)
    admin = client_for(member)
    url = reverse("groups:invitations", args=[group.slug])
    found = admin.get(url + "?q=" + other_member.display_name.split()[0]).content.decode()
    assert f'name="member" value="{other_member.pk}"' in found
    admin.post(url, {"member": other_member.pk})
    admin.post(url, {"member": other_member.pk})
    assert Invitation.objects.filter(group=group, member=other_member).count() == 1
    assert Notification.objects.get(recipient=other_member).kind == "group_invited"

    invited = client_for(other_member)
    pending = invited.get(reverse("groups:pending")).content.decode()
    assert group.name in pending
    invited.post(reverse("groups:decline_invitation", args=[group.slug]))
    assert not Invitation.objects.exists()
    assert not Membership.objects.filter(member=other_member).exists()

    services.invite(group, other_member, by=member)
    invited.post(reverse("groups:accept_invitation", args=[group.slug]))
    assert Membership.objects.filter(group=group, member=other_member).exists()


def test_inviting_someone_unknown_or_in_the_group_is_refused(member, other_member):
    group = make_group(member)
    url = reverse("groups:invitations", args=[group.slug])
    nobody = Member.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    assert client_for(member).post(url, {"member": str(nobody)}).status_code == 400
    add(group, other_member)
    response = client_for(member).post(url, {"member": other_member.pk})
    assert response.status_code == 400
    assert "in the group already" in response.content.decode()


def test_leaving_asks_first_then_leaves(member, other_member):
    group = make_group(member)
    add(group, other_member)
    client = client_for(other_member)
    url = reverse("groups:leave", args=[group.slug])
    assert "Leave the group" in client.get(url).content.decode()
    assert Membership.objects.filter(member=other_member).exists()
    client.post(url)
    assert not Membership.objects.filter(member=other_member).exists()
    group.refresh_from_db()
    assert group.member_count == 1


def test_the_last_administrator_cannot_leave_and_is_told_why(member, other_member):
    group = make_group(member)
    add(group, other_member)
    url = reverse("groups:leave", args=[group.slug])
    assert "only administrator" in client_for(member).get(url).content.decode()
    response = client_for(member).post(url)
    assert response.status_code == 400
    assert "only administrator" in response.content.decode()
    assert Membership.objects.filter(member=member).exists()

    services.set_role(group, other_member, admin=True, by=member)
    client_for(member).post(reverse("groups:leave", args=[group.slug]))
    assert not Membership.objects.filter(member=member).exists()


def test_an_administrator_removes_a_member_after_confirming(member, other_member):
    group = make_group(member)
    add(group, other_member)
    client = client_for(member)
    url = reverse("groups:remove_member", args=[group.slug, other_member.pk])
    assert "Remove" in client.get(url).content.decode()
    assert Membership.objects.filter(member=other_member).exists()
    client.post(url)
    assert not Membership.objects.filter(member=other_member).exists()


def test_promoting_and_demoting_keeps_one_administrator(member, other_member):
    group = make_group(member)
    add(group, other_member)
    client = client_for(member)
    client.post(reverse("groups:promote", args=[group.slug, other_member.pk]))
    assert Membership.objects.get(member=other_member).is_admin
    page = client.get(reverse("groups:members", args=[group.slug])).content.decode()
    assert page.count("featured-mark") == 2
    client.post(reverse("groups:demote", args=[group.slug, other_member.pk]))
    assert not Membership.objects.get(member=other_member).is_admin
    # The last administrator cannot be demoted by a network administrator either.
    with pytest.raises(Exception, match="at least one administrator"):
        services.set_role(group, member, admin=False, by=member)


def test_network_moderators_hide_and_delete_groups(member, other_member):
    moderator = make_member("Musa Moderator", "musa@example.org", role="moderator")
    group = make_group(member)
    add(group, other_member)
    client_for(moderator).post(reverse("groups:hide", args=[group.slug]))
    group.refresh_from_db()
    assert group.is_hidden
    assert client_for(other_member).get(group.get_absolute_url()).status_code == 404
    assert client_for(moderator).get(group.get_absolute_url()).status_code == 200
    client_for(moderator).post(reverse("groups:show", args=[group.slug]))
    assert client_for(other_member).get(group.get_absolute_url()).status_code == 200
    # A plain member may neither hide nor delete.
    assert (
        client_for(other_member).post(reverse("groups:hide", args=[group.slug])).status_code == 403
    )
    assert (
        client_for(other_member).post(reverse("groups:delete", args=[group.slug])).status_code
        == 403
    )
    client_for(moderator).post(reverse("groups:delete", args=[group.slug]))
    assert not Group.objects.exists()
    assert not Membership.objects.exists()


def test_a_removed_network_member_leaves_their_groups_and_hands_them_over(
    member, other_member, creator
):
    from members.services import remove_member

    group = make_group(member)
    add(group, other_member)
    lonely = make_group(member, "Lonely")
    remove_member(member)
    assert Membership.objects.get(group=group, member=other_member).is_admin
    assert Membership.objects.get(group=lonely).member == creator
    group.refresh_from_db()
    assert group.member_count == 1


def test_leaving_the_network_keeping_content_ends_memberships(member, other_member):
    from members.services import leave

    group = make_group(member)
    add(group, other_member)
    services.ask_to_join(make_group(member, "B", joining="request"), by=other_member)
    leave(other_member, keep_content=True)
    assert not Membership.objects.filter(member=other_member).exists()
    assert not JoinRequest.objects.exists()


def test_the_technical_admin_lists_and_opens_groups(superuser, member):
    group = make_group(member)
    client = client_for(superuser)
    assert client.get("/django-admin/groups/group/").status_code == 200
    assert client.get(f"/django-admin/groups/group/{group.pk}/change/").status_code == 200
