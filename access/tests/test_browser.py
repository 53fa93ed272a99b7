"""In Chromium: the creator makes the network private and a visitor is shut out; a person asks
to join, waits, an administrator approves, and they are in."""

import re

import pytest
from playwright.sync_api import Browser, expect

from conftest import body_of, make_post
from network.models import Network
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_creator_makes_the_network_private_and_a_visitor_is_shut_out(
    browser: Browser, live_server, network, creator, member
):
    post = make_post(member, "Reunion in Lahore")
    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}{post.get_absolute_url()}")
    expect(visitor.get_by_role("heading", name="Reunion in Lahore")).to_be_visible()

    admin = browser.new_context().new_page()
    sign_in(admin, live_server.url, creator)
    admin.goto(f"{live_server.url}/manage/")
    admin.get_by_role("link", name="Privacy and joining").click()
    admin.get_by_label("Private: only members see anything").check()
    admin.get_by_role("button", name="Save").click()
    expect(admin.get_by_text("Privacy and joining are saved.")).to_be_visible()
    assert Network.objects.get().visibility == "private"

    for path in ("/", post.get_absolute_url()):
        visitor.goto(f"{live_server.url}{path}")
        expect(visitor).to_have_url(re.compile(r"/signin/\?next="))
        expect(visitor.get_by_role("button", name="Sign in")).to_be_visible()
        expect(visitor.get_by_text("Reunion in Lahore")).to_have_count(0)
    # Members still read it.
    reader = browser.new_context().new_page()
    sign_in(reader, live_server.url, member, next_url=post.get_absolute_url())
    expect(reader.get_by_role("heading", name="Reunion in Lahore")).to_be_visible()


def test_a_pending_member_is_approved_and_comes_in(
    browser: Browser, live_server, network, creator, smtp
):
    network.join_mode = Network.JoinMode.APPROVAL
    network.save()
    from lib.cachetags import invalidate

    invalidate("network")

    farah = browser.new_context().new_page()
    farah.goto(f"{live_server.url}/join/")
    expect(farah.get_by_text("approves each new member")).to_be_visible()
    farah.get_by_label("Name").fill("Farah Naz")
    farah.get_by_label("Email").fill("farah@example.org")
    farah.locator("#id_password1").fill("plenty of letters 42")
    farah.locator("#id_password2").fill("plenty of letters 42")
    # The honeypot is not in a person's way.
    expect(farah.get_by_label("Leave this field empty")).not_to_be_in_viewport()
    farah.get_by_role("button", name="Join").click()
    expect(farah.get_by_role("heading", name="Check your email")).to_be_visible()

    [message] = smtp.wait_for("farah@example.org")
    link = re.search(r"https?://\S+/confirm/\S+", body_of(message))
    assert link
    farah.goto(link.group(0))
    waiting = farah.get_by_role(
        "heading",
        name="Your request to join Riverbend Alumni is waiting for an administrator's approval",
    )
    expect(waiting).to_be_visible()
    farah.goto(f"{live_server.url}/members/")
    expect(waiting).to_be_visible()

    admin = browser.new_context().new_page()
    sign_in(admin, live_server.url, creator)
    admin.goto(f"{live_server.url}/manage/access/")
    admin.get_by_role("link", name="Waiting for approval (1)").click()
    row = admin.locator(".pending-member", has_text="Farah Naz")
    row.get_by_role("link", name="Approve").click()
    admin.get_by_role("button", name="Approve").click()
    expect(admin.get_by_text("Farah Naz is a member now.")).to_be_visible()
    expect(admin.get_by_text("Nobody is waiting.")).to_be_visible()

    farah.goto(f"{live_server.url}/")
    expect(waiting).to_have_count(0)
    expect(farah.get_by_role("button", name="Sign out")).to_be_visible()
    smtp.wait_for("farah@example.org", count=2)
