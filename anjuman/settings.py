"""Anjuman's one settings module.

Every option is an environment variable, read here and listed in the README's configuration table.
"""

import sys
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.management.utils import get_random_secret_key
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from lib.env import ConfigurationError, env_bool, env_int, env_list, env_str

# Lets generic classes such as ModelAdmin[Post] be subscripted at run time, as the types say.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

# DATA_DIR: where the SQLite database and uploaded media live by default.
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "data")))

# DEBUG: development mode (detailed error pages, no SECRET_KEY needed). Off unless set.
DEBUG = env_bool("DEBUG", False)
TESTING = "pytest" in sys.modules or "test" in sys.argv[1:2]
# mypy's Django plugin loads these settings too; it never signs anything.
_TYPE_CHECKING = "mypy" in sys.modules

# SECRET_KEY: signs sessions, confirmation and reset links. Required when DEBUG is off; a
# generated one would log everybody out and void every emailed link at each restart.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or TESTING or _TYPE_CHECKING):
        raise ConfigurationError(
            "SECRET_KEY must be set when DEBUG is off (e.g. SECRET_KEY=$(openssl rand -hex 32))."
        )
    SECRET_KEY = get_random_secret_key()

# ALLOWED_HOSTS: comma-separated host names this server answers to.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# CSRF_TRUSTED_ORIGINS: comma-separated origins (https://example.org) behind a proxy.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# PORT: the port `make run` serves on (read by the Makefile and printed by loaddemo).
PORT = env_int("PORT", 8000)
# SITE_URL: the public address, used in emailed links when no request is at hand.
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{PORT}").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "network",
    "members",
    "friends",
    "profiles",
    "likes",
    "blogs",
    "comments",
    "activity",
    "notifications",
    "messaging",
    "search",
    "tags",
    "groups",
    "walls",
    "forum",
    "events",
    "photos",
    "videos",
    "pages",
    "moderation",
    "access",
    "features",
    "appearance",
    "roster",
    "analytics",
    "sharing",
    "imports",
    "exports",
    "federation",
    "anjuman",
]

MIDDLEWARE = [
    "anjuman.health.HealthCheckMiddleware",
    "lib.headers.PrivatePagesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lib.replica.PrimaryAfterWriteMiddleware",
    "lib.cachetags.RequestVersionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "network.middleware.NetworkMiddleware",
    "network.middleware.LanguageMiddleware",
    "access.middleware.PrivateNetworkMiddleware",
    "features.middleware.FeaturesMiddleware",
    # Old Ning addresses (after an import): a 404 to GET/HEAD is looked up once and answered
    # with a 301 to the page here, if the viewer may see it (it needs the viewer and the
    # network; inside CommonMiddleware, outside NoNulInPathMiddleware, whose 404 it ignores).
    "imports.middleware.OldAddressMiddleware",
    # A server asking a member's, the network blog's or a post's page for ActivityPub JSON
    # gets it at the same address (federation/middleware.py); after the doors above.
    "federation.middleware.ActivityPubMiddleware",
    # Last: its 404 page is the network's, like any other.
    "lib.paths.NoNulInPathMiddleware",
]

ROOT_URLCONF = "anjuman.urls"
WSGI_APPLICATION = "anjuman.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "network.context_processors.network",
            ],
        },
    },
]

# DATABASE_URL: where the data lives. Default: a SQLite file in DATA_DIR (no other server).
# PostgreSQL: postgres://USER:PASSWORD@HOST:5432/NAME
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'anjuman.sqlite3'}")
# CONN_MAX_AGE: seconds a database connection is kept for the next request. On SQLite too:
# opening one costs ~1.8 ms of CPU (SQLite parses the whole schema, ~270 tables and indexes,
# on a connection's first query), more than most pages' queries. An idle connection holds no
# lock (autocommit), and a restore writes through SQLite (anjuman/backup.py), which a kept
# connection sees at once.
_conn_max_age = env_int("CONN_MAX_AGE", 600)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=_conn_max_age, conn_health_checks=_conn_max_age > 0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
        # the start of a transaction so concurrent writers wait (timeout) instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a real SQLite file too, not an in-memory database.
    DATABASES["default"]["TEST"] = {
        "NAME": env_str("TEST_SQLITE_PATH", str(DATA_DIR / "test-anjuman.sqlite3"))
    }

# DATABASE_REPLICA_URL: a read-only PostgreSQL replica. Page views read from it, except in
# requests that write and within REPLICA_LAG_SECONDS of a write (lib/replica.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
USE_REPLICA = bool(DATABASE_REPLICA_URL)
if USE_REPLICA:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=_conn_max_age, conn_health_checks=_conn_max_age > 0
    )
    # Tests read the replica through the primary's test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["lib.replica.ReplicaRouter"]
