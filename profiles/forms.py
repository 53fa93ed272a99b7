import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin
from lib.validators import validate_web_address
from members.models import Member

from .models import Answer, Question

MAX_CHOICES = 50
MAX_CHOICE_CHARS = 100
SHORT_ANSWER_CHARS = 200
LONG_ANSWER_CHARS = 2000
LINK_CHARS = 500
FIELD_PREFIX = "question_"


class QuestionForm(CleanTextMixin, forms.ModelForm[Question]):
    choices_text = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("For single and multiple choice: one choice a line."),
    )

    class Meta:
        model = Question
        fields = ("label", "help_text", "kind", "required", "visibility", "searchable")
        widgets = {
            "label": forms.TextInput(attrs={"dir": "auto"}),
            "help_text": forms.TextInput(attrs={"dir": "auto"}),
        }
        help_texts = {"kind": _("It cannot be changed later: the answers were given for it.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["kind"].disabled = True
            self.fields["choices_text"].initial = "\n".join(self.instance.choices)

    def clean_choices_text(self) -> list[str]:
        lines = str(self.cleaned_data.get("choices_text") or "").splitlines()
        choices = list(dict.fromkeys(line.strip() for line in lines if line.strip()))
        if len(choices) > MAX_CHOICES:
            raise ValidationError(
                _("At most %(n)d choices."), code="too_many", params={"n": MAX_CHOICES}
            )
        if any(len(c) > MAX_CHOICE_CHARS for c in choices):
            raise ValidationError(
                _("A choice can be at most %(n)d characters."),
                code="too_long",
                params={"n": MAX_CHOICE_CHARS},
            )
        return choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        kind = cleaned.get("kind")
        choices = cleaned.get("choices_text")
        if kind in (Question.Kind.CHOICE, Question.Kind.CHOICES) and choices == []:
            self.add_error("choices_text", _("Give at least one choice, one a line."))
        return cleaned

    def save(self, commit: bool = True) -> Question:
        self.instance.choices = self.cleaned_data.get("choices_text") or []
        return super().save(commit=commit)


def field_name(question: Question) -> str:
    return f"{FIELD_PREFIX}{question.pk}"


def answer_field(question: Question, initial: str | None = None) -> forms.Field:
    """The form field asking `question`, with a stored answer as its initial value."""
    common: dict[str, Any] = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required,
    }
    text_attrs = {"dir": "auto"}
    field: forms.Field
    match question.kind:
        case Question.Kind.LONG:
            field = forms.CharField(
                max_length=LONG_ANSWER_CHARS,
                widget=forms.Textarea(attrs={"rows": 4, **text_attrs}),
                **common,
            )
        case Question.Kind.CHOICE:
            field = forms.ChoiceField(
                choices=[("", "—"), *((c, c) for c in question.choices)], **common
            )
        case Question.Kind.CHOICES:
            field = forms.MultipleChoiceField(
                choices=[(c, c) for c in question.choices],
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        case Question.Kind.DATE:
            field = forms.DateField(
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                input_formats=["%Y-%m-%d"],
                **common,
            )
        case Question.Kind.LINK:
            field = forms.URLField(
                max_length=LINK_CHARS,
                assume_scheme="https",
                validators=[validate_web_address],
                widget=forms.URLInput(attrs=text_attrs),
                **common,
            )
        case _:
            field = forms.CharField(
                max_length=SHORT_ANSWER_CHARS, widget=forms.TextInput(attrs=text_attrs), **common
            )
    if initial:
        field.initial = _initial(question, initial)
    return field


def _initial(question: Question, stored: str) -> object:
    if question.kind == Question.Kind.CHOICES:
        return stored.splitlines()
    if question.kind == Question.Kind.DATE:
        try:
            return dt.date.fromisoformat(stored)
        except ValueError:
            return None
    return stored


def answer_fields(questions: list[Question], member: Member | None) -> dict[str, forms.Field]:
    """The fields of the questions asked now (members/profilefields.py)."""
    if not questions:
        return {}
    stored: dict[int, str] = {}
    if member is not None:
        stored = dict(
            Answer.objects.filter(member=member, question__in=questions).values_list(
                "question_id", "value"
            )
        )
    return {field_name(q): answer_field(q, stored.get(q.pk)) for q in questions}


def answers_from(questions: list[Question], cleaned_data: Mapping[str, Any]) -> dict[int, Any]:
    """Question id → cleaned value, for the questions the form asked."""
    return {q.pk: cleaned_data[field_name(q)] for q in questions if field_name(q) in cleaned_data}


class FeatureForm(forms.Form):
    featured = forms.TypedChoiceField(
        choices=[("1", _("Feature")), ("0", _("Stop featuring"))], coerce=lambda v: v == "1"
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])
