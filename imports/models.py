from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """What one record of an archive became here: (source, kind, its id there) → a row.

    An import run again finds each record it brought before and leaves it (idempotent); an
    import interrupted goes on where it stopped (resumable). Records without an id of their
    own (a Ning wall comment) get one made from what identifies them (imports.ning.mapping).
    Several records may point at one row: a person with two Ning accounts under one email
    becomes one member, and both keys find them."""

    source = models.CharField(_("source"), max_length=40)
    kind = models.CharField(_("kind"), max_length=40)
    original_id = models.CharField(_("id at the source"), max_length=300)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    imported_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "original_id"], name="imported_record_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="imported_object")]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.original_id}"


class PasswordInvitation(models.Model):
    """The "choose your password" email sent to an imported member (imports.invitations):
    each is invited once, when the administrator decides, in batches."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    sent_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("password invitation")
        verbose_name_plural = _("password invitations")

    def __str__(self) -> str:
        return f"{self.member_id} {self.sent_at:%Y-%m-%d}"


class OldAddress(models.Model):
    """An address the network had on Ning (`/profiles/blogs/kites-string`, `/profile/Bilal`,
    `/photo/photo/show?id=…`) → what it shows here now (imports.middleware redirects to it).

    `path` is kept lower case without a trailing slash, `query` is "" or the one query
    parameter that names the record ("id=2x0owner:photo:41", lower case): both are compared
    that way (imports.oldaddresses.normalise). `page` says which page of the object: its own
    (""), or a member's blog list ("blog")."""

    class Page(models.TextChoices):
        OWN = "", _("its own page")
        BLOG = "blog", _("the member's blog")

    path = models.CharField(_("old path"), max_length=500)
    query = models.CharField(_("old query"), max_length=320, blank=True, default="")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    page = models.CharField(max_length=10, choices=Page.choices, blank=True, default="")

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [models.UniqueConstraint(fields=["path", "query"], name="old_address_once")]

    def __str__(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path
