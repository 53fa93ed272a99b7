"""A visitor's results are cached (search/views.py): the same search answers without searching
again, and whatever changes what it finds (a post published, edited, hidden, shown, deleted; a
comment added or hidden; a scheduled post coming out) shows in the very next search."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blogs.models import Post
from blogs.services import delete_post, publish_due_posts, save_post, set_hidden
from comments.services import add_comment
from comments.services import set_hidden as set_comment_hidden
from conftest import client_for, make_member, make_post
from members.models import Member

URL = reverse("search:search")


def page(client: Client, q: str, **params: str) -> str:
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def queries(client: Client, q: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client, q)
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_a_visitors_search_is_answered_from_the_cache_the_second_time(
    member: Member, visitor: Client
) -> None:
    make_post(member, "Mango season", "The mangoes of Multan.")
    first = page(visitor, "mango")
    assert "<mark>Mango</mark> season" in first
    # The first render learns what the results depend on (the authors' badges too), the
    # second is kept; from then on only the cache is read: the same page, without searching.
    searching = queries(visitor, "mango")
    assert queries(visitor, "mango") < searching
    assert page(visitor, "mango") == first
    # Another page, language or filter is another entry.
    assert "<mark>Mango</mark> season" not in page(visitor, "mango", kind="comment")
    urdu = visitor.get(URL, {"q": "mango"}, HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    assert "<mark>Mango</mark> season" in urdu and urdu != first


@pytest.mark.django_db
def test_a_visitor_sees_a_new_post_hidden_shown_and_deleted_at_once(
    member: Member, visitor: Client
) -> None:
    moderator = make_member("Mo Derator", "mo@example.org", role=Member.Role.MODERATOR)
    assert "Nothing found" in page(visitor, "jalebi")
    post = make_post(member, "Jalebi stall", "Hot jalebis at the corner.")
    assert "<mark>Jalebi</mark> stall" in page(visitor, "jalebi")
    save_post(
        post, by=member, title="Samosa stall", body="Now samosas.", tags=[], links=[], publish=True
    )
    assert "Nothing found" in page(visitor, "jalebi")
    assert "<mark>Samosa</mark> stall" in page(visitor, "samosa")
    set_hidden(post, True, by=moderator)
    assert "Nothing found" in page(visitor, "samosa")
    set_hidden(post, False, by=moderator)
    assert "<mark>Samosa</mark> stall" in page(visitor, "samosa")
    delete_post(post, by=member)
    assert "Nothing found" in page(visitor, "samosa")


@pytest.mark.django_db
def test_a_visitor_sees_a_comment_come_and_go_at_once(
    member: Member, other_member: Member, visitor: Client
) -> None:
    moderator = make_member("Mo Derator", "mo@example.org", role=Member.Role.MODERATOR)
    post = make_post(member, "Reunion", "Evening.")
    assert "Nothing found" in page(visitor, "biryani")
    comment = add_comment(post, other_member, "The biryani was wonderful.")
    assert "<mark>biryani</mark>" in page(visitor, "biryani")
    # Hidden and shown by a moderator (changed in place, not saved: no reindexing).
    set_comment_hidden(comment, True, by=moderator)
    assert "Nothing found" in page(visitor, "biryani")
    set_comment_hidden(comment, False, by=moderator)
    assert "<mark>biryani</mark>" in page(visitor, "biryani")


@pytest.mark.django_db
def test_a_scheduled_post_is_found_once_it_comes_out(member: Member, visitor: Client) -> None:
    post = make_post(member, "Eid bazaar", "Bangles and henna.")
    # Scheduled for a minute ago: the scheduler's next run publishes it.
    Post.objects.filter(pk=post.pk).update(
        status=Post.Status.SCHEDULED, published_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert "Nothing found" in page(visitor, "henna")
    # The scheduler publishes it with an UPDATE (no save): still found at once.
    assert publish_due_posts() == 1
    assert "Eid bazaar" in page(visitor, "henna")


@pytest.mark.django_db
def test_members_results_are_their_own(
    member: Member, other_member: Member, visitor: Client
) -> None:
    make_post(member, "Secret canteen plans", "Draft.", publish=False)
    assert "Nothing found" in page(visitor, "canteen")
    assert "Nothing found" in page(client_for(other_member), "canteen")
    author = client_for(member)
    assert "Secret <mark>canteen</mark> plans" in page(author, "canteen")
    assert queries(author, "canteen") > 0  # searched every time
