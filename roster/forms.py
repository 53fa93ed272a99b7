from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from lib import ratelimit
from lib.forms import CleanTextMixin
from lib.pictures import validate_picture
from members.models import MAX_BADGE_POSITION, Badge, Member
from profiles.models import Answer, Question

from .services import FEATURES

MAX_QUERY_CHARS = 100
DATE = {"type": "date"}
MAX_POSITION = MAX_BADGE_POSITION

STATES = [
    ("", _("Any state")),
    ("active", _("Active")),
    ("pending", _("Waiting for approval")),
    ("suspended", _("Suspended")),
    ("unconfirmed", _("Email not confirmed")),
]

FEATURE_LABELS = {
    "blogs": _("Blogs"),
    "comments": _("Comments"),
    "forum": _("Forum"),
    "groups": _("Groups"),
    "events": _("Events"),
    "photos": _("Photos"),
}


class MemberFilterForm(CleanTextMixin, forms.Form):
    """The member list's search and filters (GET): every field optional, a wrong value is a
    form error and the list shows everyone."""

    q = forms.CharField(label=_("Name or email"), required=False, max_length=MAX_QUERY_CHARS)
    state = forms.ChoiceField(label=_("State"), choices=STATES, required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("Any role")), *Member.Role.choices], required=False
    )
    joined_from = forms.DateField(
        label=_("Joined on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    joined_to = forms.DateField(
        label=_("Joined on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    question = forms.ModelChoiceField(
        label=_("Answered the question"),
        queryset=Question.objects.all(),
        required=False,
        empty_label=_("Any or none"),
    )
    answer = forms.CharField(
        label=_("with an answer containing"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        help_text=_("Without a question: an answer to any question."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("joined_from"), data.get("joined_to")
        if start and end and start > end:
            self.add_error("joined_to", _("The end comes before the start."))
        return data

    def filter(self, members: QuerySet[Member]) -> QuerySet[Member]:
        """`members` narrowed to what was asked (nothing, when the form is refused)."""
        if not self.is_valid():
            return members
        data = self.cleaned_data
        if data["q"]:
            members = members.filter(
                Q(display_name__icontains=data["q"]) | Q(email__icontains=data["q"])
            )
        state = data["state"]
        if state == "active":
            members = members.filter(is_active=True, awaiting_approval=False)
        elif state == "pending":
            members = members.filter(awaiting_approval=True)
        elif state == "suspended":
            members = members.filter(suspended_at__isnull=False)
        elif state == "unconfirmed":
            members = members.filter(email_confirmed=False)
        if data["role"]:
            members = members.filter(role=data["role"])
        if data["joined_from"]:
            members = members.filter(date_joined__date__gte=data["joined_from"])
        if data["joined_to"]:
            members = members.filter(date_joined__date__lte=data["joined_to"])
        # A question: who answered it (with the text, if one is given); the text alone: who
        # answered any question with it.
        if data["question"] is not None or data["answer"]:
            answers = Answer.objects.all()
            if data["question"] is not None:
                answers = answers.filter(question=data["question"])
            if data["answer"]:
                answers = answers.filter(value__icontains=data["answer"])
            members = members.filter(pk__in=answers.values("member_id"))
        return members


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Member.Role.MEMBER, _("Member")),
            (Member.Role.MODERATOR, _("Moderator")),
            (Member.Role.ADMIN, _("Administrator")),
        ],
        widget=forms.RadioSelect,
    )
    scopes = forms.MultipleChoiceField(
        label=_("Moderates"),
        choices=[(key, FEATURE_LABELS[key]) for key in FEATURES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a moderator: none ticked means every feature."),
    )

    def __init__(self, *args: Any, may_make_admins: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_make_admins:
            field = self.fields["role"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [
                (Member.Role.MEMBER, _("Member")),
                (Member.Role.MODERATOR, _("Moderator")),
            ]


class BadgesForm(forms.Form):
    badges = forms.ModelMultipleChoiceField(
        label=_("Badges"),
        queryset=Badge.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class SuspendForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea)
    delete_content = forms.BooleanField(
        label=_("Also delete everything they wrote (posts, comments, photos…)"), required=False
    )


class ReasonForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason (kept in the log)"), max_length=2000, required=False, widget=forms.Textarea
    )


class BadgeForm(CleanTextMixin, forms.ModelForm[Badge]):
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=MAX_POSITION,
        initial=0,
        help_text=_("Badges show in this order, lowest first."),
    )

    class Meta:
        model = Badge
        fields = ["name", "image", "position"]
        help_texts = {"image": _("Optional: a small picture shown beside the name.")}

    def clean_image(self) -> Any:
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            validate_picture(image)
        return image


class HandOverForm(forms.Form):
    to = forms.ModelChoiceField(
        label=_("Hand the network to"),
        queryset=Member.objects.none(),
        empty_label=None,
        help_text=_("Only administrators can take the network over."),
    )
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, creator: Member, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.creator = creator
        field = self.fields["to"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Member.objects.listed()
            .filter(role=Member.Role.ADMIN, email_confirmed=True)
            .exclude(pk=creator.pk)
            .order_by("display_name", "id")
        )

    def clean_password(self) -> str:
        """Wrong passwords are counted like sign-in attempts (as when leaving)."""
        password = str(self.cleaned_data["password"])
        limit, window = settings.RATELIMIT_SIGNIN
        if ratelimit.record_attempt("hand-over", str(self.creator.pk), window) > limit:
            raise forms.ValidationError(
                _("Too many wrong passwords. Please wait %(minutes)d minutes and try again."),
                params={"minutes": window // 60},
            )
        if not self.creator.check_password(password):
            raise forms.ValidationError(_("That is not your password. Nothing was changed."))
        ratelimit.forget_attempt("hand-over", str(self.creator.pk))
        return password