# REPLICA_LAG_SECONDS: the most the replica may lag behind; reads stay on the primary this long
# after a write.
REPLICA_LAG_SECONDS = env_int("REPLICA_LAG_SECONDS", 3)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.Member"
LOGIN_URL = "members:signin"
LOGIN_REDIRECT_URL = "network:home"
LOGOUT_REDIRECT_URL = "network:home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is slow by design; tests that exercise it say so explicitly.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "lib.validators.MaximumLengthValidator"},
]

# REDIS_URL: redis://HOST:6379/0. With it, the cache, sessions, rate-limit counters and the task
# queue live in Redis, shared by every application server. Without it: a cache in files under
# DATA_DIR (shared by the processes of one machine), sessions in the database, and the task
# queue in the database.
REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
elif TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "lib.filecache.FileCache",
            "LOCATION": env_str("CACHE_DIR", str(DATA_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# TASKS_BACKEND: where background work (emails) is queued: "database" (default; run
# `manage.py db_worker`), "redis" (default with REDIS_URL; run `manage.py rqworker --job-class
# django_tasks_rq.Job`) or "immediate" (run inside the request, no worker).
_tasks_backend = env_str(
    "TASKS_BACKEND", "immediate" if TESTING else "redis" if REDIS_URL else "database"
)
_task_backends: dict[str, dict[str, Any]] = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "redis": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
    "immediate": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
}
TASKS = {"default": _task_backends[_tasks_backend]} if _tasks_backend in _task_backends else {}
if not TASKS:
    raise ConfigurationError(f"TASKS_BACKEND={_tasks_backend!r}: use database, redis or immediate")
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}

# PAGE_CACHE_SECONDS: how long pages for signed-out visitors are served from the cache. Any
# change to content invalidates them at once (lib/pagecache.py); 0 turns the cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# PAGE_CACHE_DIR: also write visitors' pages as files there, for nginx to serve without
# Python (lib/pagefiles.py; docs/deploy.md has the nginx part). Only where nginx and every app
# server share this folder, e.g. one machine. Empty (default): off.
PAGE_CACHE_DIR = env_str("PAGE_CACHE_DIR")

# LANGUAGE_CODE: the default language of the interface (en or ur).
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("ur", _("Urdu"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats of languages Django has none for (Urdu: anjuman/formats/ur/formats.py).
FORMAT_MODULE_PATH = ["anjuman.formats"]
USE_I18N = True
USE_TZ = True
# TIME_ZONE: the server's default; each network sets its own time zone for display.
TIME_ZONE = env_str("TIME_ZONE", "UTC")

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# S3_BUCKET: keep uploads in an S3-compatible object store instead of MEDIA_ROOT, with
# S3_ENDPOINT_URL (for non-AWS stores), S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION and
# S3_PUBLIC_URL (a CDN or public bucket address for links; default: signed URLs).
S3_BUCKET = env_str("S3_BUCKET")
_media_storage: dict[str, Any] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if S3_BUCKET:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "region_name": env_str("S3_REGION") or None,
            "custom_domain": env_str("S3_PUBLIC_URL").removeprefix("https://") or None,
            "querystring_auth": not env_str("S3_PUBLIC_URL"),
            "file_overwrite": False,
        },
    }
# Without `collectstatic` (make run, tests), WhiteNoise serves the files from the apps.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Tests make thousands of test clients, each loading the middleware: WhiteNoise then looks a
# file up when it is asked for, rather than listing every static file per client (30 ms each).
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": _media_storage,
    # Hashed, compressed files served by WhiteNoise; `manage.py collectstatic` builds them.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# MEDIA_ROOT: where uploaded photos and logos are stored.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
# Where the network's and members' export archives are kept until downloaded and deleted
# (served by a view that checks who asks; never under MEDIA_ROOT).
EXPORTS_DIR = env_str("EXPORTS_DIR", str(DATA_DIR / "exports"))

# FEDERATION_ENABLED: share members' blogs and the network's blog with other servers
# (ActivityPub: Mastodon and the rest of the fediverse). Off by default; a private network
# never federates, whatever this says. Needs SITE_URL to be the public https address: it is
# in every id other servers keep (docs/federation.md).
FEDERATION_ENABLED = env_bool("FEDERATION_ENABLED", False)
# SERVE_MEDIA: let Django serve uploads itself (the embedded install); off when a web server
# serves MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# MEDIA_ACCEL_REDIRECT: behind nginx, Anjuman decides who may have an upload and nginx sends
# the file (X-Accel-Redirect to its internal /protected-media/ location): what a private
# network needs (docs/deploy.md).
MEDIA_ACCEL_REDIRECT = env_bool("MEDIA_ACCEL_REDIRECT", False)
# POWERED_BY_URL: where the footer's "Powered by Anjuman" points.
POWERED_BY_URL = env_str("POWERED_BY_URL", "https://pypi.org/project/anjuman/")
# Uploads larger than this are refused with a message (bytes).
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# A file whose name Django would drop ("..") reaches the form, which refuses it (lib/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "lib.uploads.KeepBadlyNamedFiles",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Email (Django's MAILERS). EMAIL_BACKEND: "smtp" sends through EMAIL_HOST; "console" prints
# emails to the terminal (the default with DEBUG, as in `make run`).
_email_backend = env_str("EMAIL_BACKEND", "console" if DEBUG else "smtp")
MAILERS: dict[str, dict[str, Any]]
if _email_backend == "console":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
elif _email_backend == "smtp":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST", "localhost"),  # EMAIL_HOST: SMTP server
                "port": env_int("EMAIL_PORT", 25),  # EMAIL_PORT: SMTP port
                "username": env_str("EMAIL_HOST_USER"),  # EMAIL_HOST_USER: SMTP user name
                "password": env_str("EMAIL_HOST_PASSWORD"),  # EMAIL_HOST_PASSWORD
                "use_tls": env_bool("EMAIL_USE_TLS", False),  # EMAIL_USE_TLS: STARTTLS
                "use_ssl": env_bool("EMAIL_USE_SSL", False),  # EMAIL_USE_SSL: implicit TLS
                "timeout": 10,
            },
        }
    }
