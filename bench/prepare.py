"""The benchmark's work inside Django, run by bench/run.py as a subprocess with the server's
environment (same DATABASE_URL and SECRET_KEY), so that run.py itself never configures Django.

    python bench/prepare.py info
    python bench/prepare.py sessions MANIFEST COUNT   → JSON list of session keys
    python bench/prepare.py reset MANIFEST            → undoes the comment write load
    python bench/prepare.py posts MANIFEST COUNT      → JSON list of the paths of the newest
                                                        published posts but the bench post

BENCH_APP_ROOT names the Django project to work in (run.py's --baseline checkout); by default
the one this file belongs to.
"""

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(os.environ.get("BENCH_APP_ROOT") or Path(__file__).resolve().parent.parent)


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anjuman.settings")
    import django

    django.setup()


def info() -> dict[str, Any]:
    import platform

    import django
    from django.db import connection

    server_pid = 0
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
        else:
            cursor.execute("SHOW server_version")
        row = cursor.fetchone()
        if connection.vendor == "postgresql":
            # A server on this machine: its postmaster (the parent of our backend), whose CPU
            # time the benchmark counts as the system under test, not as other load.
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()
            stat = Path(f"/proc/{backend[0] if backend else 0}/stat")
            if stat.exists():
                raw = stat.read_text()
                server_pid = int(raw[raw.rindex(")") + 2 :].split()[1])
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": connection.vendor,
        "database_version": row[0] if row else "",
        "database_server_pid": server_pid,
    }


def sessions(manifest: dict[str, Any], count: int) -> list[str]:
    """Signed-in sessions for the manifest's members, made as django.contrib.auth.login does."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from members.models import Member

    pks = [m["pk"] for m in manifest["members"][:count]]
    keys = []
    for member in Member.objects.filter(pk__in=pks):
        session = SessionStore()
        session[SESSION_KEY] = str(member.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = member.get_session_auth_hash()
        session.create()
        assert session.session_key is not None
        keys.append(session.session_key)
    return keys


def posts(manifest: dict[str, Any], count: int) -> list[str]:
    """Pages nobody writes to during reads_under_writes: the same ones in every run of the
    same data, and in both checkouts of a --baseline comparison (same generator, same seed)."""
    from blogs.models import Post

    newest = Post.objects.published().exclude(pk=manifest["bench_post"]["pk"])
    return [post.get_absolute_url() for post in newest.order_by("-published_at", "-id")[:count]]


def reset(manifest: dict[str, Any]) -> int:
    """Deletes the comments written after generation and puts the counters back."""
    from django.db import connection, transaction
    from django.db.models import Count, F

    from blogs.models import Post
    from comments.models import Comment

    with transaction.atomic():
        extra = Comment.objects.filter(id__gt=manifest["max_comment_id"])
        touched = dict(extra.order_by().values_list("object_id").annotate(n=Count("id")))
        deleted, _ = extra.delete()
        for pk, n in touched.items():
            Post.objects.filter(pk=pk).update(comment_count=F("comment_count") - n)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif connection.vendor == "postgresql":
            # The deleted rows stay in the table and its indexes as dead tuples until a vacuum,
            # below autovacuum's threshold (a fifth of the table): the bench post's comments
            # would be read past thousands of them in the next scenarios and runs.
            cursor.execute(f"VACUUM (ANALYZE) {Comment._meta.db_table}, {Post._meta.db_table}")
    return deleted


def main(argv: list[str]) -> None:
    _setup()
    command = argv[0]
    if command == "info":
        result: Any = info()
    elif command == "sessions":
        result = sessions(json.loads(Path(argv[1]).read_text()), int(argv[2]))
    elif command == "posts":
        result = posts(json.loads(Path(argv[1]).read_text()), int(argv[2]))
    elif command == "reset":
        result = reset(json.loads(Path(argv[1]).read_text()))
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
