from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin
from tags.forms import TagsField
from tags.services import tags_text

from . import attachments as rules
from .models import MAX_CATEGORY_POSITION, Attachment, Category, Discussion


class CategoryForm(CleanTextMixin, forms.ModelForm[Category]):
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=MAX_CATEGORY_POSITION,
        help_text=_("Categories are listed by position, lowest first."),
    )

    class Meta:
        model = Category
        fields = ("name", "description", "position")
        widgets = {
            "name": forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
            "description": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        }

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Please give the category a name."))
        return name


class DeleteCategoryForm(forms.Form):
    move_to = forms.ModelChoiceField(
        queryset=Category.objects.none(),
        label=_("Move its discussions to"),
        required=False,
    )

    def __init__(
        self, *args: Any, category: Category, has_discussions: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["move_to"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Category.objects.exclude(pk=category.pk)
        field.required = has_discussions
        if not has_discussions:
            del self.fields["move_to"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


class DiscussionForm(CleanTextMixin, forms.ModelForm[Discussion]):
    tags = TagsField()
    new_files = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Pictures and documents (%(types)s), at most %(n)d per discussion, 10 MB each.")
        % {"types": rules.allowed_extensions(), "n": rules.MAX_FILES},
    )
    remove = forms.ModelMultipleChoiceField(
        queryset=Attachment.objects.none(),
        required=False,
        label=_("Remove these attachments"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Discussion
        fields = ("category", "title", "body")
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
            "body": forms.Textarea(attrs={"rows": 14, "dir": "auto", "data-mentions": ""}),
        }
        help_texts = {
            "body": _(
                "Markdown: **bold**, *italic*, [link](https://…), ![image](https://…), > quote"
            )
        }

    def __init__(self, *args: Any, in_group: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if in_group or self.instance.group_id is not None:
            # A group's discussion stays in its group: no category.
            del self.fields["category"]
        else:
            category = self.fields["category"]
            assert isinstance(category, forms.ModelChoiceField)
            category.empty_label = None
            category.required = True
        remove = self.fields["remove"]
        assert isinstance(remove, forms.ModelMultipleChoiceField)
        if self.instance.pk:
            remove.queryset = self.instance.attachments.all()
        if not self.instance.pk or not self.instance.attachments.exists():
            del self.fields["remove"]
        self.checked: list[rules.Checked] = []
        if self.instance.pk and not self.is_bound:
            self.initial.setdefault("tags", tags_text(self.instance))

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError(_("Please give your discussion a title."))
        return title

    def clean_body(self) -> str:
        body = str(self.cleaned_data["body"])
        if not body.strip():
            raise ValidationError(_("Please write something to start the discussion."))
        return body

    def clean_new_files(self) -> list[Any]:
        uploads = self.cleaned_data.get("new_files") or []
        if len(uploads) > rules.MAX_FILES:
            raise ValidationError(
                _("A discussion can have at most %(max)d attachments."),
                params={"max": rules.MAX_FILES},
            )
        errors: list[ValidationError] = []
        for upload in uploads:
            try:
                self.checked.append(rules.check(upload))
            except ValidationError as e:
                errors.append(e)
        if errors:
            raise ValidationError(errors)
        return list(uploads)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        removed = len(cleaned.get("remove") or [])
        kept = (self.instance.attachments.count() if self.instance.pk else 0) - removed
        if "new_files" in cleaned and kept + len(self.checked) > rules.MAX_FILES:
            self.add_error(
                "new_files",
                ValidationError(
                    _("A discussion can have at most %(max)d attachments."),
                    params={"max": rules.MAX_FILES},
                ),
            )
        return cleaned
