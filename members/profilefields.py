"""Fields other apps add to the join form and to a member's profile settings.

An app that asks members something at join and lets them change it later (profiles: the
network's profile questions) registers, in its AppConfig.ready(), a function giving the form
fields (with a member's current values as initial values, or none at join) and a function that
saves what a member typed. members.forms puts the fields into JoinForm and ProfileForm;
members.views saves them in the same transaction as the member — at join only for a member who
was made (a taken email makes nobody: members.services.join) — so `members` never imports
those apps.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms

if TYPE_CHECKING:
    from .models import Member

type Fields = Callable[["Member | None"], dict[str, forms.Field]]
type Save = Callable[["Member", Mapping[str, Any]], object]


@dataclass(frozen=True)
class Extra:
    name: str
    fields: Fields
    save: Save


_registry: dict[str, Extra] = {}


def register(name: str, fields: Fields, save: Save) -> None:
    """`fields(member)`: the form fields, named uniquely to the app (`member` None at join);
    `save(member, cleaned_data)`: stores what was typed into them."""
    _registry[name] = Extra(name, fields, save)


def unregister(name: str) -> None:
    _registry.pop(name, None)


def fields_for(member: "Member | None") -> dict[str, forms.Field]:
    found: dict[str, forms.Field] = {}
    for extra in _registry.values():
        found.update(extra.fields(member))
    return found


def save_all(member: "Member", cleaned_data: Mapping[str, Any]) -> None:
    for extra in _registry.values():
        extra.save(member, cleaned_data)
