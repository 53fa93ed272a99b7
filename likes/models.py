from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from lib.models import FromElsewhere


class Like(FromElsewhere):
    """A member likes something registered as likeable (likes/registry.py)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="likes"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta(FromElsewhere.Meta):
        constraints = [
            *FromElsewhere.Meta.constraints,
            # Once per member and target, whatever the double submissions and races; the
            # index also answers "which of these did I like" from the index alone.
            models.UniqueConstraint(
                fields=["member", "content_type", "object_id"], name="likes_once_per_member"
            ),
        ]
        indexes = [
            # "Liked by", newest first.
            models.Index(
                fields=["content_type", "object_id", "-created_at", "-id"], name="likes_liked_by"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} likes {self.content_type_id}:{self.object_id}"


class LikeCount(models.Model):
    """How many likes one target has, kept by likes.services in the liking transaction.

    Kept here rather than as a field on each registered model: the likes app owns its counts,
    and a page reads the counts of everything it shows in one query."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="likes_one_count")
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} = {self.count}"
