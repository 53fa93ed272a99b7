import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin
from members.models import Member

from .queries import MAX_QUERY_CHARS
from .registry import Searchable
from .text import narrowing, words


class SearchForm(CleanTextMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        error_messages={
            "max_length": _(
                "A search can be at most %(limit_value)d characters (it has %(show_value)d): "
                "try fewer words."
            )
        },
    )
    kind = forms.ChoiceField(label=_("Show"), required=False)
    # A member's profile address (their handle, as in /members/<handle>/).
    author = forms.CharField(label=_("By"), required=False, max_length=100)
    since = forms.DateField(
        label=_("Since"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Type a date like 2025-03-28.")},
    )

    def __init__(self, *args: Any, kinds: list[Searchable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("Everything"))]
        choices += [(k.key, k.label) for k in kinds]
        self.fields["kind"].choices = choices  # type: ignore[attr-defined]
        self.fields["author"].widget.attrs.update({"placeholder": _("profile address")})
        self.fields["since"].widget.attrs.update({"max": "9999-12-31"})

    def clean_since(self) -> dt.date | None:
        since: dt.date | None = self.cleaned_data.get("since")
        if since is not None and since.year < 1900:
            raise forms.ValidationError(_("Type a date after 1900."))
        return since

    def author_member(self) -> Member | None:
        """The member named by `author` (None: nobody asked, or nobody has that address: the
        page then says so and finds nothing)."""
        handle = (self.cleaned_data.get("author") or "").strip()
        if not handle:
            return None
        return Member.objects.listed().filter(handle=handle).only("pk", "display_name").first()

    @property
    def words(self) -> list[str]:
        return narrowing(words(self.cleaned_data.get("q") or "")) if self.is_valid() else []
