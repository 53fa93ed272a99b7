"""Model pieces shared by every app whose content may come from elsewhere."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FromElsewhere(models.Model):
    """Where a row came from if it was not written here, and its id there.

    `source` names the origin ("ning" for a Ning archive, a server's host name for
    ActivityPub); (source, source_id) is unique, so an import run twice finds what it
    brought in the first time instead of doubling it. Empty for what was written here.
    """

    source = models.CharField(_("source"), max_length=100, blank=True, default="", editable=False)
    source_id = models.CharField(
        _("id at the source"), max_length=500, blank=True, default="", editable=False
    )

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~models.Q(source=""),
                name="%(app_label)s_%(class)s_source_id",
            )
        ]
