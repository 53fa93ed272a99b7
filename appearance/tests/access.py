"""The appearance app's part of the access matrix (tests/test_access_matrix.py).

Theme, colours and footer: the creator and administrators. Custom CSS: the creator alone
(a POST from the appearance page; GET: 405 for anyone). The stylesheets are public (a visitor's
pages use them)."""

from tests.test_access_matrix import ADMINS_ACT, LOGIN, REDIRECT, row

MATRIX = {
    "appearance:manage": ADMINS_ACT,
    "appearance:css": row((405, LOGIN), signed_in=(405, 403), creator=(405, REDIRECT)),
    "appearance:theme_css": row((200, 405)),
    "appearance:custom_css": row((200, 405)),
}

POST_DATA = {
    "appearance:manage": lambda w: {"theme": "forest", "footer_text": "Made in Riverbend"},
    "appearance:css": lambda w: {"custom_css": ".brand-name { letter-spacing: .05em }"},
}
