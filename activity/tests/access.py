"""The activity app's part of the access matrix (tests/test_access_matrix.py).

The network's stream and a member's are public, like the posts and pages they tell of; the
friends stream is a signed-in member's own (visitors and suspended members are asked to sign
in). Nothing is written through these pages: every method but GET and HEAD is 405.
"""

from tests.test_access_matrix import LOGIN, row

MATRIX = {
    "activity:everyone": row((200, 405)),
    "activity:friends": row((LOGIN, 405), signed_in=(200, 405)),
    "activity:member": row((200, 405)),
}

KWARGS = {"activity:member": lambda w: {"handle": w.author.handle}}
