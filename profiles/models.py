from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.models import FromElsewhere

if TYPE_CHECKING:
    from members.models import Member  # noqa: F401


class Visibility(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    MEMBERS = "members", _("Members")
    ADMINS = "admins", _("Administrators only")


class QuestionQuerySet(models.QuerySet["Question"]):
    def active(self) -> "QuestionQuerySet":
        """Questions asked now; removed ones keep their answers for administrators."""
        return self.filter(removed_at=None)


class Question(FromElsewhere):
    """A profile question the network's administrators ask every member (at join and in their
    profile settings)."""

    class Kind(models.TextChoices):
        SHORT = "short", _("Short text")
        LONG = "long", _("Long text")
        CHOICE = "choice", _("Single choice")
        CHOICES = "choices", _("Multiple choice")
        DATE = "date", _("Date")
        LINK = "link", _("Link")

    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices)
    # The choices of the two choice kinds, in order; answers store the chosen text itself, so
    # renaming a choice keeps the earlier answers readable.
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)
    visibility = models.CharField(
        _("shown to"), max_length=10, choices=Visibility.choices, default=Visibility.EVERYONE
    )
    searchable = models.BooleanField(
        _("searchable"),
        default=False,
        help_text=_("Members can be found in the directory by their answer."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta(FromElsewhere.Meta):
        verbose_name = _("profile question")
        verbose_name_plural = _("profile questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.CHOICE, self.Kind.CHOICES)

    def cache_tags(self) -> list[str]:
        """Every member page shows the questions; the directory searches by them."""
        return ["profile-questions", "directory"]


class Answer(FromElsewhere):
    """A member's answer to a question, as text: a multiple choice one choice a line, a date
    in ISO form (YYYY-MM-DD)."""

    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="profile_answers"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(max_length=2000)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta(FromElsewhere.Meta):
        verbose_name = _("profile answer")
        verbose_name_plural = _("profile answers")
        constraints = [
            *FromElsewhere.Meta.constraints,
            models.UniqueConstraint(fields=["member", "question"], name="one_answer_per_question"),
            models.CheckConstraint(condition=~Q(value=""), name="answer_not_empty"),
        ]
        indexes = [models.Index(fields=["question", "member"], name="answer_by_question")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value[:40]}"

    def cache_tags(self) -> list[str]:
        return [f"profile:{self.member_id}", "directory"]
