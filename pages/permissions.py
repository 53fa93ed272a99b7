"""Who may see and shape custom pages (docs/permissions.md)."""

from members.permissions import is_admin

from .models import Page


def can_manage_pages(user: object) -> bool:
    """Writing, ordering and deleting pages: the creator and administrators."""
    return is_admin(user)


def can_view_page(user: object, page: Page) -> bool:
    """Published pages: everyone; unpublished ones: those who manage pages."""
    return page.published or can_manage_pages(user)
