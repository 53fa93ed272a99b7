from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lib.forms import CleanTextMixin

from .models import Post, RelatedLink
from .services import MAX_TAGS, parse_tags


class PostForm(CleanTextMixin, forms.ModelForm[Post]):
    tags_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas."),
    )
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_(
            "Leave empty to publish at once. A time to come (in the network's time zone) "
            "schedules the post: it goes public by itself then."
        ),
    )

    class Meta:
        model = Post
        fields = ("title", "body")
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
            "body": forms.Textarea(attrs={"rows": 18, "dir": "auto", "data-mentions": ""}),
        }
        help_texts = {
            "body": _(
                "Markdown: **bold**, *italic*, [link](https://…), ![image](https://…), > quote"
            )
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.is_published:
            del self.fields["publish_at"]  # public already: nothing to schedule
        elif self.instance.is_scheduled:
            self.initial.setdefault("publish_at", self.instance.published_at)

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError(_("Please give your post a title."))
        return title

    def clean_body(self) -> str:
        body = str(self.cleaned_data["body"])
        if not body.strip():
            raise ValidationError(_("Please write something in your post."))
        return body

    def clean_tags_text(self) -> list[str]:
        tags = parse_tags(self.cleaned_data["tags_text"])
        if len(tags) > MAX_TAGS:
            raise ValidationError(_("At most %(max)d tags, please."), params={"max": MAX_TAGS})
        return tags


class RelatedLinkForm(CleanTextMixin, forms.ModelForm[RelatedLink]):
    class Meta:
        model = RelatedLink
        fields = ("url", "title", "source", "excerpt")
        widgets = {
            "url": forms.URLInput(attrs={"placeholder": "https://"}),
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "source": forms.TextInput(attrs={"dir": "auto"}),
            "excerpt": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        }


RelatedLinkFormSet = forms.inlineformset_factory(
    Post,
    RelatedLink,
    form=RelatedLinkForm,
    extra=2,
    max_num=20,
    validate_max=True,
    can_delete=True,
)
