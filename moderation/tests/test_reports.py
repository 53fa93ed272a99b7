"""Members report content and members; moderators hear of it, grouped."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import client_for, make_member, make_post
from moderation.models import Report
from notifications.models import Notification

from .helpers import make_moderator

pytestmark = pytest.mark.django_db


def report_url(kind: str, pk: int) -> str:
    return reverse("moderation:report", args=[kind, pk])


def test_a_member_reports_a_post_with_a_reason_and_moderators_are_told(
    member, other_member, creator
):
    post = make_post(member, title="Cheap watches")
    moderator = make_moderator()
    client = client_for(other_member)
    page = client.get(post.get_absolute_url()).content.decode()
    assert report_url("post", post.pk) in page  # the Report link on the post
    form = client.get(report_url("post", post.pk))
    assert "Why should the moderators look at this?" in form.content.decode()
    response = client.post(report_url("post", post.pk), {"reason": "Spam, selling watches"})
    assert response.status_code == 302 and response["Location"] == post.get_absolute_url()
    made = Report.objects.get()
    assert (made.reporter, made.object_id, made.reason) == (
        other_member,
        post.pk,
        "Spam, selling watches",
    )
    told = Notification.objects.filter(kind="moderation-report")
    assert {n.recipient for n in told} == {moderator, creator}
    assert all(n.url == reverse("moderation:queue") for n in told)


def test_reports_are_grouped_into_one_notification_per_moderator(member, other_member, creator):
    post = make_post(member)
    third = make_member("Third Reader", "third@example.org")
    client_for(other_member).post(report_url("post", post.pk), {"reason": "Rude"})
    client_for(third).post(report_url("post", post.pk), {"reason": "Rude too"})
    told = Notification.objects.get(kind="moderation-report", recipient=creator)
    assert told.actor_count == 2


def test_a_second_report_of_the_same_thing_is_refused_kindly(member, other_member):
    post = make_post(member)
    client = client_for(other_member)
    client.post(report_url("post", post.pk), {"reason": "Spam"})
    again = client.post(report_url("post", post.pk), {"reason": "Spam again"})
    assert again.status_code == 200
    assert "You already reported this" in again.content.decode()
    assert Report.objects.count() == 1


def test_the_reason_is_required_and_limited(member, other_member):
    post = make_post(member)
    client = client_for(other_member)
    empty = client.post(report_url("post", post.pk), {"reason": "   "})
    assert empty.status_code == 400
    assert "Please say what is wrong with it." in empty.content.decode()
    long = client.post(report_url("post", post.pk), {"reason": "x" * 501})
    assert long.status_code == 400
    assert "x" * 501 in long.content.decode()  # what was typed is kept
    assert not Report.objects.exists()


def test_reports_are_rate_limited(member, other_member, settings, monkeypatch):
    from moderation import views

    monkeypatch.setattr(views, "REPORT_LIMIT", (2, 3600))
    client = client_for(other_member)
    posts = [make_post(member, title=f"Post {n}") for n in range(3)]
    for post in posts[:2]:
        assert client.post(report_url("post", post.pk), {"reason": "Spam"}).status_code == 302
    refused = client.post(report_url("post", posts[2].pk), {"reason": "Spam"})
    assert refused.status_code == 400
    assert "many reports in a short time" in refused.content.decode()
    assert Report.objects.count() == 2


def test_members_report_only_what_they_see_and_not_their_own(member, other_member, unconfirmed):
    draft = make_post(member, title="Not yet", publish=False)
    post = make_post(member)
    assert client_for(other_member).get(report_url("post", draft.pk)).status_code == 404
    assert client_for(member).get(report_url("post", post.pk)).status_code == 403
    assert client_for(unconfirmed).get(report_url("post", post.pk)).status_code == 403
    assert client_for(other_member).get(report_url("nonsense", post.pk)).status_code == 404
    visitor = Client().get(report_url("post", post.pk))
    assert visitor.status_code == 302 and "/signin/" in visitor["Location"]
    # Visitors and the author see no Report link.
    assert report_url("post", post.pk) not in Client().get(post.get_absolute_url()).content.decode()
    own = client_for(member).get(post.get_absolute_url()).content.decode()
    assert report_url("post", post.pk) not in own


def test_a_member_reports_another_member_from_their_page(member, other_member):
    page = client_for(other_member).get(member.get_absolute_url()).content.decode()
    assert report_url("member", member.pk) in page
    response = client_for(other_member).post(
        report_url("member", member.pk), {"reason": "Sends insulting messages"}
    )
    assert response.status_code == 302
    assert Report.objects.get().object_id == member.pk
    own = client_for(member).get(member.get_absolute_url()).content.decode()
    assert report_url("member", member.pk) not in own
