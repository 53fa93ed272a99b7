"""Interop findings 2 and 3: the deploy check against the immediate task backend, and
handles of accounts on another port."""

from typing import Any

from federation.checks import immediate_tasks_with_federation
from federation.models import RemoteActor


def test_the_deploy_check_warns_of_immediate_tasks_with_federation(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.FEDERATION_ENABLED = False
    assert immediate_tasks_with_federation() == []
    settings.FEDERATION_ENABLED = True
    warnings = immediate_tasks_with_federation()
    assert [w.id for w in warnings] == ["federation.W001"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert immediate_tasks_with_federation() == []


def test_a_handle_keeps_the_servers_port_when_it_is_not_the_usual_one() -> None:
    actor = RemoteActor(url="https://peer.test:8443/users/alice", domain="peer.test",
                        preferred_username="alice")  # fmt: skip
    assert actor.handle == "@alice@peer.test:8443"
    actor.url = "https://peer.test:443/users/alice"
    assert actor.handle == "@alice@peer.test"
    actor.url = "https://Mastodon.Example/users/alice"
    assert actor.handle == "@alice@mastodon.example"
