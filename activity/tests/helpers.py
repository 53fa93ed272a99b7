"""Making activity for the tests, and reading the stream as a person sees it."""

import datetime as dt
import html
import re

from django.test import Client
from django.utils import timezone

from activity.models import Entry
from comments.models import Comment
from comments.services import add_comment
from conftest import make_member
from friends import services as friends
from members.models import Member
from members.services import confirm_email, confirmation_token

_LINE = re.compile(r'<li class="friend-row activity-line">(.*?)</li>', re.S)
_FIRST_P = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def joins(name: str, email: str) -> Member:
    """A member who joins and confirms their email (members.joined)."""
    member = make_member(name, email, confirmed=False)
    confirm_email(confirmation_token(member, "/"))
    member.refresh_from_db()
    return member


def comment(target, author: Member, body: str = "What an evening that was.") -> Comment:
    return add_comment(target, author, body)


def befriend(a: Member, b: Member) -> None:
    friends.send_request(by=a, to=b)
    friends.accept(by=b, sender=a)


def age(hours: float, **filters) -> None:
    """Moves the matching entries `hours` into the past."""
    Entry.objects.filter(**filters).update(created_at=timezone.now() - dt.timedelta(hours=hours))


def lines(content: bytes | str) -> list[str]:
    """The stream's lines as plain text (the sentence only: no time, no quoted comment)."""
    text = content.decode() if isinstance(content, bytes) else content
    found = []
    for item in _LINE.findall(text):
        sentence = _FIRST_P.search(item)
        plain = _TAG.sub("", sentence.group(1) if sentence else item)
        found.append(" ".join(html.unescape(plain).split()))
    return found


def stream(client: Client, url: str = "/activity/") -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return lines(response.content)


def home(client: Client) -> list[str]:
    return stream(client, "/")
