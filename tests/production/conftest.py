"""Real service processes for the production-mode tests: redis-server and an S3-compatible server.

Each is started once per test session on a free port of 127.0.0.1 and stopped by its PID at the
end. Tests point Django's settings at them with pytest-django's `settings` fixture.
"""

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
import redis

from .servers import VENV_BIN, free_port, stop, wait_for_port

# --- Redis ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    exe = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(exe).exists():
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen(
        [
            exe,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--dir",
            str(tmp_path_factory.mktemp("redis")),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proc, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(proc)


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    # The server belongs to this test session, so emptying it between tests is safe.
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture
def redis_settings(redis_client: redis.Redis, redis_url: str, settings: Any) -> redis.Redis:
    """What settings.py configures when REDIS_URL is set: cache, sessions and the task queue."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": redis_url}}
    return redis_client


# --- S3 (moto in server mode) -------------------------------------------------------------------


@dataclass
class S3Server:
    endpoint_url: str
    bucket: str
    access_key: str = "anjuman-test"
    secret_key: str = "anjuman-test-secret"
    region: str = "us-east-1"

    def client(self) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
        )

    def keys(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def empty(self) -> None:
        client = self.client()
        for key in self.keys():
            client.delete_object(Bucket=self.bucket, Key=key)


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    exe = VENV_BIN / "moto_server"
    if not exe.exists():
        pytest.skip("moto_server is missing (scripts/bootstrap.sh dev installs moto[server])")
    port = free_port()
    proc = subprocess.Popen(
        [str(exe), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proc, "moto_server", timeout=30)
        server = S3Server(endpoint_url=f"http://127.0.0.1:{port}", bucket="anjuman-media")
        server.client().create_bucket(Bucket=server.bucket)
        yield server
    finally:
        stop(proc)


@pytest.fixture
def s3_media(s3_server: S3Server, settings: Any) -> Iterator[S3Server]:
    """What settings.py configures when S3_BUCKET is set (without S3_PUBLIC_URL)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": s3_server.bucket,
                "endpoint_url": s3_server.endpoint_url,
                "access_key": s3_server.access_key,
                "secret_key": s3_server.secret_key,
                "region_name": s3_server.region,
                "custom_domain": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    s3_server.empty()
    yield s3_server
    s3_server.empty()
