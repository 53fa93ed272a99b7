import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@functools.cache
def time_zone_names() -> frozenset[str]:
    # zoneinfo reads the time zone folder at every call.
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class Network(models.Model):
    """The one community this install serves: its identity and who created it."""

    name = models.CharField(_("name"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    logo = models.ImageField(_("logo"), upload_to="network/", blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("network")

    def __str__(self) -> str:
        return self.name

    def cache_tags(self) -> list[str]:
        return ["network"]

    @property
    def full_name(self) -> str:
        """“Name: Tagline”, as the network calls itself in sentences."""
        return f"{self.name}: {self.tagline}" if self.tagline else self.name


MAX_POSITION = 999


class SidebarBox(models.Model):
    """A box of text and links the creator places in every page's sidebar."""

    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("content"), max_length=5000, blank=True, help_text=_("Markdown: [text](https://…)")
    )
    body_html = models.TextField(editable=False, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, validators=[MaxValueValidator(MAX_POSITION)]
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("sidebar box")
        verbose_name_plural = _("sidebar boxes")

    def __str__(self) -> str:
        return self.title

    def cache_tags(self) -> list[str]:
        return ["network"]
