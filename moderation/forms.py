from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from lib.forms import CleanTextMixin

from .models import NOTE_CHARS, REASON_CHARS

REASON_WIDGET = forms.Textarea(attrs={"rows": 4, "dir": "auto"})


def _required_text(value: str, message: "StrOrPromise") -> str:
    value = value.strip()
    if not value:
        raise ValidationError(message)
    return value


class ReportForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why should the moderators look at this?"),
        max_length=REASON_CHARS,
        widget=REASON_WIDGET,
        help_text=_("Only the network's moderators read it."),
        error_messages={"required": _("Please say what is wrong with it.")},
    )

    def clean_reason(self) -> str:
        return _required_text(
            str(self.cleaned_data["reason"]), _("Please say what is wrong with it.")
        )


class ActionForm(CleanTextMixin, forms.Form):
    """The reason of a moderator's action (kept in the log; sent to the author when warned)."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        widget=REASON_WIDGET,
    )

    def __init__(self, *args: Any, reason_required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reason_required = reason_required
        if reason_required:
            field = self.fields["reason"]
            field.required = True
            field.error_messages["required"] = _("Please give a reason.")

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data.get("reason") or "").strip()
        if self.reason_required and not reason:
            raise ValidationError(_("Please give a reason."))
        return reason


class SuspendForm(ActionForm):
    delete_content = forms.BooleanField(
        label=_(
            "Also delete everything they wrote (posts, discussions, comments, photos, "
            "events, videos). This cannot be undone."
        ),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, reason_required=True, **kwargs)


class NoteForm(CleanTextMixin, forms.Form):
    body = forms.CharField(
        label=_("Add a private note"),
        max_length=NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Moderators and administrators read notes; the member never does."),
        error_messages={"required": _("Please write the note.")},
    )

    def clean_body(self) -> str:
        return _required_text(str(self.cleaned_data["body"]), _("Please write the note."))


class LogFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.TypedChoiceField(label=_("By"), required=False, coerce=int, empty_value=None)

    def __init__(
        self,
        *args: Any,
        actions: list[str],
        actors: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        action_field = self.fields["action"]
        assert isinstance(action_field, forms.ChoiceField)
        action_field.choices = [("", _("Every action")), *[(a, a) for a in actions]]
        actor_field = self.fields["actor"]
        assert isinstance(actor_field, forms.ChoiceField)
        actor_field.choices = [("", _("Anyone")), *actors]
