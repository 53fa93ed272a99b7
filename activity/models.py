"""Latest Activity: one row per thing that happened (a member joined, published, commented…).

An entry names who did it (`actor`), what it is about (`target`: the post, the comment, the
member asked), what it happened on (`on`: the post or wall a comment is on; the line's link and
what groups consecutive entries), the other member it concerns and on whose page it shows too
(`subject`: the new friend, the wall's owner), and whose content it is on (`owner`: the post's
author, so that their blocks and their removal reach it). Targets are generic (content type and
id) because later apps add kinds of their own (activity/registry.py); whether a target still
exists and who may see it is asked when the stream is read (activity/queries.py).

`place` is where it happened, when that has a stream of its own (a group: a member joined it,
a discussion started in it, a comment on its wall): registry.register_place says, per model of
what entries are `on`, where such a thing is. The place's page reads its entries through the
`activity_by_place` index (queries.Scope.PLACE).

`hidden` takes an entry out of the stream while its target is out of sight (a post made a draft
again or hidden by a moderator, a hidden comment); it comes back when the target does.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Entry(models.Model):
    # The event it was written from ("blogs.published"); activity/registry.py names them.
    kind = models.CharField(_("kind"), max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # activity_by_actor
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # activity_by_subject
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    on_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    on_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Where it happened (a group), for the place's own stream; None: nowhere in particular.
    place_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # activity_by_place
    )
    place_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=False)
    hidden = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("activity entry")
        verbose_name_plural = _("activity entries")
        indexes = [
            # The network's stream, newest first, and its keyset pages (created_at, id).
            models.Index(fields=["-created_at", "-id"], name="activity_newest"),
            # A member's own stream, and the friends stream (actor IN the viewer's friends).
            models.Index(fields=["actor", "-created_at", "-id"], name="activity_by_actor"),
            # What concerns a member (a new friend, their wall): their page shows it too.
            models.Index(fields=["subject", "-created_at", "-id"], name="activity_by_subject"),
            # What a deleted or hidden post or comment takes with it.
            models.Index(fields=["target_type", "target_id"], name="activity_target"),
            models.Index(fields=["on_type", "on_id"], name="activity_on"),
            # A place's stream (a group's activity), newest first.
            models.Index(
                fields=["place_type", "place_id", "-created_at", "-id"], name="activity_by_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.actor_id} at {self.created_at:%Y-%m-%d %H:%M}"

    def cache_tags(self) -> list[str]:
        """The network's stream, the pages of the members it shows on, and its place's."""
        tags = entry_tags(self.actor_id, self.subject_id)
        if self.place_type_id is not None and self.place_id is not None:
            tags.append(place_tag(self.place_type_id, self.place_id))
        return tags


STREAM_TAG = "activity"


def member_tag(member_id: int) -> str:
    return f"activity:{member_id}"


def place_tag(type_id: int, pk: int) -> str:
    """A place's stream (its content type's id and its id): a group's activity."""
    return f"activity-place:{type_id}:{pk}"


def tag_of_place(place: models.Model) -> str:
    return place_tag(ContentType.objects.get_for_model(place).pk, place.pk)


def entry_tags(*member_ids: int | None) -> list[str]:
    return [STREAM_TAG, *(member_tag(pk) for pk in dict.fromkeys(member_ids) if pk is not None)]
