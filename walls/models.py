from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def wall_tag(member_id: int) -> str:
    """The cache tag of member `member_id`'s wall: their page shows it."""
    return f"wall:{member_id}"


class Wall(models.Model):
    """A member's comment wall: what comments on their page are on (comments.registry, kind
    "wall"), and their count. Member has no `comment_count` of its own (the members app knows
    nothing of comments), so the count lives here, in a row made the first time someone
    writes on the wall (services.find_wall); a wall without a row has no comments."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="wall"
    )
    # Comments shown, replies included (kept by comments.services).
    comment_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("comment wall")
        verbose_name_plural = _("comment walls")

    def __str__(self) -> str:
        return str(self.member.display_name)

    def get_absolute_url(self) -> str:
        return str(self.member.get_absolute_url())

    def cache_tags(self) -> list[str]:
        return [wall_tag(self.pk)]
