"""Writing, ordering and deleting custom pages. The navigation shows pages on every page of
the site: they are cached under NAV_TAG ("network", which every page depends on anyway),
changed only when what the navigation shows may have changed (a page in it written, moved or
deleted)."""

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lib.cachetags import cached, invalidate
from lib.markup import render_markdown
from lib.ordering import swap_with_neighbour
from members.actionlog import record
from members.models import Member

from .models import NAV_TAG, PAGES_TAG, Page, page_tag
from .permissions import can_manage_pages

# A page past this many is refused: the navigation and the list stay short.
MAX_PAGES = 100


def _changed(page: Page, *, navigation: bool) -> None:
    tags = [PAGES_TAG, page_tag(page.pk)]
    if navigation:
        tags.append(NAV_TAG)
    invalidate(*tags)


class TooManyPages(ValueError):
    pass


@transaction.atomic
def save_page(page: Page, *, by: Member) -> Page:
    """Creates or updates a page (already validated by its form): its HTML rendered from the
    Markdown and sanitised (lib/markup.py); a new page goes last."""
    if not can_manage_pages(by):
        raise PermissionDenied
    creating = page.pk is None
    was_in_navigation = False
    if creating:
        if Page.objects.count() >= MAX_PAGES:
            raise TooManyPages
        last = Page.objects.order_by("-position").values_list("position", flat=True).first()
        page.position = (last or 0) + 1
    else:
        old = Page.objects.filter(pk=page.pk).values_list("in_navigation", "published").first()
        was_in_navigation = bool(old and old[0] and old[1])
    page.body_html = render_markdown(page.body)
    page.updated_at = timezone.now()
    page.save()
    in_navigation = page.in_navigation and page.published
    _changed(page, navigation=was_in_navigation or in_navigation)
    record(by, "create-page" if creating else "edit-page", page)
    return page


@transaction.atomic
def delete_page(page: Page, *, by: Member) -> None:
    if not can_manage_pages(by):
        raise PermissionDenied
    record(by, "delete-page", page)
    _changed(page, navigation=page.in_navigation and page.published)
    page.delete()


@transaction.atomic
def move_page(page: Page, direction: Literal["up", "down"], *, by: Member) -> None:
    """Swaps the page with its neighbour before ("up") or after it ("down") in the order;
    positions are renumbered 1, 2, 3… on the way, so equal positions cannot stall a move."""
    if not can_manage_pages(by):
        raise PermissionDenied
    pages = list(Page.objects.select_for_update().order_by("position", "id"))
    if not swap_with_neighbour(pages, page.pk, up=direction == "up"):
        return
    changed = []
    for number, each in enumerate(pages, start=1):
        if each.position != number:
            each.position = number
            changed.append(each)
    Page.objects.bulk_update(changed, ["position"])
    invalidate(PAGES_TAG, NAV_TAG)
    record(by, f"move-page-{direction}", page)


def navigation() -> list[tuple[str, str]]:
    """(title, address) of the published pages shown in the navigation, in their order."""
    return cached(
        "pages:navigation",
        lambda: [
            (p.title, p.get_absolute_url())
            for p in Page.objects.in_navigation().only("title", "slug")
        ],
        [NAV_TAG],
    )
