"""Tags on any kind of content: a Tag is its name up to case, spacing and Unicode
normalisation (`key`, lib.text.normalized_name); a TaggedItem puts one tag on one row of a
registered kind (tags/registry.py). Blog posts keep their own tags (blogs.Tag), read by the
same key."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Invalidated whenever any item's tags change: the cloud and the tag pages.
TAGS_TAG = "tags"


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50)
    key = models.CharField(max_length=100, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("tags:tag", args=[self.key])


class TaggedItem(models.Model):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="items")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_type", "object_id"], name="tags_one_tag_per_item"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="tags_item_of_object"),
            models.Index(fields=["tag", "content_type", "object_id"], name="tags_item_by_tag"),
        ]

    def __str__(self) -> str:
        return f"{self.tag_id} on {self.content_type_id}:{self.object_id}"
