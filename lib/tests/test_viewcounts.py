"""View counts in the cache (lib/viewcounts.py): once per visitor and window, flushed once."""

import pytest
from django.test import RequestFactory

from lib import viewcounts

T = 1_000_000.0  # a time, in seconds; buckets are a minute (the default)
FLUSHED_AFTER = 3 * 60  # a bucket is flushed once it has been over for a whole bucket


class Written:
    """What flush() asked to write, as a database would have it."""

    def __init__(self) -> None:
        self.views: dict[int, int] = {}
        self.calls = 0

    def __call__(self, counts: dict[int, int]) -> None:
        self.calls += 1
        for pk, n in counts.items():
            self.views[pk] = self.views.get(pk, 0) + n


def test_one_visitor_counts_once_within_the_window() -> None:
    assert viewcounts.count("post", 1, "amina", now=T)
    assert not viewcounts.count("post", 1, "amina", now=T + 10)
    assert viewcounts.count("post", 2, "amina", now=T + 10)  # another post
    assert viewcounts.count("post", 1, "bilal", now=T + 20)  # another visitor
    written = Written()
    viewcounts.flush("post", written, now=T + FLUSHED_AFTER)
    assert written.views == {1: 2, 2: 1}


def test_a_bucket_is_flushed_only_once_it_is_surely_over() -> None:
    viewcounts.count("post", 1, "amina", now=T)
    written = Written()
    assert viewcounts.flush("post", written, now=T + 30) == {}
    assert viewcounts.flush("post", written, now=T + 60) == {}  # over, not for a whole bucket
    assert viewcounts.flush("post", written, now=T + FLUSHED_AFTER) == {1: 1}
    assert written.calls == 1


def test_views_are_written_once_and_later_ones_at_the_next_flush() -> None:
    for who in ("a", "b", "c"):
        viewcounts.count("post", 7, who, now=T)
    written = Written()
    viewcounts.flush("post", written, now=T + FLUSHED_AFTER)
    viewcounts.flush("post", written, now=T + FLUSHED_AFTER + 1)
    assert written.views == {7: 3} and written.calls == 1
    viewcounts.count("post", 7, "d", now=T + FLUSHED_AFTER + 5)
    viewcounts.flush("post", written, now=T + 2 * FLUSHED_AFTER)
    assert written.views == {7: 4} and written.calls == 2


def test_many_buckets_and_posts_add_up() -> None:
    expected: dict[int, int] = {}
    for minute in range(10):
        for pk in range(1, 6):
            for who in range(pk):
                viewcounts.count("post", pk, f"m{minute}-v{who}", now=T + 60 * minute)
                expected[pk] = expected.get(pk, 0) + 1
    written = Written()
    viewcounts.flush("post", written, now=T + 5 * 60)  # the first minutes
    viewcounts.flush("post", written, now=T + 20 * 60)  # the rest
    assert written.views == expected


def test_a_failed_write_is_tried_again_at_the_next_flush() -> None:
    viewcounts.count("post", 3, "amina", now=T)

    def broken(counts: dict[int, int]) -> None:
        raise RuntimeError("database is locked")

    with pytest.raises(RuntimeError):
        viewcounts.flush("post", broken, now=T + FLUSHED_AFTER)
    written = Written()
    assert viewcounts.flush("post", written, now=T + FLUSHED_AFTER + 60) == {3: 1}


def test_one_flush_at_a_time() -> None:
    viewcounts.count("post", 3, "amina", now=T)
    inner: list[dict[int, int]] = []

    def write(counts: dict[int, int]) -> None:
        # A second flush started meanwhile (another worker) finds the first one running.
        inner.append(viewcounts.flush("post", Written(), now=T + FLUSHED_AFTER))

    assert viewcounts.flush("post", write, now=T + FLUSHED_AFTER) == {3: 1}
    assert inner == [{}]


def test_kinds_are_counted_apart() -> None:
    viewcounts.count("post", 1, "amina", now=T)
    viewcounts.count("photo", 1, "amina", now=T)
    photos = Written()
    viewcounts.flush("photo", photos, now=T + FLUSHED_AFTER)
    posts = Written()
    viewcounts.flush("post", posts, now=T + FLUSHED_AFTER)
    assert photos.views == {1: 1} and posts.views == {1: 1}


def test_a_closed_object_is_known_until_reopened() -> None:
    assert not viewcounts.is_closed("post", 4)
    viewcounts.close("post", 4)
    assert viewcounts.is_closed("post", 4)
    viewcounts.reopen("post", 4)
    assert not viewcounts.is_closed("post", 4)


def test_a_visitor_is_a_hash_of_their_session_or_address_and_browser(settings) -> None:
    factory = RequestFactory()
    one = factory.post("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox")
    same = factory.post("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox")
    other_browser = factory.post("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Chrome")
    assert viewcounts.visitor(one) == viewcounts.visitor(same)
    assert viewcounts.visitor(one) != viewcounts.visitor(other_browser)
    assert "203.0.113.9" not in viewcounts.visitor(one)
    signed_in = factory.post("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "abc123"
    elsewhere = factory.post("/", REMOTE_ADDR="198.51.100.1", HTTP_USER_AGENT="Chrome")
    elsewhere.COOKIES[settings.SESSION_COOKIE_NAME] = "abc123"
    assert viewcounts.visitor(signed_in) == viewcounts.visitor(elsewhere)
    assert viewcounts.visitor(signed_in) != viewcounts.visitor(one)
