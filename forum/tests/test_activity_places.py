"""forum 0003: entries about a group's discussion (its start, its replies) get the group as
their place; a forum discussion's stay nowhere."""

from importlib import import_module

import pytest
from django.apps import apps

from activity.models import Entry
from comments.services import add_comment
from forum import services
from forum.tests.helpers import make_category
from groups.tests.helpers import make_group

pytestmark = pytest.mark.django_db


def test_entries_of_a_groups_discussions_find_their_group(network, member):
    migration = import_module("forum.migrations.0003_activity_places")
    group = make_group(member, "Circle")
    inside = services.start_discussion(by=member, group=group, title="In it", body="Hi.")
    add_comment(inside, member, "A reply in it")
    outside = services.start_discussion(
        by=member, category=make_category(network.creator, "General"), title="Out", body="Hi."
    )
    add_comment(outside, member, "A reply outside")
    placed = set(Entry.objects.exclude(place_id=None).values_list("pk", "place_id"))
    assert len(placed) == 3  # made, started, replied
    Entry.objects.update(place_type=None, place_id=None)
    migration.place_group_discussions(apps, None)
    import_module("groups.migrations.0002_activity_places").place_group_entries(apps, None)
    assert set(Entry.objects.exclude(place_id=None).values_list("pk", "place_id")) == placed
