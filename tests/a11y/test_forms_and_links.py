"""Without a browser: each form error is shown once, next to its field, with what was typed kept;
every link has a name a screen reader can read (avatars, "Continue" links); the skip link is
the first link of every page and leads to the main content; the post form's related-link rows."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, client_for, join_data, make_member, make_post, png_upload
from members.models import Member
from members.templatetags.anjuman import avatar

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    """The accessible name of each <a href> of a page, as browsers compute it for these simple
    cases: its text, an aria-label, an image's alt, a role="img" element's aria-label; what is
    aria-hidden counts for nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, name)
        self._href: str | None = None
        self._name: list[str] = []
        self._hidden_depth = 0
        self._stack: list[bool] = []
        self.main_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "main":
            self.main_ids.append(a.get("id", ""))
        void = tag in {"img", "br", "input", "meta", "link", "hr", "source"}
        hidden = a.get("aria-hidden") == "true"
        if self._href is not None and not self._hidden_depth:
            if tag == "img" and a.get("alt"):
                self._name.append(a["alt"])
            elif a.get("role") == "img" and a.get("aria-label"):
                self._name.append(a["aria-label"])
        if tag == "a" and "href" in a:
            self._href = a["href"]
            self._name = [a["aria-label"]] if a.get("aria-label") else []
        if not void:
            self._stack.append(hidden)
            if hidden:
                self._hidden_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._name).split())))
            self._href = None
        if self._stack and self._stack.pop():
            self._hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._href is not None and not self._hidden_depth:
            self._name.append(data)


def links_of(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def assert_every_link_named(html: str) -> None:
    unnamed = [href for href, name in links_of(html).links if not name]
    assert not unnamed, unnamed


# --- Errors once ------------------------------------------------------------------------------


def test_sign_in_shows_its_error_once_and_keeps_the_email(member: Member) -> None:
    response = Client().post(
        reverse("members:signin"), {"username": member.email, "password": "not the password"}
    )
    html = response.content.decode()
    assert html.count("The email or password is not right.") == 1
    assert f'value="{member.email}"' in html


def test_join_shows_each_error_once_next_to_its_field(network: object) -> None:
    data = join_data(email="not an address", password2="something else entirely")
    html = Client().post(reverse("members:join"), data).content.decode()
    errors = [line for line in html.split('<ul class="errorlist') if "</ul>" in line]
    messages = [e.split("<li>")[1].split("</li>")[0] for e in errors if "<li>" in e]
    assert messages, html
    assert len(messages) == len(set(messages)), messages
    for message in messages:
        assert html.count(message) == 1, message
    # What was typed stays (not the passwords).
    assert 'value="Farah Naz"' in html
    assert 'value="not an address"' in html
    # The email's error stands in the email field's group, before its input.
    group = html.split('for="id_email"')[1].split("</div>")[0]
    assert "errorlist" in group and 'name="email"' in group


def test_the_post_form_shows_a_missing_title_once(member: Member) -> None:
    response = client_for(member).post(
        reverse("blogs:create"),
        {
            "title": "",
            "body": "Words worth keeping",
            "links-TOTAL_FORMS": "2",
            "links-INITIAL_FORMS": "0",
            "publish": "1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400  # the form again, with its error
    assert html.count("This field is required.") == 1
    assert "Words worth keeping" in html


# --- The related-link rows ---------------------------------------------------------------------


def test_empty_link_rows_have_no_delete_box_and_saved_ones_do(member: Member) -> None:
    client = client_for(member)
    html = client.get(reverse("blogs:create")).content.decode()
    # Two empty rows to fill without JavaScript, none with a "Delete" box.
    assert 'name="links-1-url"' in html
    assert "links-0-DELETE" not in html and "links-1-DELETE" not in html
    # The "Add another link" button, for the script; the empty row it copies.
    assert 'id="add-link"' in html and "Add another link" in html
    # Hidden until the script shows it: without JavaScript it would do nothing.
    assert " hidden>Add another link</button>" in html
    assert 'name="links-__prefix__-url"' in html
    assert "anjuman/formset.js" in html

    post = make_post(member, links=[])
    from blogs.models import RelatedLink

    RelatedLink.objects.create(post=post, url="https://example.org/a", title="A source")
    html = client.get(reverse("blogs:edit", args=[post.pk])).content.decode()
    assert "links-0-DELETE" in html  # the saved link can be deleted
    assert "links-1-DELETE" not in html and "links-2-DELETE" not in html


# --- Link names ---------------------------------------------------------------------------------


def test_avatar_is_named_after_the_member(member: Member) -> None:
    initial = avatar(member)
    assert 'role="img"' in initial and f'aria-label="{member.display_name}"' in initial
    assert 'aria-hidden="true"' in avatar(member, decorative=True)
    member.photo = png_upload(300, 300)
    member.save()
    member.refresh_from_db()
    if member.photo_thumb:
        assert f'alt="{member.display_name}"' in avatar(member)
        assert 'alt=""' in avatar(member, decorative=True)


def test_every_link_has_a_name_and_continue_names_its_post(creator: Member, member: Member) -> None:
    other = make_member("Zara Sheikh", "zara@example.org")
    post = make_post(other, title="Monsoon in Karachi")
    visitor = Client()
    home = visitor.get("/").content.decode()
    assert_every_link_named(home)
    names = dict(links_of(home).links)
    assert any(
        name == "Continue reading Monsoon in Karachi"
        for href, name in links_of(home).links
        if href == post.get_absolute_url()
    ), names
    for url in (
        reverse("blogs:list"),
        reverse("members:directory"),
        other.get_absolute_url(),
        post.get_absolute_url(),
        reverse("members:signin"),
    ):
        assert_every_link_named(visitor.get(url).content.decode())
        assert_every_link_named(client_for(member).get(url).content.decode())


def test_the_skip_link_comes_first_and_leads_to_the_main_content(member: Member) -> None:
    for client in (Client(), client_for(member)):
        page = links_of(client.get("/").content.decode())
        assert page.links[0] == ("#content", "Skip to content")
        assert page.main_ids == ["content"]


def test_signing_in_still_works_with_the_form_as_rendered(member: Member) -> None:
    response = Client().post(
        reverse("members:signin"), {"username": member.email, "password": PASSWORD}
    )
    assert response.status_code == 302
