"""The "Tags" field content apps add to their forms."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .services import MAX_TAG_CHARS, MAX_TAGS, parse_tags


class TagsField(forms.CharField):
    """Comma-separated tags: cleans to a list of names (first spelling of each key), at most
    MAX_TAGS of at most MAX_TAG_CHARS characters each; a form error otherwise (what was typed
    stays in the box)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Tags"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 1000)
        kwargs.setdefault("help_text", _("Separate tags with commas, at most 10."))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("dir", "auto")

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value)
        names = parse_tags(text or "")
        if len(names) > MAX_TAGS:
            raise ValidationError(
                ngettext("At most %(max)d tag, please.", "At most %(max)d tags, please.", MAX_TAGS)
                % {"max": MAX_TAGS},
                code="too_many",
            )
        long = [name for name in names if len(name) > MAX_TAG_CHARS]
        if long:
            raise ValidationError(
                _("A tag has at most %(max)d characters: “%(tag)s” is longer.")
                % {"max": MAX_TAG_CHARS, "tag": long[0]},
                code="too_long",
            )
        return names
