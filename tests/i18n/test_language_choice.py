"""The language a page speaks, most particular first: a signed-in member's own choice (their
settings, or the footer's link while signed in), else the footer link's cookie, else the
network's language (/manage/), else the browser's (Accept-Language), else LANGUAGE_CODE.

Skipped until Network.language and Member.language exist (/tmp/i18n-integration.md, "A member
chooses a language")."""

import re

import pytest
from django.db import models
from django.test import Client

from conftest import client_for
from lib.cachetags import invalidate
from members.models import Member
from network.models import Network


def has_language(model: type[models.Model]) -> bool:
    return any(field.name == "language" for field in model._meta.get_fields())


pytestmark = pytest.mark.skipif(
    not (has_language(Network) and has_language(Member)),
    reason="Network.language and Member.language are not there yet",
)


def lang(client: Client, **headers: str) -> str:
    html = client.get("/", headers=headers).content.decode()
    match = re.search(r'<html lang="(\w+)" dir="(\w+)">', html)
    assert match is not None
    return f"{match[1]}/{match[2]}"


def set_network_language(network: Network, code: str) -> None:
    # Through a dict: the field may not be there yet (this module is then skipped).
    Network.objects.filter(pk=network.pk).update(**{"language": code})  # noqa: PIE804
    invalidate("network")  # as the settings page's save does


def test_the_networks_language_comes_before_the_browsers(network):
    assert lang(Client(), accept_language="ur") == "ur/rtl"
    set_network_language(network, "ur")
    assert lang(Client(), accept_language="en-GB,en") == "ur/rtl"
    assert lang(Client()) == "ur/rtl"


def test_a_visitors_own_choice_comes_before_the_networks(network):
    set_network_language(network, "ur")
    visitor = Client()
    visitor.get("/language/en/")
    assert lang(visitor) == "en/ltr"


def test_a_members_own_language_comes_before_the_networks_and_follows_them(network, member):
    set_network_language(network, "ur")
    Member.objects.filter(pk=member.pk).update(**{"language": "en"})  # noqa: PIE804 - see above
    assert lang(client_for(member), accept_language="ur") == "en/ltr"


def test_choosing_with_the_footers_link_while_signed_in_is_kept_for_the_member(network, member):
    client = client_for(member)
    client.get("/language/ur/")
    member.refresh_from_db()
    assert getattr(member, "language") == "ur"  # noqa: B009 - the field may not be there yet
    # Another device, no cookie: the member's choice.
    assert lang(client_for(member), accept_language="en") == "ur/rtl"


def test_a_member_chooses_in_their_profile_settings(network, member):
    client = client_for(member)
    page = client.get("/settings/profile/").content.decode()
    assert '<option value="" selected>' in page and '<option value="ur">' in page
    response = client.post(
        "/settings/profile/",
        {"display_name": member.display_name, "about": "", "language": "ur", "time_zone": ""},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert getattr(member, "language") == "ur"  # noqa: B009 - the field may not be there yet
    assert lang(client, accept_language="en") == "ur/rtl"
