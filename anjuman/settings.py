"""Anjuman's one settings module.

Every option is an environment variable, read here and listed in the README's configuration table.
"""

import sys
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.management.utils import get_random_secret_key
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
    "network",
    "members",
    "blogs",
    "comments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "network.middleware.NetworkMiddleware",
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
DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
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
]

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "anjuman",
    }
}

# LANGUAGE_CODE: the default language of the interface (en or ur).
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("ur", _("Urdu"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# TIME_ZONE: the server's default; each network sets its own time zone for display.
TIME_ZONE = env_str("TIME_ZONE", "UTC")

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# MEDIA_ROOT: where uploaded photos and logos are stored.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
# SERVE_MEDIA: let Django serve uploads itself (the embedded install); off when a web server
# serves MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# POWERED_BY_URL: where the footer's "Powered by Anjuman" points.
POWERED_BY_URL = env_str("POWERED_BY_URL", "https://pypi.org/project/anjuman/")
# Uploads larger than this are refused with a message (bytes).
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

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

# Rate limits: attempts allowed per window (seconds), per client IP and per account/email.
RATELIMIT_SIGNIN = (env_int("RATELIMIT_SIGNIN_ATTEMPTS", 10), 15 * 60)
RATELIMIT_JOIN = (env_int("RATELIMIT_JOIN_ATTEMPTS", 5), 60 * 60)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
