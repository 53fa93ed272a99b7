"""Starting, reading, editing, deleting, hiding, pinning and closing discussions, per persona."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.services import add_comment
from conftest import client_for, make_member
from forum import services
from forum.models import Category, Discussion
from forum.tests.helpers import make_category, make_discussion
from members.models import Member

pytestmark = pytest.mark.django_db


@pytest.fixture
def category(creator: Member) -> Category:
    return make_category(creator)


@pytest.fixture
def moderator(network) -> Member:
    return make_member("Musa Moderator", "musa@example.org", role=Member.Role.MODERATOR)


def test_a_member_starts_a_discussion_rendered_from_markdown_and_sanitised(member, category):
    client = client_for(member)
    response = client.post(
        reverse("forum:start"),
        {
            "category": category.pk,
            "title": "  Winter   dinner ",
            "body": "Who is **coming**? <script>alert(1)</script>",
        },
    )
    discussion = Discussion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == discussion.get_absolute_url()
    assert discussion.title == "Winter dinner"
    assert discussion.author == member
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "<strong>coming</strong>" in page
    assert "<script>alert(1)</script>" not in page
    # The starter follows their discussion.
    assert discussion.follows.filter(member=member).exists()
    category.refresh_from_db()
    assert category.discussion_count == 1
    assert category.last_discussion == discussion


def test_a_refused_form_keeps_what_was_typed(member, category):
    response = client_for(member).post(
        reverse("forum:start"), {"category": category.pk, "title": "", "body": "Kept text"}
    )
    assert response.status_code == 400
    assert "Kept text" in response.content.decode()
    assert "This field is required." in response.content.decode()
    assert not Discussion.objects.exists()


def test_a_visitor_reads_the_forum_and_meets_the_join_gate_to_reply(member, category):
    discussion = make_discussion(member, category)
    visitor = Client()
    assert visitor.get(reverse("forum:index")).status_code == 200
    assert discussion.title in visitor.get(category.get_absolute_url()).content.decode()
    page = visitor.get(discussion.get_absolute_url()).content.decode()
    assert "join-gate" in page
    assert "to add comments" in page
    response = visitor.post(
        reverse("comments:create", args=["discussion", discussion.pk]), {"body": "Hi"}
    )
    assert response.status_code == 403
    assert discussion.comments.count() == 0


def test_an_unconfirmed_member_reads_but_cannot_start_or_reply(unconfirmed, member, category):
    discussion = make_discussion(member, category)
    client = client_for(unconfirmed)
    assert client.get(discussion.get_absolute_url()).status_code == 200
    response = client.get(reverse("forum:start"))
    assert response.status_code == 302 and response["Location"] == reverse("network:home")
    response = client.post(
        reverse("comments:create", args=["discussion", discussion.pk]), {"body": "Hi"}
    )
    assert response.status_code == 403


def test_the_author_and_administrators_edit_others_may_not(
    member, other_member, admin_member, moderator, category
):
    discussion = make_discussion(member, category)
    url = reverse("forum:edit", args=[discussion.pk])
    data = {"category": category.pk, "title": "Dinner moved", "body": "Now on Sunday."}
    assert client_for(other_member).post(url, data).status_code == 403
    assert client_for(moderator).post(url, data).status_code == 403
    assert client_for(member).post(url, data).status_code == 302
    discussion.refresh_from_db()
    assert discussion.title == "Dinner moved"
    data["title"] = "Dinner moved again"
    assert client_for(admin_member).post(url, data).status_code == 302


def test_author_moderators_and_administrators_delete_after_confirming(
    member, other_member, moderator, creator, category
):
    first = make_discussion(member, category, title="One")
    add_comment(first, other_member, "A reply")
    url = reverse("forum:delete", args=[first.pk])
    assert client_for(other_member).get(url).status_code == 403
    page = client_for(member).get(url)
    assert "1 reply" in page.content.decode()
    assert Discussion.objects.filter(pk=first.pk).exists()  # GET only asks
    assert client_for(moderator).post(url).status_code == 302
    assert not Discussion.objects.filter(pk=first.pk).exists()
    category.refresh_from_db()
    assert category.discussion_count == 0
    assert category.last_discussion is None


def test_a_hidden_discussion_is_seen_by_its_author_and_moderators_only(
    member, other_member, moderator, category
):
    discussion = make_discussion(member, category)
    url = reverse("forum:hide", args=[discussion.pk])
    assert client_for(other_member).post(url).status_code == 403
    assert client_for(moderator).post(url).status_code == 302
    discussion.refresh_from_db()
    assert discussion.is_hidden
    assert Client().get(discussion.get_absolute_url()).status_code == 404
    assert client_for(other_member).get(discussion.get_absolute_url()).status_code == 404
    assert client_for(member).get(discussion.get_absolute_url()).status_code == 200
    assert client_for(moderator).get(discussion.get_absolute_url()).status_code == 200
    assert discussion.title not in Client().get(category.get_absolute_url()).content.decode()
    category.refresh_from_db()
    assert category.discussion_count == 0


def test_pinned_discussions_come_first_in_their_category(member, moderator, category):
    older = make_discussion(member, category, title="Older and pinned")
    make_discussion(member, category, title="Newer")
    assert client_for(member).post(reverse("forum:pin", args=[older.pk])).status_code == 403
    assert client_for(moderator).post(reverse("forum:pin", args=[older.pk])).status_code == 302
    page = Client().get(category.get_absolute_url()).content.decode()
    assert page.index("Older and pinned") < page.index("Newer")
    assert "Pinned" in page


def test_a_closed_discussion_takes_no_reply_and_says_so(member, other_member, moderator, category):
    discussion = make_discussion(member, category)
    assert (
        client_for(moderator).post(reverse("forum:close", args=[discussion.pk])).status_code == 302
    )
    page = client_for(other_member).get(discussion.get_absolute_url()).content.decode()
    assert "This discussion is closed: it takes no new replies." in page
    assert 'id="comment-body"' not in page
    response = client_for(other_member).post(
        reverse("comments:create", args=["discussion", discussion.pk]), {"body": "Late!"}
    )
    assert response.status_code == 403
    client_for(moderator).post(reverse("forum:reopen", args=[discussion.pk]))
    response = client_for(other_member).post(
        reverse("comments:create", args=["discussion", discussion.pk]), {"body": "Open again"}
    )
    assert response.status_code == 302
    assert discussion.comments.count() == 1


def test_a_suspended_member_reads_like_a_visitor(member, category):
    discussion = make_discussion(member, category)
    suspended = make_member("Sami", "sami@example.org")
    client = client_for(suspended)
    Member.objects.filter(pk=suspended.pk).update(is_active=False)
    assert client.get(discussion.get_absolute_url()).status_code == 200
    response = client.get(reverse("forum:start"))
    assert response.status_code == 302 and "/signin/" in response["Location"]


def test_the_last_reply_is_kept_on_the_row_and_follows_deletion_and_hiding(
    member, other_member, moderator, category
):
    discussion = make_discussion(member, category)
    first = add_comment(discussion, other_member, "First")
    second = add_comment(discussion, moderator, "Second")
    discussion.refresh_from_db()
    assert (discussion.last_reply_by, discussion.comment_count) == (moderator, 2)
    from comments.services import delete_comment, set_hidden

    delete_comment(second, by=moderator)
    discussion.refresh_from_db()
    assert discussion.last_reply_by == other_member
    assert discussion.last_reply_at == first.created_at
    set_hidden(first, True, by=moderator)
    discussion.refresh_from_db()
    assert discussion.last_reply_by is None
    assert discussion.last_activity_at == discussion.created_at


def test_quote_opens_the_reply_box_with_the_reply_quoted(member, other_member, category):
    discussion = make_discussion(member, category)
    reply = add_comment(discussion, other_member, "Bring photos.\nAnd the old flag.")
    response = client_for(member).get(reverse("forum:quote", args=[discussion.pk, reply.pk]))
    page = response.content.decode()
    assert "Charlotte" in page or other_member.display_name in page
    assert "&gt; Bring photos.\n&gt; And the old flag." in page
    # The page's script adds the Quote links.
    assert "forum/quote" in client_for(member).get(discussion.get_absolute_url()).content.decode()


def test_my_discussions_lists_what_i_started_or_replied_to(member, other_member, category):
    mine = make_discussion(member, category, title="Mine")
    replied = make_discussion(other_member, category, title="Replied to")
    make_discussion(other_member, category, title="Not mine")
    add_comment(replied, member, "Me too")
    page = client_for(member).get(reverse("forum:mine")).content.decode()
    assert mine.title in page and replied.title in page and "Not mine" not in page


def test_services_refuse_what_the_pages_refuse(member, other_member, category):
    discussion = make_discussion(member, category)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.set_pinned(discussion, True, by=other_member)
    with pytest.raises(PermissionDenied):
        services.delete_discussion(discussion, by=other_member)
    with pytest.raises(PermissionDenied):
        services.save_category(Category(), by=member, name="X", description="", position=1)


def test_starting_discussions_very_fast_is_refused_keeping_the_text(member, category, monkeypatch):
    monkeypatch.setattr(services, "START_LIMIT", (2, 3600))
    client = client_for(member)
    data = {"category": category.pk, "title": "Again", "body": "And again"}
    assert client.post(reverse("forum:start"), data).status_code == 302
    assert client.post(reverse("forum:start"), data).status_code == 302
    response = client.post(reverse("forum:start"), data)
    assert response.status_code == 429
    assert "very fast" in response.content.decode()
    assert "And again" in response.content.decode()
    assert Discussion.objects.count() == 2
