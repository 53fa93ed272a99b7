"""The analytics app's part of the access matrix (tests/test_access_matrix.py).

The page and its CSV files are for administrators and the creator; other members (moderators
included) are refused, visitors and suspended members are sent to sign in. Both only read: a
POST answers 405 to those who may read them.
"""

from tests.test_access_matrix import LOGIN, World, row

ADMINS_READ = row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 405))

MATRIX = {
    "analytics:dashboard": ADMINS_READ,
    "analytics:csv": ADMINS_READ,
}


def _metric(w: World) -> dict[str, str]:
    return {"metric": "posts"}


KWARGS = {"analytics:csv": _metric}
