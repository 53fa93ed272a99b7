import re
import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Words a page's address may not be: they name, or may one day name, pages of the app itself.
RESERVED_SLUGS = frozenset(
    {"new", "edit", "delete", "move", "manage", "feed", "rss", "atom", "index", "all", "admin"}
)


# The zero-width non-joiner and joiner: Persian and Urdu spell words with them (می‌خواهم), as
# Devanagari and Arabic words have combining marks (नमस्ते, the vowel signs): an address keeps
# them, where Django's slugs (\w only) would drop them and change the word.
JOINERS = "\u200c\u200d"


def _address_character(c: str) -> bool:
    return unicodedata.category(c)[0] in "LMN" or c in "-_" or c in JOINERS


def make_slug(text: str, max_length: int = 60) -> str:
    """An address made from any text: letters and digits of any script with their marks and
    joiners, in lower case, spaces and hyphens as one hyphen, everything else left out."""
    text = unicodedata.normalize("NFKC", text).lower()
    kept = "".join("-" if c.isspace() else c for c in text if c.isspace() or _address_character(c))
    return re.sub("-{2,}", "-", kept).strip("-_" + JOINERS)[:max_length].strip("-_" + JOINERS)


def validate_page_slug(value: str) -> None:
    if not value or not all(_address_character(c) for c in value):
        raise ValidationError(validate_unicode_slug.message, code=validate_unicode_slug.code)
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved: choose another address."),
            code="reserved",
            params={"slug": value},
        )


class PageQuerySet(models.QuerySet["Page"]):
    def published(self) -> "PageQuerySet":
        return self.filter(published=True)

    def visible_to(self, user: object) -> "PageQuerySet":
        """Published pages; administrators also see unpublished ones (to check them)."""
        from members.permissions import is_admin

        return self if is_admin(user) else self.published()

    def in_navigation(self) -> "PageQuerySet":
        return self.published().filter(in_navigation=True)


class AddressField(models.SlugField):  # type: ignore[type-arg]
    """A page's address: a slug that may also hold combining marks and joiners
    (validate_page_slug), which Django's unicode slug validator refuses."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_validators = []
        self.validators.remove(validate_unicode_slug)  # CharField's max length stays


class Page(models.Model):
    """A page of the network's own (About, Rules, Contact…), written in Markdown by its
    administrators and served at /pages/<slug>/."""

    title = models.CharField(_("title"), max_length=120)
    slug = AddressField(
        _("address"),
        max_length=60,
        unique=True,
        allow_unicode=True,
        validators=[validate_page_slug],
        help_text=_("The page’s address: /pages/ADDRESS/. Left empty, it is made from the title."),
    )
    body = models.TextField(_("text"), max_length=50000, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, default="")
    in_navigation = models.BooleanField(_("show in the navigation"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ("position", "id")
        indexes = [models.Index(fields=["position", "id"], name="pages_order")]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:page", kwargs={"slug": self.slug})

    def cache_tags(self) -> list[str]:
        return [page_tag(self.pk), PAGES_TAG]


# Every listing of pages.
PAGES_TAG = "pages"
# The navigation's pages show on every page of the site: they go with the network's settings
# (a site-wide tag: no extra version for a cached page to check, lib/cachetags.SITE_WIDE).
NAV_TAG = "network"


def page_tag(pk: int) -> str:
    return f"page:{pk}"
