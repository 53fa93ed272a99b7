import csv
import io
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lib.forms import CleanTextMixin
from lib.validators import validate_email_address
from network.models import Network

from .services import MAX_ADDRESSES

# A CSV of addresses: a few hundred bytes a line is plenty.
MAX_CSV_BYTES = 512 * 1024
_SPLIT = re.compile(r"[\s,;]+")


# The form's checkbox for each feature whose new content can wait for approval.
WAITING = {
    "posts_wait": "blogs",
    "discussions_wait": "forum",
    "comments_wait": "comments",
    "photos_wait": "photos",
    "events_wait": "events",
}


class AccessSettingsForm(forms.ModelForm[Network]):
    class Meta:
        model = Network
        fields = ("visibility", "join_mode", "members_may_invite")
        widgets = {
            "visibility": forms.RadioSelect,
            "join_mode": forms.RadioSelect,
        }
        help_texts = {
            "visibility": _(
                "A private network shows visitors nothing but the pages to sign in, join and "
                "reset a password: no posts, feeds, photos or member list."
            ),
            "members_may_invite": _(
                "Members may then invite people by email from the Invite page. Administrators "
                "always may."
            ),
        }

    # Network.approval_required: one checkbox per feature whose new content can wait
    # (moderation.approval.FEATURES; access sits below moderation, so named here).
    posts_wait = forms.BooleanField(
        label=_("New blog posts by members wait for a moderator's approval"),
        help_text=_(
            "A waiting post is seen only by its author and the moderators, who approve or "
            "reject it in the moderation queue. Moderators' and administrators' posts never wait."
        ),
        required=False,
    )
    discussions_wait = forms.BooleanField(
        label=_("New forum discussions by members wait for a moderator's approval"),
        required=False,
    )
    comments_wait = forms.BooleanField(
        label=_("New comments and replies by members wait for a moderator's approval"),
        required=False,
    )
    photos_wait = forms.BooleanField(
        label=_("New photos by members wait for a moderator's approval"), required=False
    )
    events_wait = forms.BooleanField(
        label=_("New events by members wait for a moderator's approval"),
        help_text=_(
            "Waiting content is seen only by its author and that feature's moderators; a "
            "rejected discussion, comment, photo or event is deleted, its author told why."
        ),
        required=False,
    )

    hold_links = forms.BooleanField(
        label=_(
            "A new member's blog posts, discussions, events and comments with links wait for a "
            "moderator's approval"
        ),
        help_text=_(
            "For a week after someone joins, what they write that holds an address or a link "
            "waits in the moderation queue: the way spam usually comes in."
        ),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hold_links"].initial = self.instance.hold_new_members_links
        required = self.instance.approval_required or []
        for field, feature in WAITING.items():
            self.fields[field].initial = feature in required

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        others = [f for f in (self.instance.approval_required or []) if f not in WAITING.values()]
        self.instance.approval_required = others + [
            feature for field, feature in WAITING.items() if cleaned.get(field)
        ]
        self.instance.hold_new_members_links = bool(cleaned.get("hold_links"))
        return cleaned


def _addresses(text: str) -> list[str]:
    return [part.strip().strip("<>\"'").lower() for part in _SPLIT.split(text) if part.strip()]


def _csv_addresses(upload: UploadedFile[bytes]) -> list[str]:
    """An `email` column if the first row names one, else the first column."""
    if upload.size is not None and upload.size > MAX_CSV_BYTES:
        raise ValidationError(_("That file is too large: at most 512 KB of addresses."))
    raw = upload.read(MAX_CSV_BYTES + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("That file is not a CSV file in UTF-8.")) from None
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise ValidationError(_("That file is not a CSV file we can read.")) from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = [cell.strip().lower() for cell in rows[0]]
    column = header.index("email") if "email" in header else 0
    if "email" in header or (header and "@" not in header[0]):
        rows = rows[1:]
    return [row[column].strip().lower() for row in rows if len(row) > column and row[column]]


class _InviteForm(CleanTextMixin, forms.Form):
    """What both ways of inviting share: a message, and the checks of the addresses found."""

    message = forms.CharField(
        label=_("A few words from you (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )

    def __init__(self, *args: Any, allowed: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    source_field = ""

    def found(self, cleaned: dict[str, Any]) -> list[str]:
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        try:
            found = self.found(cleaned)
        except ValidationError as e:
            self.add_error(self.source_field, e)
            return cleaned
        if not found:
            raise ValidationError(_("Give at least one email address."), code="empty")
        unique = list(dict.fromkeys(found))
        wrong = []
        for address in unique:
            try:
                forms.EmailField().clean(address)
                validate_email_address(address)
            except ValidationError:
                wrong.append(address)
        if wrong:
            shown = ", ".join(wrong[:5]) + ("…" if len(wrong) > 5 else "")
            raise ValidationError(
                ngettext(
                    "This is not an email address: %(shown)s",
                    "These are not email addresses: %(shown)s",
                    len(wrong),
                ),
                code="invalid",
                params={"shown": shown},
            )
        if len(unique) > MAX_ADDRESSES:
            raise ValidationError(
                _("At most %(max)d addresses at once, please: this has %(count)d."),
                code="too_many",
                params={"max": MAX_ADDRESSES, "count": len(unique)},
            )
        if len(unique) > self.allowed:
            raise ValidationError(
                _(
                    "You may send %(left)d more invitations today; this has %(count)d. "
                    "Please try again tomorrow."
                ),
                code="rate_limited",
                params={"left": self.allowed, "count": len(unique)},
            )
        cleaned["emails"] = unique
        return cleaned


class InviteForm(_InviteForm):
    """One or several addresses, typed or pasted."""

    addresses = forms.CharField(
        label=_("Email addresses"),
        max_length=MAX_ADDRESSES * 80,
        widget=forms.Textarea(
            attrs={"rows": 5, "autocomplete": "off", "dir": "ltr", "inputmode": "email"}
        ),
        help_text=_("One or several: one a line, or separated by commas."),
    )
    field_order = ("addresses", "message")
    source_field = "addresses"

    def found(self, cleaned: dict[str, Any]) -> list[str]:
        return _addresses(cleaned.get("addresses") or "")


class CsvInviteForm(forms.Form):
    """Addresses from a spreadsheet's CSV export: read into the addresses box, to be checked
    and sent from there."""

    csv_file = forms.FileField(
        label=_("A CSV file"),
        help_text=_("With an “email” column, or the addresses in the first column."),
    )

    def clean_csv_file(self) -> list[str]:
        upload = self.cleaned_data["csv_file"]
        found = list(dict.fromkeys(_csv_addresses(upload)))
        if not found:
            raise ValidationError(_("That file holds no addresses."), code="empty")
        if len(found) > MAX_ADDRESSES:
            raise ValidationError(
                _("At most %(max)d addresses at once, please: this has %(count)d."),
                code="too_many",
                params={"max": MAX_ADDRESSES, "count": len(found)},
            )
        return found
