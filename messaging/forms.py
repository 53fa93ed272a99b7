"""The forms of the messages pages. Each refusal is a form error that keeps what was typed.

Recipients are typed as names separated by commas (Latin or Arabic), each as the suggestions
write it — "Bilal Ahmed (@bilal-ahmed)" — or as a handle ("@bilal-ahmed", "bilal-ahmed") or an
exact name when only one member has it (find_recipients). They are looked up first (the compose
page, a search), then the message form goes to those members by their handles in the address.
"""

import re
import secrets
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lib.forms import CleanTextMixin
from members.models import Member

from . import services
from .models import MAX_BODY_CHARS, MAX_SUBJECT_CHARS

# A typed list longer than this is not a list of at most MAX_RECIPIENTS names.
MAX_TO_CHARS = 3000
_SEPARATORS = re.compile("[,،]")
_WITH_HANDLE = re.compile(r"\(@([^()\s]+)\)\s*$")


def recipient_label(member: Member) -> str:
    return f"{member.display_name} (@{member.handle})"


def new_token() -> str:
    return secrets.token_urlsafe(18)


class _TokenForm(CleanTextMixin, forms.Form):
    # One per form shown: the same form sent twice writes one message (services.py).
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", new_token())


def _body_field() -> forms.CharField:
    return forms.CharField(
        label=gettext_lazy("Message"),
        max_length=MAX_BODY_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        error_messages={"required": gettext_lazy("Please write your message first.")},
    )


def _subject_field() -> forms.CharField:
    return forms.CharField(
        label=gettext_lazy("Subject"),
        max_length=MAX_SUBJECT_CHARS,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
        error_messages={"required": gettext_lazy("Please give your message a subject.")},
    )


def _check(value: str, clean: Any) -> str:
    try:
        return str(clean(value))
    except ValidationError as e:
        raise ValidationError(e.messages) from None


class WriteForm(_TokenForm):
    """A new thread's subject and first message; the recipients are in the address."""

    subject = _subject_field()
    body = _body_field()
    field_order = ("subject", "body", "token")

    def clean_subject(self) -> str:
        return _check(self.cleaned_data["subject"], services.clean_subject)

    def clean_body(self) -> str:
        return _check(self.cleaned_data["body"], services.clean_body)


def split_names(typed: str) -> list[str]:
    """The entries of a typed list of names, each once, in order."""
    entries = [e.strip() for e in _SEPARATORS.split(typed[:MAX_TO_CHARS])]
    return list(dict.fromkeys(e for e in entries if e))


def find_recipients(writer: Member, entries: list[str]) -> tuple[list[Member], list[str]]:
    """The members the entries name, and what is wrong with them, for the member to read: a
    name nobody has, a name several have, oneself alone, too many, a member they may not
    write to (the last never says why: blocks are not named)."""
    if not entries:
        return [], [_("Please choose at least one member other than yourself.")]
    if len(entries) > services.MAX_RECIPIENTS + 1:  # one of them may be the writer
        return [], [_("At most %(max)d recipients, please.") % {"max": services.MAX_RECIPIENTS}]
    found = _find(entries)
    problems = []
    members: list[Member] = []
    for entry in entries:
        matches = found.get(entry, [])
        if not matches:
            problems.append(_("No member is called “%(name)s”.") % {"name": entry})
        elif len(matches) > 1:
            problems.append(
                _(
                    "Several members are called “%(name)s”: choose one from the suggestions, "
                    "which show their @address."
                )
                % {"name": entry}
            )
        else:
            members.append(matches[0])
    if problems:
        return members, problems
    try:
        return services.check_recipients(writer, members), []
    except ValidationError as e:
        return members, list(e.messages)


def _handle_of(entry: str) -> str | None:
    match = _WITH_HANDLE.search(entry)
    if match:
        return match.group(1)
    if entry.startswith("@"):
        return entry[1:]
    return None


def _find(entries: list[str]) -> dict[str, list[Member]]:
    """The listed members each entry names, in one query: by handle when it gives one, else by
    handle or by name (ignoring case)."""
    handles = {e: _handle_of(e) for e in entries}
    by_handle = {h for h in handles.values() if h}
    plain = [e for e, h in handles.items() if h is None]
    wanted = Q(handle__in=by_handle | set(plain))
    if plain:
        wanted |= Q(name_lower__in={e.lower() for e in plain})
    rows = list(Member.objects.listed().annotate(name_lower=Lower("display_name")).filter(wanted))
    found: dict[str, list[Member]] = {}
    for entry, handle in handles.items():
        if handle is not None:
            found[entry] = [m for m in rows if m.handle == handle]
            continue
        exact = [m for m in rows if m.handle == entry]
        found[entry] = exact or [m for m in rows if m.display_name.lower() == entry.lower()]
    return found


class ReplyForm(_TokenForm):
    body = _body_field()
    field_order = ("body", "token")

    def clean_body(self) -> str:
        return _check(self.cleaned_data["body"], services.clean_body)


class BroadcastForm(_TokenForm):
    subject = _subject_field()
    body = _body_field()
    field_order = ("subject", "body", "token")

    def clean_subject(self) -> str:
        return _check(self.cleaned_data["subject"], services.clean_subject)

    def clean_body(self) -> str:
        return _check(self.cleaned_data["body"], services.clean_body)


class PolicyForm(forms.Form):
    admins_may_broadcast = forms.BooleanField(
        label=gettext_lazy("Administrators may send messages to every member"), required=False
    )
