"""The events app's part of the access matrix (tests/test_access_matrix.py).

The author organises every event under test: `event` (public, next week), `invited_event`
(invited only; the matrix's `invited` persona is invited to it — PERSONA_SETUP — and `member`
is not) and `hidden_event` (hidden by a moderator). An event someone may not see is 404 for
them on every route; moderators and administrators see every event. The organiser and
administrators edit and invite; moderators also delete and hide. Answering (RSVP) is a POST
of confirmed members who see the event.
"""

import datetime as dt
from typing import Any

from django.utils import timezone

from events.models import Event
from events.services import invite
from members.models import Member
from tests.test_access_matrix import LOGIN, REDIRECT, World, confirm_then_act, row

from .helpers import make_event

PUBLIC = row((200, 200))
SEES_INVITED = {"author": (200, 200), "moderators": (200, 200), "invited": (200, 200)}


def _event(w: World) -> Event:
    return make_event(w.author, "Alumni dinner", start=timezone.now() + dt.timedelta(days=7))


def _invited_event(w: World) -> Event:
    return make_event(w.author, "Committee meeting", invited_only=True)


def _hidden_event(w: World) -> Event:
    event = make_event(w.author, "Heated debate night")
    Event.objects.filter(pk=event.pk).update(hidden_at=timezone.now())
    event.refresh_from_db()
    return event


def _invite(w: World, member: Member) -> None:
    invite(w.invited_event, [member], by=w.author)


def _pk(which: str) -> Any:
    return lambda w: {"pk": getattr(w, which).pk}


def _pk_slug(which: str) -> Any:
    return lambda w: {"pk": getattr(w, which).pk, "slug": getattr(w, which).slug}


def _event_form(w: World) -> dict[str, str]:
    return {
        "title": "Cricket match",
        "description": "Bring a bat.",
        "start_date": "2030-05-04",
        "start_time": "16:00",
        "end_time": "19:00",
        "privacy": "public",
    }


MATRIX = {
    "events:upcoming": PUBLIC,
    "events:past": PUBLIC,
    "events:calendar": PUBLIC,
    "events:calendar_now": row((REDIRECT, REDIRECT)),
    "events:upcoming_ics": PUBLIC,
    "events:mine": row((LOGIN, LOGIN), signed_in=(200, 200)),
    "events:create": row(
        (LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, REDIRECT)
    ),
    "events:detail": PUBLIC,
    "events:detail@invited": row((404, 404), **SEES_INVITED),
    "events:detail@hidden": row((404, 404), author=(200, 200), moderators=(200, 200)),
    "events:short": row((REDIRECT, REDIRECT)),
    "events:short@invited": row(
        (404, 404),
        author=(REDIRECT, REDIRECT),
        moderators=(REDIRECT, REDIRECT),
        invited=(REDIRECT, REDIRECT),
    ),
    "events:ics": PUBLIC,
    "events:ics@invited": row((404, 404), **SEES_INVITED),
    "events:edit": confirm_then_act("author", "administrator", "creator"),
    "events:edit@invited": confirm_then_act(
        "author",
        "administrator",
        "creator",
        refused=(404, 404),
        moderator=(403, 403),
        invited=(403, 403),
    ),
    "events:delete": confirm_then_act("author", "moderator", "administrator", "creator"),
    "events:delete@invited": confirm_then_act(
        "author", "moderator", "administrator", "creator", refused=(404, 404), invited=(403, 403)
    ),
    "events:hide": confirm_then_act("moderator", "administrator", "creator"),
    "events:unhide": confirm_then_act("moderator", "administrator", "creator"),
    "events:invite": confirm_then_act("author", "administrator", "creator"),
    "events:invite@invited": confirm_then_act(
        "author",
        "administrator",
        "creator",
        refused=(404, 404),
        moderator=(403, 403),
        invited=(403, 403),
    ),
    # POST only. Unconfirmed members see the event and may not answer (403).
    "events:rsvp": row((405, LOGIN), signed_in=(405, 403), confirmed=(405, REDIRECT)),
    "events:rsvp@invited": row(
        (405, LOGIN),
        signed_in=(405, 404),
        author=(405, REDIRECT),
        moderators=(405, REDIRECT),
        invited=(405, REDIRECT),
    ),
}

KWARGS = {
    "events:calendar": lambda w: {"year": 2026, "month": 12},
    "events:detail": _pk_slug("event"),
    "events:detail@invited": _pk_slug("invited_event"),
    "events:detail@hidden": _pk_slug("hidden_event"),
    "events:short": _pk("event"),
    "events:short@invited": _pk("invited_event"),
    "events:ics": _pk("event"),
    "events:ics@invited": _pk("invited_event"),
    "events:edit": _pk("event"),
    "events:edit@invited": _pk("invited_event"),
    "events:delete": _pk("event"),
    "events:delete@invited": _pk("invited_event"),
    "events:hide": _pk("event"),
    "events:unhide": _pk("hidden_event"),
    "events:invite": _pk("event"),
    "events:invite@invited": _pk("invited_event"),
    "events:rsvp": _pk("event"),
    "events:rsvp@invited": _pk("invited_event"),
}

POST_DATA = {
    "events:create": _event_form,
    "events:edit": _event_form,
    "events:rsvp": lambda w: {"answer": "maybe"},
    "events:invite": lambda w: {"handles": w.member.handle},
}

OBJECTS = {"event": _event, "invited_event": _invited_event, "hidden_event": _hidden_event}

# `invited` is invited to the invited-only event (as to the private group: groups); `member`
# is the one not invited.
PERSONA_SETUP = {"invited": _invite}
