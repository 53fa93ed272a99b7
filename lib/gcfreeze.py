"""Keeps Python's garbage collector off the objects that every request shares.

An application server's worker holds ~110,000 objects once Django is loaded, and ~35,000 more
after its first pages (compiled templates, URL patterns, translations). A full collection walks
all of them: ~130 ms on the benchmark machine, paid by whichever request triggers it (about one
in a few hundred: the 99th percentile). gc.freeze() moves the objects alive at that moment out
of the generations the collector walks (they are never freed; they live as long as the worker
anyway): then a full collection only walks what was made since, ~1 ms.

freeze_after_warm_up() is called where the WSGI application is made (anjuman/wsgi.py, in each
worker): it freezes what loading made at once, and again after the worker's first
WARM_UP_REQUESTS requests, when the first pages have loaded what they load lazily.
"""

import gc
import itertools
from typing import Any

from django.core.signals import request_finished

# Enough requests for the usual pages to have been seen (each compiles its templates once).
WARM_UP_REQUESTS = 200

_DISPATCH_UID = "lib.gcfreeze.after_warm_up"


def freeze() -> None:
    """Collects what is garbage now, then freezes everything else."""
    gc.collect()
    gc.freeze()


def freeze_after_warm_up(requests: int = WARM_UP_REQUESTS) -> None:
    freeze()
    counter = itertools.count(1)

    def finished(**kwargs: Any) -> None:
        # After the response was sent (request_finished): the one request's client does not
        # wait for this collection, which walks only what was made since the first freeze.
        if next(counter) == requests:
            request_finished.disconnect(dispatch_uid=_DISPATCH_UID)
            freeze()

    request_finished.connect(finished, weak=False, dispatch_uid=_DISPATCH_UID)
