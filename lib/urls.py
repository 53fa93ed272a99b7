"""reverse() for links a page draws by the dozen (every comment's author, every listed post).

Resolving a URL pattern costs tens of microseconds; a listing page links a hundred things.
The pattern is reversed once with stand-in arguments, then filled in by string replacement.
"""

import functools
import re
from urllib.parse import quote

from django.urls import reverse

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
