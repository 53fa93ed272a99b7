"""reverse() for links a page draws by the dozen (every comment's author, every listed post).

Resolving a URL pattern costs tens of microseconds; a listing page links a hundred things.
The pattern is reversed once with stand-in arguments, then filled in by string replacement.
"""

import functools
from urllib.parse import quote

from django.urls import reverse

# Digits, so that int, slug and str converters all accept them; unlikely in a real URL.
_STAND_INS = ("7370001", "7370002", "7370003")


@functools.cache
def _pattern(name: str, arity: int) -> str:
    return reverse(name, args=_STAND_INS[:arity])


def fast_reverse(name: str, *args: object) -> str:
    url = _pattern(name, len(args))
    for stand_in, arg in zip(_STAND_INS, args, strict=False):
        url = url.replace(stand_in, quote(str(arg)))
    return url
