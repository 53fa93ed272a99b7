"""The member directory: orders, search by name and by answers, featured members, pages, the
visitors' cache — and its cost, the same at 5 and 50 members."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from comments.services import add_comment
from conftest import client_for, make_member, make_post
from members import directory as hooks
from members.models import Member
from members.views import MEMBERS_PER_PAGE
from profiles.models import Visibility
from profiles.services import save_answers, set_featured
from profiles.tests.helpers import ask

pytestmark = pytest.mark.django_db

URL = reverse("members:directory")
DAY = dt.timedelta(days=1)


def names(response) -> list[str]:
    """The names in the directory's main list (after the featured members, if any)."""
    html = response.content.decode()
    html = html.split("All members")[-1]
    parts = html.split('<span dir="auto">')[1:]
    return [part.split("</span>")[0] for part in parts if "</span>" in part]


def joined(name: str, days_ago: int, **fields) -> Member:
    email = name.lower().replace(" ", ".") + "@example.org"
    member = make_member(name, email, **fields)
    Member.objects.filter(pk=member.pk).update(date_joined=timezone.now() - days_ago * DAY)
    return member


@pytest.fixture
def people(network):
    Member.objects.filter(pk=network.creator.pk).update(date_joined=timezone.now() - 99 * DAY)
    return [joined("Zara Khan", 3), joined("Amir Ali", 1), joined("Mona Baig", 2)]


def test_newest_first_by_default_then_alphabetical(visitor, people):
    assert names(visitor.get(URL)) == ["Amir Ali", "Mona Baig", "Zara Khan", "Nadia Qureshi"]
    alphabetical = visitor.get(URL, {"sort": "1"})
    assert names(alphabetical) == ["Amir Ali", "Mona Baig", "Nadia Qureshi", "Zara Khan"]
    # An order the directory does not know is the default one.
    assert names(visitor.get(URL, {"sort": "x<"}))[0] == "Amir Ali"


def test_suspended_and_remote_accounts_are_not_listed(visitor, people):
    joined("Sami Suspended", 1, is_active=False)
    Member.objects.create(display_name="Remote Rita", handle="rita", origin=Member.Origin.REMOTE)
    listed = names(visitor.get(URL))
    assert "Sami Suspended" not in listed and "Remote Rita" not in listed


@pytest.fixture
def answered(creator, people):
    city = ask(creator, "City", searchable=True)
    employer = ask(creator, "Employer", visibility=Visibility.MEMBERS, searchable=True)
    phone = ask(creator, "Phone", visibility=Visibility.ADMINS, searchable=True)
    hobby = ask(creator, "Hobby")  # not searchable
    zara, amir, mona = people
    save_answers(zara, {city.pk: "Toronto", hobby.pk: "Lahore kites"})
    save_answers(amir, {employer.pk: "Toronto Hydro"})
    save_answers(mona, {phone.pk: "Toronto 555"})
    return people


def test_search_by_name_and_by_answers_the_viewer_may_see(visitor, member, admin_member, answered):
    assert names(visitor.get(URL, {"q": "baig"})) == ["Mona Baig"]
    assert names(visitor.get(URL, {"q": "toronto"})) == ["Zara Khan"]
    assert names(client_for(member).get(URL, {"q": "toronto"})) == ["Amir Ali", "Zara Khan"]
    assert names(client_for(admin_member).get(URL, {"q": "TORONTO"})) == [
        "Amir Ali",
        "Mona Baig",
        "Zara Khan",
    ]
    # Answers to questions that are not searchable find nobody.
    assert names(visitor.get(URL, {"q": "kites"})) == []
    # The count is the viewer's own.
    assert b"Members (1)" in visitor.get(URL, {"q": "toronto"}).content
    assert b"Members (3)" in client_for(admin_member).get(URL, {"q": "toronto"}).content


def test_a_removed_question_finds_nobody(creator, visitor, answered):
    from profiles.models import Question
    from profiles.services import remove_question

    remove_question(Question.objects.get(label="City"), by=creator)
    assert names(visitor.get(URL, {"q": "toronto"})) == []


def test_featured_members_come_first(visitor, admin_member, people):
    zara, _amir, mona = people
    set_featured(zara, by=admin_member, featured=True)
    set_featured(mona, by=admin_member, featured=True)
    html = visitor.get(URL).content.decode()
    featured = html.split("Featured members")[1].split("All members")[0]
    assert featured.index("Mona Baig") < featured.index("Zara Khan")
    assert "Amir Ali" not in featured
    # Not on a search, nor on later pages.
    assert b"Featured members" not in visitor.get(URL, {"q": "a"}).content


def test_pages_keep_the_order_and_the_search(visitor, network):
    for i in range(MEMBERS_PER_PAGE + 2):
        joined(f"Person {i:02d}", i + 1)
    first = visitor.get(URL, {"sort": "1", "q": "person"})
    assert b'href="?q=person&amp;sort=1&amp;page=2"' in first.content
    second = visitor.get(URL, {"sort": "1", "q": "person", "page": "2"})
    assert names(second) == ["Person 30", "Person 31"]


