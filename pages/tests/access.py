"""The custom pages' part of the access matrix (tests/test_access_matrix.py).

A published page and the list of pages are public; an unpublished page exists for the creator
and administrators only (404 for everyone else). Writing, ordering and deleting pages is
theirs too; a move is a POST (GET: 405 for anyone)."""

from typing import Any

from pages.models import Page
from pages.services import save_page
from tests.test_access_matrix import ADMINS_ACT, LOGIN, PUBLIC, REDIRECT, World, row


def _page(w: World) -> Page:
    return save_page(Page(title="About us", slug="about", body="We are **alumni**."), by=w.creator)


def _unpublished(w: World) -> Page:
    page = Page(title="Rules (draft)", slug="rules", body="Be kind.", published=False)
    return save_page(page, by=w.creator)


MATRIX = {
    "pages:index": PUBLIC,
    "pages:page": PUBLIC,
    "pages:page@unpublished": row((404, 404), admins=(200, 200)),
    "pages:manage": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "pages:create": ADMINS_ACT,
    "pages:edit": ADMINS_ACT,
    "pages:delete": ADMINS_ACT,
    "pages:move": row((405, LOGIN), signed_in=(405, 403), admins=(405, REDIRECT)),
}

OBJECTS = {"custom_page": _page, "unpublished_page": _unpublished}

KWARGS: dict[str, Any] = {
    "pages:page": lambda w: {"slug": w.custom_page.slug},
    "pages:page@unpublished": lambda w: {"slug": w.unpublished_page.slug},
    "pages:edit": lambda w: {"pk": w.custom_page.pk},
    "pages:delete": lambda w: {"pk": w.custom_page.pk},
    "pages:move": lambda w: {"pk": w.custom_page.pk},
}


def _form(slug: str) -> Any:
    return lambda w: {"title": "Contact", "slug": slug, "body": "Write to us.", "published": "on"}


POST_DATA = {
    "pages:create": _form("contact"),
    "pages:edit": _form("about"),
    "pages:move": lambda w: {"direction": "down"},
}
