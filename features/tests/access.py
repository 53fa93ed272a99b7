"""The features app's part of the access matrix (tests/test_access_matrix.py): switching
features is for the creator and administrators (a POST without ticks switches every feature
off: a valid form, sent on)."""

from tests.test_access_matrix import ADMINS_ACT

MATRIX = {"features:manage": ADMINS_ACT}
