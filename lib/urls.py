"""reverse() for links a page draws by the dozen (every comment's author, every listed post).

Resolving a URL pattern costs tens of microseconds; a listing page links a hundred things.
The pattern is reversed once with stand-in arguments, then filled in by string replacement.
"""

import functools
import re
from typing import Any
from urllib.parse import quote

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

# Digits, so that int, slug and str converters all accept them; unlikely in a real URL.
_STAND_INS = ("7370001", "7370002", "7370003")


@functools.cache
def _pattern(name: str, arity: int) -> list[str]:
    """The reversed URL split around the stand-ins: text, argument index, text, …"""
    url = reverse(name, args=_STAND_INS[:arity])
    return _SPLIT.split(url)


_SPLIT = re.compile("(" + "|".join(_STAND_INS) + ")")
_INDEX = {stand_in: i for i, stand_in in enumerate(_STAND_INS)}


def fast_reverse(name: str, *args: object) -> str:
    # Filled in one pass: an argument that looks like a stand-in stays as it is.
    parts = _pattern(name, len(args))
    return "".join(
        quote(str(args[_INDEX[part]])) if i % 2 else part for i, part in enumerate(parts)
    )


# Addresses every page draws the same (the navigation's, the footer's, the stylesheets'), made
# once per process: reverse() resolves the pattern, and {% static %} asks whether the
# staticfiles app is installed (a walk over every app) and reads the manifest, on each use.
# A few dozen entries: callers pass fixed names and arguments, never member-written ones.
_MAX_MEMO = 500
_routes: dict[tuple[str, tuple[str, ...], str, Any], str] = {}
_statics: dict[str, str] = {}


def fixed_reverse(name: str, *args: str) -> str:
    """reverse(name, args=args), remembered per script prefix and URLconf."""
    key = (name, args, get_script_prefix(), get_urlconf())
    url = _routes.get(key)
    if url is None:
        url = reverse(name, args=args)
        if len(_routes) < _MAX_MEMO:
            _routes[key] = url
    return url


def static_url(path: str) -> str:
    """{% static path %}'s address, remembered (a new deployment is a new process)."""
    url = _statics.get(path)
    if url is None:
        url = static(path)
        if len(_statics) < _MAX_MEMO:
            _statics[path] = url
    return url


_ADDRESS_SETTINGS = frozenset(
    {"STATIC_URL", "STORAGES", "STATIC_ROOT", "ROOT_URLCONF", "FORCE_SCRIPT_NAME", "DEBUG"}
)


@receiver(setting_changed)
def _forget(setting: str, **kwargs: Any) -> None:
    # Tests that change where addresses lead.
    if setting in _ADDRESS_SETTINGS:
        _routes.clear()
        _statics.clear()
