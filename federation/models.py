"""Federation's own rows: local actors' keys and choices, what we know of remote actors, who
follows whom, the deliveries in flight, and the servers and accounts blocked."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LocalActor(models.Model):
    """One of this network's actors: a member (Person) or, with no member, the network's blog
    (Group). Its key pair is made the first time it is needed (keys.actor_for)."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="federation_actor",
    )
    # PEM; the private key never leaves the server (no view reads it).
    public_key = models.TextField(editable=False)
    private_key = models.TextField(editable=False)
    # The member's choice (their settings): off, nothing of theirs is sent or served.
    federated = models.BooleanField(_("share my blog with other servers"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            # One network actor: the row without a member.
            models.UniqueConstraint(
                fields=["federated"], condition=Q(member=None), name="federation_one_network_actor"
            )
        ]

    def __str__(self) -> str:
        return f"actor of {self.member_id or 'the network'}"

    @property
    def is_network(self) -> bool:
        return self.member_id is None


class RemoteActor(models.Model):
    """An account on another server, as its actor document said when last fetched; `member` is
    the REMOTE Member row its replies and likes are written by (docs/architecture.md)."""

    url = models.CharField(max_length=500, unique=True)  # the actor's id
    domain = models.CharField(max_length=253, db_index=True)
    inbox = models.CharField(max_length=500)
    shared_inbox = models.CharField(max_length=500, blank=True)
    key_id = models.CharField(max_length=500, db_index=True)
    public_key = models.TextField()
    preferred_username = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=200, blank=True)
    icon = models.CharField(max_length=500, blank=True)
    profile_url = models.CharField(max_length=500, blank=True)
    fetched_at = models.DateTimeField(default=timezone.now)
    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="remote_actor",
    )

    def __str__(self) -> str:
        return self.handle

    @property
    def handle(self) -> str:
        """@name@host, with the port when the account's server is on another one than 443/80
        (interop finding 3: typed back into "Follow", it must reach the same server)."""
        try:
            netloc = urlsplit(self.url).netloc.rsplit("@", 1)[-1].lower()
        except ValueError:
            netloc = ""
        host = netloc.removesuffix(":443").removesuffix(":80") or self.domain
        return f"@{self.preferred_username or '?'}@{host}"

    @property
    def delivery_inbox(self) -> str:
        """Where activities for this actor go: the server's shared inbox when it has one."""
        return self.shared_inbox or self.inbox


class Follower(models.Model):
    """A remote actor following one of ours (accepted at once)."""

    actor = models.ForeignKey(LocalActor, on_delete=models.CASCADE, related_name="followers")
    remote = models.ForeignKey(RemoteActor, on_delete=models.CASCADE, related_name="following")
    follow_id = models.CharField(max_length=500, blank=True)  # the Follow activity's id
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["actor", "remote"], name="federation_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.remote_id} follows {self.actor_id}"


class Server(models.Model):
    """What we know of another server: blocked by administrators, or given up as dead."""

    domain = models.CharField(max_length=253, unique=True)
    blocked_at = models.DateTimeField(null=True, blank=True)
    # Deliveries failed one after the other; reset by a success.
    failures = models.PositiveIntegerField(default=0)
    dead_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.domain


class Delivery(models.Model):
    """One activity to one inbox, and how far it got (delivery.py)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Retrying")
        GIVEN_UP = "given_up", _("Given up")

    actor = models.ForeignKey(LocalActor, on_delete=models.CASCADE, related_name="deliveries")
    inbox = models.CharField(max_length=500)
    domain = models.CharField(max_length=253)
    activity = models.JSONField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state__in=["pending", "retrying"]),
                name="federation_delivery_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity.get('type')} → {self.inbox} ({self.state})"


class MemberBlock(models.Model):
    """A member blocks a remote account: its follows, replies and likes of their posts are
    refused, and it is dropped from their followers."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="remote_blocks"
    )
    remote = models.ForeignKey(RemoteActor, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "remote"], name="federation_block_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} blocks {self.remote_id}"


class NetworkChoices(models.Model):
    """The administrators' choices for federation (one row, /manage/federation/)."""

    class Replies(models.TextChoices):
        QUEUE = "queue", _("wait in the moderation queue")
        SECTION = "section", _("show under the post, in “Replies from elsewhere”")

    # On: our ActivityPub documents are served only to signed requests of a known actor (the
    # instance actor, WebFinger and NodeInfo stay open) (our own fetches are signed either way).
    authorized_fetch = models.BooleanField(
        _("answer only signed requests (authorized fetch)"), default=False
    )
    remote_replies = models.CharField(
        _("replies from other servers"),
        max_length=10,
        choices=Replies.choices,
        default=Replies.QUEUE,
    )

    def __str__(self) -> str:
        return "federation choices"


class InstanceActor(models.Model):
    """The network's own actor (`/ap/actor/`, an Application, as Mastodon has): it signs our
    fetches of other servers' documents, and is served to anyone (authorized fetch needs a
    key that can be read without a signature)."""

    public_key = models.TextField(editable=False)
    private_key = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return "instance actor"


class Following(models.Model):
    """A member follows an account of another server: asked by its handle (looked up from a
    task), then the Follow sent and its answer awaited."""

    class State(models.TextChoices):
        LOOKING = "looking", _("Asked, waiting for their server")
        PENDING = "pending", _("Waiting for their answer")
        ACCEPTED = "accepted", _("Following")
        REJECTED = "rejected", _("Refused")
        FAILED = "failed", _("Not found")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="remote_following"
    )
    handle = models.CharField(max_length=300)  # name@server, as asked (lower case)
    remote = models.ForeignKey(
        RemoteActor, null=True, blank=True, on_delete=models.CASCADE, related_name="followed_by"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.LOOKING)
    follow_id = models.CharField(max_length=500, blank=True)  # our Follow's id
    problem = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "handle"], name="federation_following_once")
        ]
        indexes = [models.Index(fields=["remote", "state"], name="federation_following_remote")]

    def __str__(self) -> str:
        return f"{self.member_id} follows {self.handle} ({self.state})"


class RemoteNote(models.Model):
    """A post of another server's account kept here: what followed accounts post (a member's
    "Following" stream), and replies to our posts shown under them ("Replies from
    elsewhere"). Its HTML is sanitised when stored."""

    author = models.ForeignKey(RemoteActor, on_delete=models.CASCADE, related_name="notes")
    object_id = models.CharField(max_length=500, unique=True)  # its id on its server
    url = models.CharField(max_length=500, blank=True)  # its page there
    name = models.CharField(max_length=300, blank=True)  # an Article's title
    content_html = models.TextField()
    published = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)
    # Set for a reply to one of our posts (shown under it when the network's choice says so).
    reply_to = models.ForeignKey(
        "blogs.Post",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="remote_replies",
    )

    class Meta:
        indexes = [
            models.Index(fields=["author", "-published", "-id"], name="federation_note_stream"),
            models.Index(fields=["reply_to", "published", "id"], name="federation_note_replies"),
        ]

    def __str__(self) -> str:
        return self.object_id
