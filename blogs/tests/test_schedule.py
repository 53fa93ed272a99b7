"""Scheduled publishing: a post goes public by itself at its time — not before, in no cache."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blogs.models import Post
from blogs.services import publish_due_posts
from conftest import client_for

from .test_write_post import post_data

pytestmark = pytest.mark.django_db


def local(when: dt.datetime) -> str:
    """As the form's datetime-local field sends it, in the network's time zone."""
    return timezone.localtime(when, timezone.get_fixed_timezone(5 * 60)).strftime("%Y-%m-%dT%H:%M")


def schedule(member, when: dt.datetime) -> Post:
    response = client_for(member).post(
        reverse("blogs:create"), post_data(title="Reunion announcement", publish_at=local(when))
    )
    assert response.status_code == 302
    return Post.objects.get(title="Reunion announcement")


def shown_to_visitors(post: Post) -> dict[str, bool]:
    visitor = Client()
    feed = visitor.get(reverse("blogs:feed_rss")).content
    titles = [item.findtext("title") for item in ET.fromstring(feed).iter("item")]
    return {
        "page": visitor.get(post.get_absolute_url()).status_code == 200,
        "listing": post.title in visitor.get(reverse("blogs:list")).content.decode(),
        "home": post.title in visitor.get("/").content.decode(),
        "feed": post.title in titles,
    }


def test_a_scheduled_post_stays_out_of_sight_until_its_time(member, network):
    # The network's time zone is Asia/Karachi (UTC+5): the form's time is read in it.
    when = timezone.now() + dt.timedelta(hours=2)
    post = schedule(member, when)
    assert post.status == Post.Status.SCHEDULED
    assert abs((post.published_at - when).total_seconds()) < 60
    # Visitors' pages are cached now, without it.
    assert shown_to_visitors(post) == dict.fromkeys(["page", "listing", "home", "feed"], False)
    # Its author sees it, marked as scheduled when editing.
    author = client_for(member)
    assert author.get(post.get_absolute_url()).status_code == 200
    assert (
        "Scheduled: goes public on"
        in author.get(reverse("blogs:edit", args=[post.pk])).content.decode()
    )

    assert publish_due_posts(now=timezone.now() + dt.timedelta(hours=1)) == 0
    assert publish_due_posts(now=timezone.now() + dt.timedelta(hours=3)) == 1
    post.refresh_from_db()
    assert post.is_published
    # Every cached page that should show it does, at once.
    assert shown_to_visitors(post) == dict.fromkeys(["page", "listing", "home", "feed"], True)


def test_a_time_already_past_publishes_at_once(member):
    post = schedule(member, timezone.now() - dt.timedelta(hours=1))
    assert post.is_published


def test_saving_a_scheduled_post_as_a_draft_unschedules_it(member):
    post = schedule(member, timezone.now() + dt.timedelta(hours=2))
    client_for(member).post(
        reverse("blogs:edit", args=[post.pk]), post_data(action="draft", title=post.title)
    )
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT
    assert publish_due_posts(now=timezone.now() + dt.timedelta(days=1)) == 0


def test_a_published_post_has_nothing_to_schedule(member):
    post = schedule(member, timezone.now() - dt.timedelta(hours=1))
    page = client_for(member).get(reverse("blogs:edit", args=[post.pk])).content.decode()
    assert 'name="publish_at"' not in page


def test_the_scheduler_publishes_due_posts(member):
    from lib import scheduler

    post = schedule(member, timezone.now() + dt.timedelta(hours=2))
    post.published_at = timezone.now() - dt.timedelta(minutes=1)
    post.save(update_fields=["published_at"])
    assert "publish-scheduled-posts" in scheduler.run_due()  # the test settings run it at once
    post.refresh_from_db()
    assert post.is_published


def test_the_authors_blog_marks_a_scheduled_post(member):
    post = schedule(member, timezone.now() + dt.timedelta(hours=2))
    blog = client_for(member).get(reverse("blogs:member_blog", args=[member.handle]))
    assert "Scheduled for" in blog.content.decode()
    assert post.title in blog.content.decode()
