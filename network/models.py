import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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
    # The browser tab's icon (and /favicon.ico); blank: Anjuman's own (static/anjuman/favicon.svg).
    favicon = models.ImageField(_("favicon"), upload_to="network/", blank=True)
    # The interface's language for everyone who chose none (network/middleware.py); blank:
    # each browser's own, else LANGUAGE_CODE.
    language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    # Privacy and joining (access/): who reads, how people join.
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: visitors read, members take part")
        PRIVATE = "private", _("Private: only members see anything")

    class JoinMode(models.TextChoices):
        OPEN = "open", _("Anyone may join")
        APPROVAL = "approval", _("Anyone may ask; an administrator approves")
        INVITATION = "invitation", _("By invitation only")

    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_mode = models.CharField(
        _("joining"), max_length=12, choices=JoinMode.choices, default=JoinMode.OPEN
    )
    members_may_invite = models.BooleanField(_("members may invite people"), default=False)
    # Moderation (moderation/): features whose new content waits for a moderator's approval
    # (feature keys: "blogs", "forum", "comments", "photos", "events"), and whether a new
    # member's first posts and comments with links wait too.
    approval_required = models.JSONField(_("approval required for"), default=list, blank=True)
    hold_new_members_links = models.BooleanField(
        _("hold new members' first links for moderation"), default=False
    )
    # Features switched off (features/): their keys ("forum", "groups", "events"…).
    features_off = models.JSONField(_("features switched off"), default=list, blank=True)
    # Appearance (appearance/): a preset theme or custom colours, the creator's own CSS
    # (sanitised as CSS when saved), the footer's text.
    theme = models.CharField(_("theme"), max_length=20, default="default")
    colours = models.JSONField(_("custom colours"), default=dict, blank=True)
    custom_css = models.TextField(_("custom CSS"), max_length=20000, blank=True)
    footer_text = models.CharField(_("footer text"), max_length=500, blank=True)

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


FEED_ITEMS_MAX = 20


class SidebarBox(models.Model):
    """A box in the pages' sidebar: text and links the administrators write, or the latest
    items of another site's RSS/Atom feed (fetched by the scheduler, never by a page)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text and links")
        FEED = "feed", _("Another site's feed (RSS or Atom)")

    class Placement(models.TextChoices):
        EVERYWHERE = "everywhere", _("On every page")
        HOME = "home", _("On the home page only")
        BLOGS = "blogs", _("On blog pages only (blogs, members' blogs, posts)")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.TEXT)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("content"), max_length=5000, blank=True, help_text=_("Markdown: [text](https://…)")
    )
    body_html = models.TextField(editable=False, blank=True)
    feed_url = models.URLField(
        _("feed address"),
        max_length=1000,
        blank=True,
        help_text=_("The address of the RSS or Atom feed (https://…)."),
    )
    feed_items_shown = models.PositiveSmallIntegerField(
        _("items shown"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(FEED_ITEMS_MAX)],
    )
    placement = models.CharField(
        _("where it shows"), max_length=12, choices=Placement.choices, default=Placement.EVERYWHERE
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, validators=[MaxValueValidator(MAX_POSITION)]
    )
    # The feed's last good items ({"title", "link", "date"}: plain text, an http(s) address or
    # "", an ISO date or ""), kept when a later fetch fails; and that failure.
    feed_items = models.JSONField(default=list, blank=True, editable=False)
    fetched_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.CharField(max_length=300, blank=True, editable=False)
    failed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("sidebar box")
        verbose_name_plural = _("sidebar boxes")

    def __str__(self) -> str:
        return self.title

    def cache_tags(self) -> list[str]:
        # "network": the list of boxes (network/services.py); the box's tag: its feed's items.
        return ["network", f"sidebar-box:{self.pk}"]

    @property
    def is_feed(self) -> bool:
        return self.kind == self.Kind.FEED
