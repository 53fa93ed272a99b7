"""In Chromium: a member makes a private group that takes requests; another asks to join and
sees only its teaser; the administrator approves; the new member sees the group's wall and
writes on it."""

import re

import pytest
from playwright.sync_api import Browser, expect

from groups.models import Group, JoinRequest
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_private_group_from_request_to_wall(browser: Browser, live_server, member, other_member):
    admin_context, asker_context = browser.new_context(), browser.new_context()
    admin, asker = admin_context.new_page(), asker_context.new_page()
    base = live_server.url

    sign_in(admin, base, member, "/groups/new/")
    admin.get_by_label("Name").fill("Old Friends")
    admin.get_by_label("Description").fill("Only for **us**.")
    admin.get_by_label("Private").check()
    admin.get_by_label("Members ask to join; the group's administrators approve").check()
    admin.get_by_role("button", name="Make the group").click()
    expect(admin.get_by_role("heading", name="Old Friends")).to_be_visible()
    expect(admin.get_by_text("You are an administrator of this group.")).to_be_visible()
    group = Group.objects.get()
    assert group.is_private and group.joining == Group.Joining.REQUEST

    sign_in(asker, base, other_member, group.get_absolute_url())
    expect(asker.get_by_text("only its members see its wall")).to_be_visible()
    asker.get_by_role("button", name="Ask to join").click()
    expect(asker.get_by_text("Your request is sent")).to_be_visible()
    assert JoinRequest.objects.filter(group=group, member=other_member).exists()

    admin.goto(f"{base}{group.get_absolute_url()}requests/")
    expect(admin.get_by_text(other_member.display_name)).to_be_visible()
    admin.get_by_role("button", name="Approve").click()
    expect(admin.get_by_text("is in the group")).to_be_visible()

    asker.goto(f"{base}{group.get_absolute_url()}")
    expect(asker.get_by_text("You are a member of this group.")).to_be_visible()
    expect(asker.get_by_role("heading", name=re.compile("Group wall"))).to_be_visible()
    asker.locator("textarea[name=body]").first.fill("Glad to be here!")
    asker.get_by_role("button", name="Add Comment").click()
    expect(asker.locator(".comment-body", has_text="Glad to be here!")).to_be_visible()
    admin.goto(f"{base}{group.get_absolute_url()}")
    expect(admin.locator(".comment-body", has_text="Glad to be here!")).to_be_visible()
    # and in the group's Latest activity, quoted
    expect(admin.locator("#group-activity", has_text="Glad to be here!")).to_be_visible()
    admin_context.close()
    asker_context.close()
