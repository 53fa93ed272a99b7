"""The index follows the content through the task queue, and bulk jobs build it once."""

import pytest
from django.contrib.auth.signals import user_logged_in
from django.test import Client
from django.urls import reverse

from blogs.models import Post
from conftest import client_for, make_post
from lib import events
from members.models import Member
from search.indexing import paused, rebuild
from search.models import Entry


@pytest.mark.django_db
def test_a_bulk_job_queues_nothing_and_rebuilds_at_its_end(member: Member) -> None:
    with events.muted():
        make_post(member, "Canteen in bulk", "Tea.")
    with paused():
        make_post(member, "Library in bulk", "Books.")
    assert not Entry.objects.filter(kind="post").exists()
    rebuild()
    assert Entry.objects.filter(kind="post").count() == 2


@pytest.mark.django_db
def test_a_save_that_changes_no_indexed_field_queues_nothing(member: Member) -> None:
    post = make_post(member, "Canteen", "Tea.")
    before = Entry.objects.get(kind="post", object_id=post.pk).pk
    Post.objects.get(pk=post.pk).save(update_fields=["view_count"])
    # Signing in writes last_login: the member's documents stay as they were.
    entry = Entry.objects.get(kind="member", object_id=member.pk)
    user_logged_in.send(sender=Member, request=None, user=member)
    assert Entry.objects.get(kind="post", object_id=post.pk).pk == before
    assert Entry.objects.get(kind="member", object_id=member.pk).pk == entry.pk


@pytest.mark.django_db
def test_a_renamed_member_is_found_by_the_new_name(member: Member, visitor: Client) -> None:
    member.display_name = "Zubair Qureshi"
    member.save()
    response = visitor.get(reverse("search:search"), {"q": "zubair"})
    assert [r.entry.title for r in response.context["results"]] == ["Zubair Qureshi"]
    assert not client_for(member).get(reverse("search:search"), {"q": "bilal"}).context["results"]
