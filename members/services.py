import io
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from lib import events
from lib.cachetags import EVERYTHING, invalidate
from lib.email import queue_email

from . import permissions, removal
from .models import Member, unique_handle
from .timezones import validate_time_zone

if TYPE_CHECKING:  # types only: network sits above members (.importlinter)
    from network.models import Network

CONFIRM_SALT = "members.confirm-email"
CONFIRM_MAX_AGE = 7 * 24 * 3600
PHOTO_SIZE = 512
THUMB_SIZE = 96


def safe_next(url: str | None, fallback: str = "/") -> str:
    """Only local paths ("/blog/?page=2") are followed after join, sign-in and confirmation;
    anything else (another site, "abc", "javascript:…") gives `fallback`."""
    if (
        url
        and url.startswith("/")
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
        and not any(c in url for c in "\r\n\x00\\")
    ):
        return url
    return fallback


@transaction.atomic
def join(
    *,
    network: "Network",
    display_name: str,
    email: str,
    password: str,
    next_url: str,
    base_url: str,
    may_email_existing: bool = True,
    awaiting_approval: bool = False,
) -> Member | None:
    """Makes an unconfirmed member and emails the confirmation link; returns them. On a
    network that approves members (`awaiting_approval`), they wait for an administrator after
    confirming (access/: they read as visitors, and see a page that says so).

    If `email` is already a member's, nobody is made and None is returned, but the page answers
    exactly as for a new member (no way to learn who is a member from the join form): the
    member is emailed instead (a fresh confirmation link if they never confirmed, else a note
    with the sign-in and reset links), when `may_email_existing` (the email rate limit) allows.
    """
    existing = Member.objects.filter(email__iexact=email.strip()).first()
    if existing is None:
        member = Member.objects.create_user(
            email,
            password,
            display_name=display_name.strip(),
            awaiting_approval=awaiting_approval,
        )
        invalidate("directory")
        send_confirmation(network=network, member=member, next_url=next_url, base_url=base_url)
        return member
    make_password(password)  # as long as making a member takes
    if may_email_existing and existing.is_active:
        if existing.email_confirmed:
            _send_already_member(network=network, member=existing, base_url=base_url)
        else:
            send_confirmation(
                network=network, member=existing, next_url=next_url, base_url=base_url
            )
    return None


def _send_already_member(*, network: "Network", member: Member, base_url: str) -> None:
    context = {
        "network": network,
        "member": member,
        "signin": base_url + reverse("members:signin"),
        "reset": base_url + reverse("members:password_reset"),
    }
    queue_email(
        " ".join(render_to_string("members/email/already_member_subject.txt", context).split()),
        render_to_string("members/email/already_member_body.txt", context),
        [member.address],
    )


def confirmation_token(member: Member, next_url: str) -> str:
    return signing.dumps(
        {"m": member.pk, "e": member.email, "n": safe_next(next_url)}, salt=CONFIRM_SALT
    )


def send_confirmation(*, network: "Network", member: Member, next_url: str, base_url: str) -> None:
    link = base_url + reverse("members:confirm", args=[confirmation_token(member, next_url)])
    context = {"network": network, "member": member, "link": link}
    queue_email(
        " ".join(render_to_string("members/email/confirm_subject.txt", context).split()),
        render_to_string("members/email/confirm_body.txt", context),
        [member.address],
    )


class InvalidToken(Exception):
    pass


def confirm_email(token: str) -> tuple[Member, str, bool]:
    """Marks the member's email confirmed; returns them, where they wanted to go back to, and
    whether this was the confirmation (True once: the link then only leads to sign-in)."""
    try:
        data: dict[str, Any] = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise InvalidToken("expired") from None
    except signing.BadSignature:
        raise InvalidToken("invalid") from None
    # A link mailed to an old address does not confirm a changed one.
    member_id, email = data.get("m"), data.get("e")
    member = (
        Member.objects.filter(pk=member_id, email=email).first()
        if isinstance(member_id, int)
        else None
    )
    if member is None:
        raise InvalidToken("invalid")
    # Counted atomically: of two clicks at once, one confirms.
    confirmed_now = bool(
        Member.objects.filter(pk=member.pk, email_confirmed=False).update(email_confirmed=True)
    )
    member.email_confirmed = True
    if confirmed_now:
        # One who waits for approval joins when approved (access.services.approve_member);
        # now the administrators hear that they ask.
        if member.awaiting_approval:
            events.publish("access.asked_to_join", actor=member, target=member)
        else:
            events.publish("members.joined", actor=member, target=member)
    return member, safe_next(data.get("n")), confirmed_now


def _resized(image: Image.Image, size: int) -> ContentFile[bytes]:
    copy = image.copy()
    copy.thumbnail((size, size))
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue())


def set_photo(member: Member, upload: UploadedFile[bytes]) -> None:
    """Stores the photo as a bounded JPEG and a small thumbnail; the original is not kept."""
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    image.info = {}  # only the pixels: no EXIF, comment (a GIF's hidden script) or profile
    old = [member.photo.name, member.photo_thumb.name]
    member.photo.save(f"{member.pk}.jpg", _resized(image, PHOTO_SIZE), save=False)
    member.photo_thumb.save(f"{member.pk}.jpg", _resized(image, THUMB_SIZE), save=False)
    member.save(update_fields=["photo", "photo_thumb"])
    storage = member.photo.storage
    for name in old:
        if name and name not in (member.photo.name, member.photo_thumb.name):
            storage.delete(name)


