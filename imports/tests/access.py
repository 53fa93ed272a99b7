"""The imports' part of the access matrix (tests/test_access_matrix.py).

/manage/imports/ (the imported members not invited yet) and its "send set-your-password
emails" confirmation are the creator's and administrators'; others signed in are refused,
visitors asked to sign in. Old Ning addresses have no route (imports.middleware)."""

from tests.test_access_matrix import ADMINS_ACT, LOGIN, row

MATRIX = {
    "imports:manage": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "imports:invite": ADMINS_ACT,
}