else:
    raise ConfigurationError(f"EMAIL_BACKEND={_email_backend!r}: use smtp or console")
# DEFAULT_FROM_EMAIL: the sender of the network's emails.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Anjuman <noreply@localhost>")

# FORWARDED_FOR_PROXIES: how many reverse proxies of yours (nginx, a load balancer) stand in
# front of the app; each appends to X-Forwarded-For, and the client's address is read from it.
# 0 (default): the client talks to the app server directly (REMOTE_ADDR).
FORWARDED_FOR_PROXIES = env_int("FORWARDED_FOR_PROXIES", 0)
# Rate limits: attempts allowed per window (seconds), per client IP and per account/email.
# Sign-in (members/forms.py SignInForm): wrong passwords per account from one IP, and from one
# IP whatever the accounts, in 15 minutes; past RATELIMIT_SIGNIN_ACCOUNT_ATTEMPTS wrong
# passwords for one account in an hour from anywhere, that account accepts sign-ins only from
# devices that signed in to it before (or after a password reset), so nobody elsewhere can lock
# its owner out.
RATELIMIT_SIGNIN = (env_int("RATELIMIT_SIGNIN_ATTEMPTS", 10), 15 * 60)
RATELIMIT_SIGNIN_IP = (env_int("RATELIMIT_SIGNIN_IP_ATTEMPTS", 50), 15 * 60)
RATELIMIT_SIGNIN_ACCOUNT = (env_int("RATELIMIT_SIGNIN_ACCOUNT_ATTEMPTS", 100), 60 * 60)
RATELIMIT_JOIN = (env_int("RATELIMIT_JOIN_ATTEMPTS", 5), 60 * 60)
# RATELIMIT_EMAIL_SENDS: confirmation and password-reset emails per address and per IP an hour.
RATELIMIT_EMAIL = (env_int("RATELIMIT_EMAIL_SENDS", 5), 60 * 60)
# RATELIMIT_COMMENTS: comments one member may write in 10 minutes (0: no limit).
RATELIMIT_COMMENTS = (env_int("RATELIMIT_COMMENTS", 30), 10 * 60)
# RATELIMIT_MESSAGES: private messages one member may send in 10 minutes (0: no limit).
RATELIMIT_MESSAGES = (env_int("RATELIMIT_MESSAGES", 40), 10 * 60)
# RATELIMIT_REPORT: reports one member may send in an hour (moderation/).
RATELIMIT_REPORT = (env_int("RATELIMIT_REPORT", 20), 60 * 60)
# VIEW_COUNT_BUCKET_SECONDS: views are counted in the cache in buckets this long and added
# to the posts by the scheduler (lib/viewcounts.py).
VIEW_COUNT_BUCKET_SECONDS = env_int("VIEW_COUNT_BUCKET_SECONDS", 60)

# HTTPS: the site is served over https (behind a TLS-terminating proxy that sets
# X-Forwarded-Proto). Turns on secure cookies, HSTS and the redirect to https.
HTTPS = env_bool("HTTPS", False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy on every page: scripts and styles only from our own files (no inline
# script or style anywhere, so no nonce is needed and pages stay cacheable), pictures also from
# any https address (Markdown images in posts), no plugins, no framing of us, forms only to us;
# frames only for the video players (videos/providers.py builds their addresses from checked
# ids: YouTube's privacy-enhanced host, Vimeo, and PeerTube servers, which may be any host).
# docs/deploy.md's nginx block sends the same policy with the pages nginx serves itself.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "https:", "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https:"],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True

# LOG_FORMAT: "json" (one JSON object a line on stdout; the default without DEBUG) or "plain".
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "lib.logs.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
}

# QUERY_COUNT_HEADER: add X-Query-Count to responses (the benchmark reads it). Off in use.
QUERY_COUNT_HEADER = env_bool("QUERY_COUNT_HEADER", False)
if QUERY_COUNT_HEADER:
    MIDDLEWARE.insert(0, "lib.querycount.QueryCountMiddleware")
