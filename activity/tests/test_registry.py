"""A later app adds a kind of activity by registering it, with no change to the stream's code:
its event writes entries, its template renders them, its visibility hook hides them from those
who may not see them (a private group's members only), its withdrawal events take them away."""

import pytest
from django.test import Client

from activity import registry
from activity.models import Entry
from activity.tests.helpers import stream
from conftest import client_for, make_member
from lib import events
from members.permissions import is_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def waving(tmp_path, settings):
    """A "waved at" kind, as an app would register it, with its own template."""
    folder = tmp_path / "templates" / "waves"
    folder.mkdir(parents=True)
    (folder / "_activity.html").write_text(
        "<p>{{ line.actor.display_name }} waved at {{ line.target.display_name }}"
        "{% if line.others %} with {{ line.others|length }} more{% endif %}.</p>"
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path / "templates"]}]
    kind = registry.Kind(
        event="tests.waved",
        template="waves/_activity.html",
        subject=lambda event: event.target,
        # Only members see waves (as a private group's members see its activity).
        can_view=lambda viewer, entry, target, on: is_member(viewer),
        group=True,
        removed_by=("tests.unwaved",),
        hidden_by=("tests.wave_hidden",),
        shown_by=("tests.wave_shown",),
    )
    registry.register(kind)
    yield kind
    registry.unregister(kind)


def test_a_registered_kind_shows_to_those_its_hook_allows(waving, member, other_member):
    events.publish("tests.waved", actor=member, target=other_member)
    assert stream(client_for(other_member)) == ["Bilal Ahmed waved at Charlotte Reyes."]
    assert stream(Client()) == []
    # On both members' pages too, the subject's included.
    url = f"/members/{other_member.handle}/activity/"
    assert stream(client_for(member), url) == ["Bilal Ahmed waved at Charlotte Reyes."]


def test_its_entries_group_and_are_withdrawn_by_its_events(waving, member, other_member):
    third = make_member("Tariq Third", "tariq@example.org")
    events.publish("tests.waved", actor=third, target=other_member)
    events.publish("tests.waved", actor=member, target=other_member)
    assert stream(client_for(member)) == ["Bilal Ahmed waved at Charlotte Reyes with 1 more."]
    events.publish("tests.wave_hidden", actor=member, target=other_member)
    assert stream(client_for(member)) == []
    events.publish("tests.wave_shown", actor=member, target=other_member)
    assert len(stream(client_for(member))) == 1
    events.publish("tests.unwaved", actor=member, target=other_member)
    assert stream(client_for(member)) == []
    assert not Entry.objects.exists()


def test_a_kind_no_longer_registered_shows_nothing(waving, member, other_member):
    events.publish("tests.waved", actor=member, target=other_member)
    registry.unregister(waving)
    assert stream(client_for(other_member)) == []
    events.publish("tests.waved", actor=member, target=other_member)
    assert Entry.objects.count() == 1


def test_every_built_in_kind_is_subscribed_to_its_event():
    for name in ("members.joined", "blogs.published", "comments.added", "friends.accepted"):
        assert registry.get(name) is not None
        assert any(h.__name__ == "record" for h in events.subscribers(name)), name
    for name in ("blogs.deleted", "comments.deleted"):
        assert any(h.__name__ == "remove_about" for h in events.subscribers(name)), name
