from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from lib.models import FromElsewhere
from lib.urls import fast_reverse

from .timezones import validate_time_zone


class MemberQuerySet(models.QuerySet["Member"]):
    def local(self) -> "MemberQuerySet":
        """People of this network (imported ones included), not accounts on other servers."""
        return self.filter(origin=Member.Origin.LOCAL)

    def listed(self) -> "MemberQuerySet":
        """Who the directory and profile pages show: local members who are not suspended and
        not waiting for an administrator's approval (access/)."""
        return self.local().filter(is_active=True, awaiting_approval=False)


class MemberManager(BaseUserManager["Member"]):
    def get_by_natural_key(self, username: str | None) -> "Member":
        # Sign-in by email ignores case, as people type it.
        return self.get(email__iexact=username)

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "Member":
        member = self.model(email=self.normalize_email(email).lower(), **fields)
        member.set_password(password)
        if not member.handle:
            member.handle = unique_handle(member.display_name or email.split("@")[0])
        member.save(using=self._db)
        return member

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "Member":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        fields.setdefault("email_confirmed", True)
        fields.setdefault("role", Member.Role.ADMIN)
        return self.create_user(email, password, **fields)


def unique_handle(name: str) -> str:
    """A URL name for a member (“riaz-haq”, then “riaz-haq-2”, …)."""
    base = slugify(name, allow_unicode=True)[:40] or "member"
    taken = set(Member.objects.filter(handle__startswith=base).values_list("handle", flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


class Member(AbstractBaseUser, PermissionsMixin, FromElsewhere):
    """Everyone who writes here: this network's members, and (origin REMOTE) the accounts of
    other servers whose replies and likes reach it (docs/architecture.md, "Content from
    elsewhere"). A member imported from an archive is LOCAL with a `source` and no usable
    password until they set one."""

    class Role(models.TextChoices):
        CREATOR = "creator", _("Creator")
        ADMIN = "admin", _("Administrator")
        MODERATOR = "moderator", _("Moderator")
        MEMBER = "member", _("Member")

    class Origin(models.TextChoices):
        LOCAL = "local", _("This network")
        REMOTE = "remote", _("Another server")

    # Stored lower-cased (MemberManager.create_user), so unique means unique ignoring case.
    # Empty (NULL) only for accounts of other servers, which never sign in here.
    # NULL, not "", so that unique=True lets many of them be.
    email = models.EmailField(_("email"), max_length=254, unique=True, null=True)  # noqa: DJ001
    display_name = models.CharField(_("name"), max_length=80)
    handle = models.SlugField(_("profile address"), max_length=50, unique=True, allow_unicode=True)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    email_confirmed = models.BooleanField(_("email confirmed"), default=False)
    about = models.TextField(_("about me"), max_length=2000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="members/photos/", blank=True)
    photo_thumb = models.ImageField(upload_to="members/thumbs/", blank=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("staff"), default=False, help_text=_("May use the technical admin site.")
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # The member's own time zone (members/timezones.py): event times are shown in it too,
    # beside the network's. Blank: the network's.
    time_zone = models.CharField(
        _("your time zone"), max_length=64, blank=True, validators=[validate_time_zone]
    )
    # The interface's language the member chose (their settings, or the footer's link while
    # signed in); blank: the network's, else their browser's (network/middleware.py).
    language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.LOCAL, editable=False
    )
    # Chosen by administrators (profiles.services.set_featured): shown first in the directory,
    # the most recently featured first.
    featured_at = models.DateTimeField(_("featured"), null=True, blank=True, editable=False)
    # Left the network keeping their posts and comments (members.services.leave): the row
    # stays as their author, with everything personal erased. Such a "former member" is
    # inactive (never signs in, never listed), has no email, and shows as "a former member".
    left_at = models.DateTimeField(_("left"), null=True, blank=True, editable=False)
    # Joined a network that approves new members (access/): signed in, but reads like a
    # visitor and sees "waiting for approval" until an administrator approves them.
    awaiting_approval = models.BooleanField(_("awaiting approval"), default=False)
    # Suspended by a moderator (moderation/): `is_active` off too; kept to tell a suspended
    # account from one that never confirmed, and to list them.
    suspended_at = models.DateTimeField(_("suspended"), null=True, blank=True, editable=False)
    # A moderator's features ("blogs", "comments", "forum", "groups", "events", "photos"):
    # empty means every feature (members.permissions.moderates).
    moderator_scopes = models.JSONField(_("moderates"), default=list, blank=True)
    # The member's blog's name ("Haq's Musings"); blank: "NAME's Blog".
    blog_name = models.CharField(_("blog name"), max_length=80, blank=True)
    badges: "models.ManyToManyField[Badge, Any]" = models.ManyToManyField(
        "Badge", blank=True, related_name="members"
    )

    objects = MemberManager.from_queryset(MemberQuerySet)()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta(FromElsewhere.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            *FromElsewhere.Meta.constraints,
            # A network has exactly one creator.
            models.UniqueConstraint(
                fields=["role"], condition=models.Q(role="creator"), name="one_creator"
            ),
        ]
        # The directory's orders, over listed() members: ids read from the index alone.
        indexes = [
            models.Index(
                fields=["origin", "is_active", "-date_joined", "-id"], name="member_newest"
            ),
            models.Index(
                fields=["origin", "is_active", "display_name", "id"], name="member_alphabetical"
            ),
            models.Index(
                fields=["-featured_at"],
                condition=models.Q(featured_at__isnull=False),
                name="member_featured",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        """The profile's address; none for a former member, who has no profile."""
        if self.is_former:
            return ""
        return fast_reverse("members:profile", self.handle)

    @property
    def link_url(self) -> str:
        """Where the member's name leads in a byline: their profile here; for an account of
        another server, its own page there; nowhere for a former member, a suspended one, or
        an author an import kept who is no member here (no profile to open).

        Read from the loaded row only, as is_former: lists that load members with `.only()`
        list members who are active and from here."""
        row = self.__dict__
        if self.is_former or row.get("is_active", True) is False:
            return ""
        if row.get("origin") == self.Origin.REMOTE:
            address = str(row.get("source_id") or "")
            return address if address.startswith(("https://", "http://")) else ""
        return self.get_absolute_url()

    @property
    def server(self) -> str:
        """For an account of another server, that server's name (shown after the name)."""
        if self.__dict__.get("origin") != self.Origin.REMOTE:
            return ""
        return str(self.__dict__.get("source") or "")

    def cache_tags(self) -> list[str]:
        """Names and photos show on every page (bylines, the footer); the directory lists all."""
        return ["people", "directory"]

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name

    @property
    def is_former(self) -> bool:
        """Left the network, their content kept (bylines say "a former member", no link).

        Read from the loaded row only: a list that left `left_at` out (`.only(...)`, as the
        directory does) lists members who are listed, never former ones, and must not cost a
        query per member to say so."""
        return self.__dict__.get("left_at") is not None

    @property
    def is_creator(self) -> bool:
        return self.role == self.Role.CREATOR

    # Role facts for templates; members/permissions.py is where they are decided.
    @property
    def is_network_admin(self) -> bool:
        from .permissions import is_admin

        return is_admin(self)

    @property
    def can_contribute(self) -> bool:
        from .permissions import can_contribute

        return can_contribute(self)

    @property
    def address(self) -> str:
        """Where emails go: only members of this network have one (REMOTE accounts never)."""
        if not self.email:
            raise ValueError(f"{self.handle} has no email address")
        return self.email

    @property
    def initial(self) -> str:
        if self.is_former:
            return "?"  # a former member's avatar tells nothing of them
        return (self.display_name[:1] or "?").upper()


# A badge's position orders them (roster's form); a smallint, bounded on every database alike.
MAX_BADGE_POSITION = 999


class Badge(models.Model):
    """A member category or badge ("Class of 1998", "Volunteer"): text, an image or both,
    chosen by administrators and shown beside members' names (roster/)."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    image = models.ImageField(_("image"), upload_to="members/badges/", blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, validators=[MaxValueValidator(MAX_BADGE_POSITION)]
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")

    def __str__(self) -> str:
        return self.name

    def cache_tags(self) -> list[str]:
        return ["people"]


class ActionLog(models.Model):
    """What the people running the network did: who, what, to what, when and why.

    Every destructive or moderating action of /manage/ and the moderation queue writes one
    (members.actionlog.record); administrators read them (moderation/). The actor's and the
    target's names are copied, so an entry stays readable after either is removed."""

    actor = models.ForeignKey(
        "Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=80)
    action = models.CharField(max_length=40)
    target_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    reason = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at", "-id"], name="actionlog_newest")]

    def __str__(self) -> str:
        return f"{self.actor_name}: {self.action} {self.target_label}"
