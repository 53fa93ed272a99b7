"""The search app's part of the access matrix (tests/test_access_matrix.py).

Everyone opens the search page (what it finds is each viewer's: search/tests/test_personas.py);
it only reads, so a POST is refused (405)."""

from tests.test_access_matrix import row

MATRIX = {
    "search:search": row((200, 405)),
}
