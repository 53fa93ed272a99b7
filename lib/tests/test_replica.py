"""Which database each read goes to when a replica is configured (the real replica is
exercised end to end by scripts/scaleout.sh)."""

import time

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from blogs.models import Post
from lib import cachetags, replica
from lib.replica import PIN_COOKIE, PrimaryAfterWriteMiddleware, ReplicaRouter

router = ReplicaRouter()


@pytest.fixture
def with_replica(settings):
    settings.USE_REPLICA = True
    settings.REPLICA_LAG_SECONDS = 3


def run(request: HttpRequest, write: bool = False) -> tuple[list[str], HttpResponse]:
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(router.db_for_read(Post))
        if write:
            router.db_for_write(Post)
            seen.append(router.db_for_read(Post))
        return HttpResponse("ok")

    response = PrimaryAfterWriteMiddleware(view)(request)
    return seen, response


def test_plain_page_views_read_from_the_replica(with_replica):
    seen, response = run(RequestFactory().get("/"))
    assert seen == ["replica"]
    assert PIN_COOKIE not in response.cookies


def test_posts_read_from_the_primary_and_pin_the_visitor(with_replica):
    seen, response = run(RequestFactory().post("/blog/1/comments/"))
    assert seen == ["default"]
    assert int(response.cookies[PIN_COOKIE].value) > time.time()


def test_a_post_that_writes_nothing_does_not_pin_the_visitor(with_replica):
    """The views beacon (blogs.views.post_view) is sent by every reader of a post: it must
    not send them all to the primary."""

    def beacon(request: HttpRequest) -> HttpResponse:
        return HttpResponse(status=204)

    marked = replica.writes_no_rows(beacon)
    response = PrimaryAfterWriteMiddleware(marked)(RequestFactory().post("/blog/1/view/"))
    assert PIN_COOKIE not in response.cookies

    def writes_after_all(request: HttpRequest) -> HttpResponse:
        router.db_for_write(Post)
        return HttpResponse(status=204)

    marked = replica.writes_no_rows(writes_after_all)
    response = PrimaryAfterWriteMiddleware(marked)(RequestFactory().post("/x/"))
    assert PIN_COOKIE in response.cookies


def test_after_writing_a_visitor_reads_their_own_writes(with_replica):
    request = RequestFactory().get("/")
    request.COOKIES[PIN_COOKIE] = str(int(time.time()) + 5)
    assert run(request)[0] == ["default"]
    expired = RequestFactory().get("/")
    expired.COOKIES[PIN_COOKIE] = str(int(time.time()) - 1)
    assert run(expired)[0] == ["replica"]


def test_a_get_that_writes_reads_the_rest_from_the_primary(with_replica):
    seen, response = run(RequestFactory().get("/confirm/x/"), write=True)
    assert seen == ["replica", "default"]
    assert PIN_COOKIE in response.cookies


def test_someone_elses_write_does_not_send_other_readers_to_the_primary(with_replica):
    run(RequestFactory().post("/comments/post/1/"))  # another browser writes
    cachetags.invalidate("post:1")
    assert run(RequestFactory().get("/"))[0] == ["replica"]


def test_what_is_read_from_the_replica_right_after_a_change_is_not_stored(with_replica):
    cachetags.invalidate("post:1")
    just_changed = cachetags.versions(["post:1"])
    long_ago = {key: time.time_ns() - 60 * 10**9 for key in just_changed}
    token = replica._use_replica.set(True)
    try:
        assert not cachetags.may_store(just_changed)
        assert cachetags.may_store(long_ago)
    finally:
        replica._use_replica.reset(token)
    # Read from the primary, it is the new data: stored.
    assert cachetags.may_store(just_changed)


def test_without_a_replica_everything_uses_the_primary(settings):
    seen, response = run(RequestFactory().get("/"))
    assert seen == ["default"]
    assert PIN_COOKIE not in response.cookies


def test_outside_requests_everything_uses_the_primary():
    assert replica._use_replica.get() is False
    assert router.db_for_read(Post) == "default"
    assert router.allow_migrate("replica", "blogs") is False
