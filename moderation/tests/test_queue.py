"""The moderation queue: reported things, and what moderators do with them."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from conftest import body_of, client_for, make_member, make_post, page_queries
from forum.tests.helpers import make_category, make_discussion
from members.models import ActionLog, Member
from moderation import services
from moderation.models import Report
from moderation.registry import kind_of
from notifications.models import Notification

from .helpers import make_moderator

pytestmark = pytest.mark.django_db

QUEUE = reverse("moderation:queue")


def act_url(kind: str, pk: int, action: str) -> str:
    return reverse("moderation:act", args=[kind, pk, action])


def reported(obj, *reporters: Member, reason: str = "Spam") -> None:
    for who in reporters:
        services.report(obj, by=who, reason=f"{reason} ({who.display_name})")


@pytest.fixture
def moderator(network) -> Member:
    return make_moderator()


def test_the_queue_shows_each_reported_thing_once_with_its_reasons(member, other_member, moderator):
    post = make_post(member, title="Cheap watches")
    third = make_member("Third Reader", "third@example.org")
    reported(post, other_member, third, reason="Selling watches")
    html = client_for(moderator).get(QUEUE).content.decode()
    assert html.count("Cheap watches") == 1
    assert "2 reports:" in html
    assert "Selling watches (Charlotte Reyes)" in html
    assert "Selling watches (Third Reader)" in html
    for action in ("hide", "delete", "dismiss", "warn", "suspend"):
        assert act_url("post", post.pk, action) in html


def test_scoped_moderators_see_only_their_features(member, other_member, creator):
    post = make_post(member, title="A blog post")
    discussion = make_discussion(member, make_category(creator), title="A discussion")
    blogs_only = make_moderator("Blog Mod", "blogmod@example.org", moderator_scopes=["blogs"])
    reported(post, other_member)
    reported(discussion, other_member)
    html = client_for(blogs_only).get(QUEUE).content.decode()
    assert "A blog post" in html and "A discussion" not in html
    refused = client_for(blogs_only).get(act_url("discussion", discussion.pk, "hide"))
    assert refused.status_code == 403
    assert "A discussion" in client_for(creator).get(QUEUE).content.decode()
    # They are told only of what they moderate.
    assert Notification.objects.filter(recipient=blogs_only).count() == 1


def _visitor_pages() -> dict[str, str]:
    return {
        name: Client().get(reverse(name)).content.decode()
        for name in ("network:home", "blogs:list", "activity:everyone", "blogs:feed_rss")
    }


def test_a_hidden_post_is_gone_at_once_from_every_list_activity_and_feed(
    member, other_member, moderator
):
    post = make_post(member, title="Buy cheap watches now")
    reported(post, other_member)
    before = _visitor_pages()  # also fills the visitors' page cache
    assert all("Buy cheap watches now" in html for html in before.values()), before.keys()
    client = client_for(moderator)
    confirm = client.get(act_url("post", post.pk, "hide"))
    assert "Hide “<bdi>Buy cheap watches now</bdi>”?" in confirm.content.decode()
    post.refresh_from_db()
    assert post.hidden_at is None  # asking is not doing
    done = client.post(act_url("post", post.pk, "hide"), {"reason": "Spam"})
    assert done.status_code == 302 and done["Location"] == QUEUE
    after = _visitor_pages()
    for name, html in after.items():
        assert "Buy cheap watches now" not in html, name
    assert Client().get(post.get_absolute_url()).status_code == 404
    members_view = client_for(other_member).get(reverse("blogs:list")).content.decode()
    assert "Buy cheap watches now" not in members_view
    report = Report.objects.get()
    assert (report.resolution, report.resolved_by) == ("hidden", moderator)
    entry = ActionLog.objects.get(action="hide")
    assert (entry.actor, entry.reason) == (moderator, "Spam")
    assert "Nothing is waiting" in client.get(QUEUE).content.decode()


def test_a_hidden_discussion_is_gone_at_once_from_the_forum_activity_and_feed(
    member, other_member, moderator, creator
):
    discussion = make_discussion(member, make_category(creator), title="Watches for sale")
    reported(discussion, other_member)
    names = ("network:home", "forum:index", "forum:latest", "activity:everyone", "forum:feed_rss")
    before = {name: Client().get(reverse(name)).content.decode() for name in names}
    assert all("Watches for sale" in html for html in before.values())
    client_for(moderator).post(act_url("discussion", discussion.pk, "hide"), {"reason": "Spam"})
    for name in names:
        assert "Watches for sale" not in Client().get(reverse(name)).content.decode(), name
    assert Client().get(discussion.get_absolute_url()).status_code == 404


def test_delete_asks_first_then_deletes_and_logs(member, other_member, moderator):
    post = make_post(member, title="Offensive post")
    reported(post, other_member)
    client = client_for(moderator)
    confirm = client.get(act_url("post", post.pk, "delete"))
    assert "cannot be undone" in confirm.content.decode()
    assert type(post).objects.filter(pk=post.pk).exists()
    client.post(act_url("post", post.pk, "delete"), {"reason": "Hate speech"})
    assert not type(post).objects.filter(pk=post.pk).exists()
    assert Report.objects.get().resolution == "deleted"
    entry = ActionLog.objects.get(action="delete")
    assert entry.target_label == "post: Offensive post" and entry.reason == "Hate speech"


def test_dismiss_closes_the_reports_and_changes_nothing(member, other_member, moderator):
    post = make_post(member, title="A fine post")
    reported(post, other_member)
    client_for(moderator).post(act_url("post", post.pk, "dismiss"), {"reason": ""})
    post.refresh_from_db()
    assert post.hidden_at is None
    assert Report.objects.get().resolution == "dismissed"
    assert ActionLog.objects.get().action == "dismiss-reports"


def test_warning_the_author_tells_them_by_notification_and_email(
    member, other_member, moderator, smtp, django_capture_on_commit_callbacks
):
    post = make_post(member, title="Borderline joke")
    reported(post, other_member)
    client = client_for(moderator)
    empty = client.post(act_url("post", post.pk, "warn"), {"reason": ""})
    assert empty.status_code == 400 and "Please give a reason." in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(act_url("post", post.pk, "warn"), {"reason": "Please keep it civil."})
    told = Notification.objects.get(recipient=member, kind="moderation-warning")
    assert told.title == "Borderline joke" and told.excerpt == "Please keep it civil."
    [email] = smtp.wait_for(member.email)
    text = body_of(email)
    assert "Please keep it civil." in text and "Borderline joke" in text
    assert "Charlotte" not in text  # the reporter stays unknown
    assert Report.objects.get().resolution == "warned"
    assert ActionLog.objects.get(action="warn").target_label == "Bilal Ahmed"


def test_suspending_the_author_from_the_queue_with_their_content(member, other_member, moderator):
    post = make_post(member, title="Spam one")
    make_post(member, title="Spam two")
    comment = add_comment(make_post(other_member, title="Kept"), member, "spam comment")
    reported(post, other_member)
    reported(comment, other_member)
    client = client_for(moderator)
    confirm = client.get(act_url("post", post.pk, "suspend")).content.decode()
    assert "Also delete everything they wrote" in confirm
    client.post(act_url("post", post.pk, "suspend"), {"reason": "Spammer", "delete_content": "on"})
    member.refresh_from_db()
    assert not member.is_active and member.suspended_at is not None
    assert list(type(post).objects.values_list("title", flat=True)) == ["Kept"]
    html = client.get(QUEUE).content.decode()
    assert "spam comment" not in html  # gone with its author's content
    assert "deleted meanwhile" in html or "Nothing is waiting" in html


def test_moderators_cannot_suspend_administrators_from_the_queue(other_member, moderator):
    admin = make_member("Adeel Admin", "admin@example.org", role=Member.Role.ADMIN)
    post = make_post(admin, title="Admin post")
    reported(post, other_member)
    html = client_for(moderator).get(QUEUE).content.decode()
    assert act_url("post", post.pk, "suspend") not in html
    refused = client_for(moderator).post(act_url("post", post.pk, "suspend"), {"reason": "x"})
    assert refused.status_code == 403
    assert Member.objects.get(pk=admin.pk).is_active


def test_the_queue_costs_the_same_queries_at_5_and_50_reported_things(member, moderator, network):
    reporters = [make_member(f"Reporter {n}", f"r{n}@example.org") for n in range(2)]

    def add_reported(count: int) -> None:
        for n in range(count):
            post = make_post(member, title=f"Reported {n}")
            for who in reporters:
                Report.objects.create(
                    reporter=who,
                    content_type_id=_post_type(),
                    object_id=post.pk,
                    reason="Spam",
                )

    client = client_for(moderator)
    add_reported(5)
    at_5 = page_queries(client, QUEUE)
    add_reported(45)
    at_50 = page_queries(client, QUEUE)
    assert at_50 == at_5


def _post_type() -> int:
    from django.contrib.contenttypes.models import ContentType

    from blogs.models import Post

    return ContentType.objects.get_for_model(Post).pk


def test_registered_kinds(member):
    post = make_post(member)
    kind = kind_of(post)
    assert kind is not None and kind.key == "post" and kind.feature == "blogs"


def test_reports_of_something_deleted_meanwhile_can_be_closed(member, other_member, moderator):
    from blogs.services import delete_post

    post = make_post(member, title="Soon gone")
    reported(post, other_member)
    pk = post.pk
    delete_post(post, by=member)
    client = client_for(moderator)
    assert "deleted meanwhile" in client.get(QUEUE).content.decode()
    assert "Close the reports" in client.get(act_url("post", pk, "dismiss")).content.decode()
    client.post(act_url("post", pk, "dismiss"))
    assert Report.objects.get().resolution == "gone"
    assert "Nothing is waiting" in client.get(QUEUE).content.decode()
    assert client.get(act_url("post", pk, "dismiss")).status_code == 404  # nothing left
    assert client.get(act_url("post", pk, "hide")).status_code == 404
