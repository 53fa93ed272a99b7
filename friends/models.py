"""Friend requests, friendships and blocks between members.

Each rule that must hold under double submission and races is a database constraint, so two
requests arriving at once cannot both write: one pending request per pair of members whatever
its direction, one friendship per pair (stored once, lower id first), one block per direction.
The services (services.py) catch the IntegrityError of the loser and answer with what the
winner wrote.

Not FromElsewhere: an importer finds what it brought the first time by the pairs themselves,
which are unique.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FriendRequest(models.Model):
    """`from_member` asked `to_member` to be friends; gone once accepted, declined or cancelled.

    A request from a member the recipient blocked is kept but never shown to the recipient:
    the sender is not told about the block (services.send_request)."""

    from_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="friend_requests_sent",
        db_index=False,  # friends_request_sent
    )
    to_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="friend_requests_received",
        db_index=False,  # friends_request_received
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("friend request")
        verbose_name_plural = _("friend requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_member=models.F("to_member")),
                name="friends_request_not_to_self",
            ),
            # One pending request per pair, in either direction: two members asking each other
            # at the same moment cannot leave two requests that nobody accepts.
            models.UniqueConstraint(
                Least("from_member", "to_member"),
                Greatest("from_member", "to_member"),
                name="friends_one_request_per_pair",
            ),
        ]
        indexes = [
            # Requests received and sent, newest first (/friends/).
            models.Index(fields=["to_member", "-created_at"], name="friends_request_received"),
            models.Index(fields=["from_member", "-created_at"], name="friends_request_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.from_member_id} → {self.to_member_id}"


class Friendship(models.Model):
    """Two members are friends: one row per pair, `low` the lower member id."""

    # Their own indexes would repeat the two below (friends_one_friendship, friends_by_high).
    low = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        db_index=False,
    )
    high = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        db_index=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("friendship")
        verbose_name_plural = _("friendships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(low__lt=models.F("high")), name="friends_low_below_high"
            ),
            # Also the index of one member's friends with a higher id (low = X).
            models.UniqueConstraint(fields=["low", "high"], name="friends_one_friendship"),
        ]
        indexes = [
            # A member's friends with a lower id (high = X), read from the index alone.
            models.Index(fields=["high", "low"], name="friends_by_high"),
        ]

    def __str__(self) -> str:
        return f"{self.low_id} ↔ {self.high_id}"

    @staticmethod
    def pair(a_id: int, b_id: int) -> tuple[int, int]:
        return (a_id, b_id) if a_id < b_id else (b_id, a_id)

    def cache_tags(self) -> list[str]:
        return [f"friends:{self.low_id}", f"friends:{self.high_id}"]


class Block(models.Model):
    """`blocker` blocked `blocked`: no requests, messages, wall comments or mentions from them,
    and neither sees the other's activity. The blocked member is never told."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks_made",
        db_index=False,  # friends_one_block
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks_received",
        db_index=False,  # friends_blocked_by
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="friends_block_not_self"
            ),
            models.UniqueConstraint(fields=["blocker", "blocked"], name="friends_one_block"),
        ]
        indexes = [models.Index(fields=["blocked", "blocker"], name="friends_blocked_by")]

    def __str__(self) -> str:
        return f"{self.blocker_id} ⊘ {self.blocked_id}"
