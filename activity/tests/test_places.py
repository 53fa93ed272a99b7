"""Where something happened: an entry's place is where what it is `on` is, as the app that has
such things registered (registry.register_place), or what its kind names (Kind.place); the
place's own stream (Scope.PLACE) shows only its entries, and a change to them refreshes it."""

import pytest

from activity import queries, registry
from activity.models import Entry, tag_of_place
from comments.services import add_comment, delete_comment
from conftest import make_member, make_post
from groups.tests.helpers import make_group
from lib import events
from lib.cachetags import versions

pytestmark = pytest.mark.django_db


def test_an_entry_is_placed_where_what_it_is_on_is(member, other_member):
    group = make_group(member, "Circle")
    on_wall = add_comment(group, member, "On the group's wall")
    on_post = add_comment(make_post(other_member), member, "On a post")
    assert Entry.objects.get(target_id=on_wall.pk, kind="comments.added").place_id == group.pk
    placed = Entry.objects.get(target_id=on_post.pk, kind="comments.added")
    assert placed.place_id is None and placed.place_type is None
    assert registry.place_of(on_post) is None  # a comment is in no place of its own
    assert registry.place_of(group) == group


def test_a_kind_may_name_its_place(member):
    group = make_group(member, "Circle")
    kind = registry.Kind(
        event="tests.cheered",
        template="groups/_activity_joined.html",
        on=lambda event: None,
        place=lambda event: group,
    )
    registry.register(kind)
    try:
        events.publish("tests.cheered", actor=member, target=member)
    finally:
        registry.unregister(kind)
    entry = Entry.objects.get(kind="tests.cheered")
    assert (entry.place_id, entry.on_id) == (group.pk, None)


def test_a_places_stream_is_its_own_and_follows_its_changes(member, other_member):
    here, there = make_group(member, "Here"), make_group(member, "There")
    comment = add_comment(here, member, "Said here")
    add_comment(there, member, "Said there")
    page = queries.read(other_member, scope=queries.Scope.PLACE, place=here)
    targets = {line.target for line in page.lines}
    assert comment in targets and here in targets  # the comment, and the group made
    assert all(line.entry.place_id == here.pk for line in page.lines)
    tag = tag_of_place(here)
    before = versions([tag], fresh=True)
    delete_comment(comment, by=member)
    assert versions([tag], fresh=True) != before
    page = queries.read(other_member, scope=queries.Scope.PLACE, place=here)
    assert comment not in {line.target for line in page.lines}


def test_a_removed_member_takes_their_lines_from_the_place(member):
    from activity.services import remove_entries_of
    from groups import services

    group = make_group(member, "Circle")
    speaker = make_member("Sana Speaker", "sana@example.org")
    services.join(group, by=speaker)
    add_comment(group, speaker, "Soon gone")
    tag = tag_of_place(group)
    before = versions([tag], fresh=True)
    remove_entries_of(speaker)  # the members.removal step
    assert versions([tag], fresh=True) != before
    assert not Entry.objects.filter(place_id=group.pk, actor=speaker).exists()
