"""Which language a page speaks: the one a person chose with the footer's link (kept a year in
a cookie), else their browser's (Accept-Language), else the install's LANGUAGE_CODE; an Urdu
page is laid out right to left from its <html> element on."""

import re

from django.conf import settings
from django.test import Client

from conftest import client_for


def html_element(client: Client, path: str = "/", **headers: str) -> str:
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    match = re.search(r"<html[^>]*>", response.content.decode())
    assert match is not None
    return match[0]


def test_the_browsers_language_is_followed(network):
    assert html_element(Client()) == '<html lang="en" dir="ltr">'
    urdu = html_element(Client(), accept_language="ur-PK,ur;q=0.9,en;q=0.5")
    assert urdu == '<html lang="ur" dir="rtl">'
    assert html_element(Client(), accept_language="fr-FR,fr") == '<html lang="en" dir="ltr">'


def test_the_footers_link_chooses_the_language_over_the_browsers(network):
    visitor = Client()
    home = visitor.get("/").content.decode()
    assert '<a href="/language/ur/?next=/" lang="ur" rel="nofollow">اردو</a>' in home

    response = visitor.get("/language/ur/?next=/members/")
    assert response.status_code == 302 and response["Location"] == "/members/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ur" and cookie["max-age"] == 365 * 24 * 3600
    assert html_element(visitor, "/members/", accept_language="en") == '<html lang="ur" dir="rtl">'

    visitor.get("/language/en/")
    assert html_element(visitor, accept_language="ur") == '<html lang="en" dir="ltr">'


def test_a_member_chooses_the_same_way(network, member):
    client = client_for(member)
    client.get("/language/ur/")
    assert html_element(client) == '<html lang="ur" dir="rtl">'


def test_the_install_default_applies_when_the_browser_says_nothing(network, settings):
    settings.LANGUAGE_CODE = "ur"
    assert html_element(Client()) == '<html lang="ur" dir="rtl">'


def test_an_unknown_language_or_a_foreign_next_address_goes_nowhere(network):
    assert Client().get("/language/xx/").status_code == 404
    response = Client().get("/language/ur/?next=https://evil.example/")
    assert response.status_code == 302 and response["Location"] == "/"
