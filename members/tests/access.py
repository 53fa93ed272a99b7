"""The members app's part of the access matrix (tests/test_access_matrix.py): leaving.

Every signed-in persona may leave, unconfirmed members too, and the POST (the right password,
content kept) signs them out: REDIRECT. The creator sees why they cannot (200) and is refused
(403); visitors and suspended members are asked to sign in.
"""

from conftest import PASSWORD
from tests.test_access_matrix import LOGIN, REDIRECT, row

MATRIX = {
    "members:leave": row((LOGIN, LOGIN), signed_in=(200, REDIRECT), creator=(200, 403)),
}

POST_DATA = {
    "members:leave": lambda w: {"content": "keep", "password": PASSWORD},
}