@pytest.fixture
def counted_comments():
    """Comments count as activity, as the comments app registers them (its AppConfig)."""
    registered = hooks.has_activity()
    if not registered:
        hooks.register_activity(
            "test.comments", lambda: Comment.objects.filter(hidden_at=None), tags=["post-lists"]
        )
    yield
    hooks.unregister("test.comments")


def test_most_active_by_what_the_apps_count(visitor, people, counted_comments, settings):
    settings.RATELIMIT_COMMENTS = (0, 600)
    zara, amir, mona = people
    post = make_post(zara, "Reunion")
    for who, n in ((mona, 3), (amir, 1)):
        for i in range(n):
            add_comment(post, who, f"Comment {i}")
    order = names(visitor.get(URL, {"sort": "2"}))
    assert order.index("Mona Baig") < order.index("Amir Ali")
    assert b"Most active" in visitor.get(URL).content


def test_without_counters_there_is_no_most_active(visitor, people):
    if hooks.has_activity():
        pytest.skip("an app counts activity")
    assert b"Most active" not in visitor.get(URL).content
    assert names(visitor.get(URL, {"sort": "2"}))[0] == "Amir Ali"


def test_visitors_pages_are_cached_per_order_and_refreshed_by_a_join(visitor, people):
    assert visitor.get(URL)["X-Cache"] == "miss"
    assert visitor.get(URL)["X-Cache"] == "hit"
    assert visitor.get(URL, {"sort": "1"})["X-Cache"] == "miss"
    assert visitor.get(URL, {"sort": "1"})["X-Cache"] == "hit"
    # A search is never stored (its words are not a number).
    assert "X-Cache" not in visitor.get(URL, {"q": "amir"})
    joined("Newcomer Nur", 0)
    from lib.cachetags import invalidate

    invalidate("directory")  # as members.services.join does
    fresh = visitor.get(URL)
    assert fresh["X-Cache"] == "miss" and names(fresh)[0] == "Newcomer Nur"


def test_featuring_refreshes_the_visitors_directory(visitor, admin_member, people):
    visitor.get(URL)
    assert visitor.get(URL)["X-Cache"] == "hit"
    set_featured(people[0], by=admin_member, featured=True)
    assert visitor.get(URL)["X-Cache"] == "miss"


def count(client: Client, url: str, params: dict[str, str]) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def grow(creator, n: int, start: int = 0) -> None:
    city = ask(creator, f"City {start}", searchable=True) if start == 0 else None
    for i in range(start, start + n):
        member = make_member(f"Member {i}", f"m{i}@example.org")
        if city is not None:
            save_answers(member, {city.pk: "Toronto"})
        if i % 2:
            Member.objects.filter(pk=member.pk).update(featured_at=timezone.now())


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_directory_costs_the_same_with_5_or_50_members(
    creator, other_member, counted_comments, signed_in
):
    client = client_for(other_member) if signed_in else Client()
    variants = [{}, {"sort": "1"}, {"sort": "2"}, {"q": "member"}, {"q": "toronto"}]
    grow(creator, 5)
    small = [count(client, URL, v) for v in variants]
    grow(creator, 45, start=5)
    large = [count(client, URL, v) for v in variants]
    assert large == small


def test_the_most_active_order_is_counted_once_in_a_while(settings, member, other_member):
    """Counting every member's posts and comments reads them all: the order is kept for
    MOST_ACTIVE_SECONDS, and a page of it reads only its members."""
    from conftest import make_post

    settings.PAGE_CACHE_SECONDS = 0
    make_post(other_member, title="Most active, for once")
    first = Client().get("/members/?sort=2").content.decode()
    assert first.index("Charlotte Reyes") < first.index("Bilal Ahmed")
    with CaptureQueriesContext(connection) as ctx:
        again = Client().get("/members/?sort=2").content.decode()
    assert again.index("Charlotte Reyes") < again.index("Bilal Ahmed")
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]


def test_the_directory_shows_a_new_name_a_featured_member_and_a_member_who_left_goes(
    settings, admin_member, people
):
    """The grid of members is rendered once for everyone and kept: a change of name, a member
    featured or leaving shows at the next request, page cache or not."""
    from members.services import leave, update_profile

    settings.PAGE_CACHE_SECONDS = 0
    for sort in ("", "1", "2"):
        for _twice in range(2):
            assert "Newcomer Nur" not in names(Client().get(URL, {"sort": sort}))
    renamed, gone = people[0], people[1]
    old_name = renamed.display_name
    update_profile(renamed, display_name="Newcomer Nur", about="", photo=None)
    leave(gone, keep_content=True)
    set_featured(people[2], by=admin_member, featured=True)
    page = Client().get(URL).content.decode()
    assert page.index("Featured members") < page.index(people[2].display_name)
    for sort in ("", "1", "2"):
        shown = names(Client().get(URL, {"sort": sort}))
        assert "Newcomer Nur" in shown and old_name not in shown
        assert gone.display_name not in shown
