"""Writing messages for the tests, and what the pages show."""

import re

from django.test import Client
from django.urls import reverse

from members.models import Member
from messaging import services
from messaging.models import Message, Thread


def write(a: Member, *to: Member, subject: str = "Reunion venue", body: str = "Hello!") -> Thread:
    return services.start_thread(by=a, recipients=list(to), subject=subject, body=body).thread


def answer(by: Member, thread: Thread, body: str = "Thank you!") -> Message:
    return services.reply(by=by, thread=thread, body=body)


def search(client: Client, to: str):
    """The first step of a new message: the names typed in To."""
    return client.get(reverse("messaging:compose"), {"to": to})


def compose(client: Client, to: str, subject: str = "Reunion venue", body: str = "Hello!", **more):
    """The second step: the form to the members whose handles `to` lists."""
    data = {"subject": subject, "body": body, "token": "t-1", **more}
    return client.post(reverse("messaging:write", args=[to]), data)


def label(member: Member) -> str:
    return f"{member.display_name} (@{member.handle})"


def errors(response) -> list[str]:
    """The form errors a page shows, as text."""
    html = response.content.decode()
    lists = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    return [
        re.sub(r"<[^>]+>", "", item).strip()
        for block in lists
        for item in block.split("</li>")
        if item.strip()
    ]


def subjects(response) -> list[str]:
    """The subjects a list page shows, in order."""
    return re.findall(r'<strong dir="auto">([^<]*)</strong>', response.content.decode())