def update_profile(
    member: Member,
    *,
    display_name: str,
    about: str,
    photo: UploadedFile[bytes] | None,
    time_zone: str | None = None,
    language: str | None = None,
) -> Member:
    """Saves what the member wrote of themselves; `time_zone` (None: unchanged, "": the
    network's) is theirs for event times (members/timezones.py); `language` (None: unchanged,
    "": the network's) the interface's (network/middleware.py)."""
    member.display_name = display_name.strip()
    member.about = about
    fields = ["display_name", "about"]
    if time_zone is not None:
        validate_time_zone(time_zone)
        member.time_zone = time_zone
        fields.append("time_zone")
    if language is not None:
        member.language = language
        fields.append("language")
    member.save(update_fields=fields)
    if photo is not None:
        set_photo(member, photo)
    invalidate(*member.cache_tags())
    return member


def _delete_files_after_commit(member: Member) -> None:
    files = [f.name for f in (member.photo, member.photo_thumb) if f.name]
    storage = member.photo.storage

    def delete_files() -> None:
        for name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)


@transaction.atomic
def leave(member: Member, *, keep_content: bool) -> None:
    """The member leaves the network and their account is deleted: with `keep_content`, their
    posts and comments stay, shown as by "a former member" (`anonymise`); without, they are
    deleted with the account (`remove_member`). The creator cannot leave."""
    if not permissions.can_leave(member):
        raise PermissionDenied(permissions.CREATOR_CANNOT_LEAVE)
    member_pk = member.pk
    if keep_content:
        anonymise(member)
    else:
        remove_member(member)
    transaction.on_commit(lambda: end_sessions_task.enqueue(member_pk))


SESSIONS_READ_AT_ONCE = 2000


def end_sessions(member_pk: int) -> int:
    """Deletes the stored sessions of the member (who left); returns how many.

    Sessions in the database are read all (a session names its member only inside its signed
    data): a few seconds per hundred thousand, in the task worker, once per member who leaves.
    Sessions in Redis cannot be searched; they end anyway: a former member's password is gone,
    and Django ends a session whose password changed at its next request; a deleted member's
    session finds nobody. Either way the session cookie opens nothing from the moment the
    member leaves."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not issubclass(store, DatabaseSessionStore):
        return 0
    model = store.get_model_class()
    decoder = store()
    wanted = str(member_pk)
    ended = []
    rows = model.objects.filter(expire_date__gt=timezone.now()).values_list(
        "session_key", "session_data"
    )
    for key, data in rows.iterator(chunk_size=SESSIONS_READ_AT_ONCE):
        if str(decoder.decode(data).get(SESSION_KEY)) == wanted:
            ended.append(key)
    model.objects.filter(session_key__in=ended).delete()
    return len(ended)


@task
def end_sessions_task(member_pk: int) -> None:
    end_sessions(member_pk)


def former_member_name() -> str:
    """What a former member's row holds as their name, in the network's language: templates
    that know (`member.is_former`) say "a former member" in the reader's language instead."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Former member")


@transaction.atomic
def anonymise(member: Member) -> None:
    """Erases everything personal of the member, keeping the row as the author of their posts
    and comments (docs/architecture.md, "Content from elsewhere": every author is a `Member`).

    Other apps first delete what is the member's own and not content (members.removal's leaving
    steps: friendships, answers, drafts…). Then the row loses its name, address, about text,
    photo, handle, roles and password: it is inactive, so it never signs in and is listed
    nowhere; with the password gone every session of the account ends at its next request
    (Django checks each session against the password it was made with). The email is free to
    join again, as a new member.
    """
    for step in removal.leaving_steps():
        step(member)
    _delete_files_after_commit(member)
    member.left_at = timezone.now()
    member.display_name = former_member_name()
    member.handle = unique_handle(f"former-{member.pk}")
    member.email = None
    member.about = ""
    member.time_zone = ""
    member.photo.name = ""
    member.photo_thumb.name = ""
    member.role = Member.Role.MEMBER
    member.is_active = False
    member.is_staff = False
    member.is_superuser = False
    member.email_confirmed = False
    member.featured_at = None
    member.blog_name = ""
    member.moderator_scopes = []
    member.awaiting_approval = False
    member.last_login = None
    member.set_unusable_password()
    member.save()
    member.groups.clear()
    member.user_permissions.clear()
    member.badges.clear()
    # Their name and photo showed on every page (bylines, comments); the directory listed them.
    invalidate(*member.cache_tags())


@transaction.atomic
def remove_member(member: Member) -> None:
    """Deletes the member and everything they wrote, keeping other pages' counts right."""
    for step in removal.steps():
        step(member)
    _delete_files_after_commit(member)
    member.delete()
    # Their posts and comments went with them: every page may have shown something of theirs.
    invalidate(EVERYTHING)


def set_language(member: Member, code: str) -> None:
    """The member's interface language ("" for the network's)."""
    Member.objects.filter(pk=member.pk).update(language=code)
    member.language = code
