"""What every form of the site shares: the text rule of lib/text.py at the edge."""

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator

from .text import clean_text
from .validators import MAX_PASSWORD_CHARS


def _cleaning(to_python: Any, *, multiline: bool) -> Any:
    def to_python_cleaned(value: Any) -> Any:
        if isinstance(value, str):
            value = clean_text(value, multiline=multiline)
        return to_python(value)

    return to_python_cleaned


class CleanTextMixin:
    """Passes every text field's input through `lib.text.clean_text` before the field's own
    validation: single-line for text inputs, multi-line for textareas. Passwords are left
    exactly as typed (what is typed at sign-in must match what was typed at join), and limited
    in length.

    Put it first among the bases: `class PostForm(CleanTextMixin, forms.ModelForm[Post])`.
    """

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField):
                continue
            if isinstance(field.widget, forms.PasswordInput):
                # Also where no password validator runs (sign-in): hashing a megabyte takes
                # a second of the server's time.
                field.max_length = MAX_PASSWORD_CHARS
                field.validators.append(MaxLengthValidator(MAX_PASSWORD_CHARS))
                continue
            multiline = isinstance(field.widget, forms.Textarea)
            # What people type takes its direction from its own first letters (Urdu right to
            # left in the English interface, English left to right in the Urdu one).
            if isinstance(field.widget, (forms.TextInput, forms.Textarea, forms.SearchInput)):
                field.widget.attrs.setdefault("dir", "auto")
            # Each form instance has its own copies of the fields: patching one is local.
            field.to_python = _cleaning(field.to_python, multiline=multiline)  # type: ignore[method-assign]
