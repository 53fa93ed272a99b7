"""With Redis (what REDIS_URL configures): sessions, rate-limit counters, the visitor page cache
and the task queue all live in a real redis-server, and still behave."""

import json

import django_rq
import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.tasks import task_backends
from django.test import Client
from django.urls import reverse
from django_tasks_rq.backend import RQBackend

from conftest import PASSWORD, body_of, client_for, join_data, make_post
from lib.release import release_id

from .servers import manage, production_env

pytestmark = [pytest.mark.processes, pytest.mark.django_db]

SIGNIN = reverse("members:signin")


def redis_keys(redis, pattern: str) -> list[str]:
    return sorted(key.decode() for key in redis.keys(pattern))


def test_the_cache_is_the_redis_server(redis_settings):
    assert isinstance(caches["default"], RedisCache)
    cache.set("anjuman:probe", "here", timeout=30)
    assert redis_keys(redis_settings, "*probe") == [":1:anjuman:probe"]


def test_a_members_session_lives_in_redis(redis_settings, member):
    client = Client()
    response = client.post(SIGNIN, {"username": member.email, "password": PASSWORD})
    assert response.status_code == 302

    session_key = client.cookies["sessionid"].value
    assert redis_keys(redis_settings, "*sessions*") == [
        f":1:django.contrib.sessions.cache{session_key}"
    ]
    assert not Session.objects.exists()
    assert client.get("/").context["user"] == member

    client.post(reverse("members:signout"))
    assert redis_keys(redis_settings, "*sessions*") == []


def test_sign_in_counters_live_in_redis_and_still_limit(redis_settings, member, settings):
    settings.RATELIMIT_SIGNIN = (3, 900)
    for _ in range(3):
        Client().post(SIGNIN, {"username": member.email, "password": "wrong"})

    counters = redis_keys(redis_settings, "*ratelimit*")
    assert sorted(key.split(":")[3] for key in counters) == [
        "signin-account",
        "signin-ip",
        "signin-pair",
    ]
    for key in counters:
        assert redis_settings.get(key) == b"3"
        assert 0 < redis_settings.ttl(key) <= 3600

    client = Client()
    response = client.post(SIGNIN, {"username": member.email, "password": PASSWORD})
    assert b"Too many sign-in attempts" in response.content
    assert "sessionid" not in client.cookies


def test_visitor_pages_are_cached_in_redis_and_a_new_comment_shows_at_once(
    redis_settings, member, other_member
):
    post = make_post(member)
    url = post.get_absolute_url()

    first = Client().get(url)
    assert first["X-Cache"] == "miss"
    assert len(redis_keys(redis_settings, f":1:anjuman:{release_id()}:page:*")) == 1
    second = Client().get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content

    response = client_for(other_member).post(
        reverse("comments:create", args=["post", post.pk]), {"body": "Fresh from the reunion"}
    )
    assert response.status_code == 302

    after = Client().get(url)
    assert after["X-Cache"] == "miss"
    assert "Fresh from the reunion" in after.content.decode()
    assert Client().get(url)["X-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_the_confirmation_email_waits_in_redis_until_a_worker_sends_it(
    redis_settings, redis_url, network, smtp, tmp_path
):
    assert isinstance(task_backends["default"], RQBackend)
    # django_rq reads RQ_QUEUES at each call, so the queue is on this test's Redis.
    queue = django_rq.get_queue("default")
    assert (
        queue.connection.connection_pool.connection_kwargs["port"]
        == redis_settings.connection_pool.connection_kwargs["port"]
    )

    response = Client().post(
        reverse("members:join"),
        join_data(display_name="Queued Person", email="queued@example.org"),
    )
    assert response.status_code == 302
    # The page answered without talking to the SMTP server: the email is a job in Redis (beside
    # search's indexing of the members).
    assert smtp.messages() == []
    jobs = [job.description for job in queue.jobs]
    assert len([job for job in jobs if job.startswith("lib.email.send_email(")]) == 1, jobs

    # A worker process configured as in production: REDIS_URL and the SMTP server.
    env = production_env(
        tmp_path, REDIS_URL=redis_url, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp.port)
    )
    result = manage(
        env, "rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default", timeout=30
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The worker logs as JSON too.
    worker_log = [json.loads(line)["message"] for line in result.stdout.splitlines()]
    assert any("send_email state=SUCCESSFUL" in message for message in worker_log)

    [message] = smtp.wait_for("queued@example.org")
    assert "/confirm/" in body_of(message)
    assert queue.count == 0
    assert len(queue.finished_job_registry) + len(queue.failed_job_registry) == len(jobs)
