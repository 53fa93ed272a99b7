"""The kinds search declares itself: members and comments, which sit below it (the content
apps declare theirs in their own search.py)."""

from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from comments import registry as comments_registry
from comments.models import Comment
from lib.tasks import enqueue_with_change
from members.models import Member
from members.permissions import is_admin, is_member
from profiles.models import Answer, Question, Visibility

from . import registry
from .indexing import quiet, reindex_kind_task
from .models import Entry
from .registry import Document, Searchable

# --- Members ---------------------------------------------------------------------------------

EVERYONE, MEMBERS, ADMINS = 0, 1, 2
_AUDIENCE = {Visibility.EVERYONE: EVERYONE, Visibility.MEMBERS: MEMBERS, Visibility.ADMINS: ADMINS}


def audience_of(viewer: object) -> int:
    """Which members' answers `viewer` may find people by (profiles/permissions.py: the
    directory's levels)."""
    if is_admin(viewer):
        return ADMINS
    return MEMBERS if is_member(viewer) else EVERYONE


def _searchable_answers() -> QuerySet[Answer]:
    return Answer.objects.filter(question__removed_at=None, question__searchable=True).order_by(
        "question__position", "question_id"
    )


def _member_documents(member: Member) -> list[Document]:
    """One document per audience that sees more of the member's searchable answers: everyone
    (the name, answers shown to everyone), members (and answers shown to members),
    administrators (and answers shown to them only)."""
    answers: list[tuple[int, str]] = [
        (_AUDIENCE.get(a.question.visibility, ADMINS), a.value)
        for a in member.searchable_answers  # type: ignore[attr-defined]
    ]
    documents = []
    for audience in (EVERYONE, MEMBERS, ADMINS):
        if audience and not any(level == audience for level, _value in answers):
            continue
        body = "\n".join(value for level, value in answers if level <= audience)
        documents.append(Document(title=member.display_name, body=body, audience=audience))
    return documents


def _member_rows() -> QuerySet[Member]:
    return Member.objects.local().prefetch_related(
        Prefetch(
            "profile_answers",
            queryset=_searchable_answers().select_related("question"),
            to_attr="searchable_answers",
        )
    )


def _member_audience(viewer: object) -> Q:
    """The one document of each member for `viewer`: the most they may see."""
    level = audience_of(viewer)
    if level == EVERYONE:
        return Q(audience=EVERYONE)
    more = Entry.objects.filter(
        kind="member",
        object_id=OuterRef("object_id"),
        audience__gt=OuterRef("audience"),
        audience__lte=level,
    )
    return Q(audience__lte=level) & ~Q(Exists(more))


MEMBER = Searchable(
    key="member",
    label=_("Members"),
    label_one=_("Member"),
    model=Member,
    # Local, not suspended, not waiting for approval (search leaves out blocks by itself).
    visible_to=lambda viewer: Member.objects.listed(),
    title=lambda m: m.display_name,
    body=lambda m: "",
    author_id=lambda m: m.pk,
    date=lambda m: m.date_joined,
    url=lambda m: m.get_absolute_url(),
    date_field="date_joined",
    queryset=_member_rows,
    watch_fields=frozenset(
        {"display_name", "handle", "is_active", "awaiting_approval", "left_at", "origin"}
    ),
    dependents=((Answer, lambda answer: [answer.member_id]),),
    documents=_member_documents,
    entry_filter=_member_audience,
)


# --- Comments --------------------------------------------------------------------------------


def commented_kinds() -> list[Searchable]:
    """The searchable kinds that take comments (posts, discussions, events, photos, videos,
    groups' walls). Comments elsewhere (members' walls) are not searched."""
    found = []
    for kind in registry.kinds():
        if kind.key == "comment":
            continue
        try:
            comments_registry.for_model(kind.model)
        except LookupError:
            continue
        found.append(kind)
    return found


def comments_on(kinds: list[Searchable], viewer: object) -> QuerySet[Comment]:
    """Shown comments on things of `kinds` that `viewer` may see, asked of each kind's own
    privacy."""
    on_visible = Q(pk__in=[])
    for kind in kinds:
        content_type = ContentType.objects.get_for_model(kind.model)
        target_seen = Exists(kind.visible_to(viewer).filter(pk=OuterRef("object_id")))
        on_visible |= Q(content_type_id=content_type.pk) & Q(target_seen)
    return Comment.objects.filter(on_visible, hidden_at=None, pending_at=None)


def _comments_visible_to(viewer: object) -> QuerySet[Comment]:
    return comments_on(commented_kinds(), viewer)


def _comment_rows() -> QuerySet[Comment]:
    types = [ContentType.objects.get_for_model(k.model).pk for k in commented_kinds()]
    return Comment.objects.filter(content_type_id__in=types).prefetch_related("target")


def _comment_documents(comment: Comment) -> list[Document]:
    target = comment.target
    return [Document(title="", body=comment.body, context=str(target) if target else "")]


def _comment_url(comment: Comment) -> str:
    target: Any = comment.target
    return f"{target.get_absolute_url()}#comment-{comment.pk}" if target is not None else ""


def _comment_date(comment: Comment) -> datetime:
    return comment.created_at


COMMENT = Searchable(
    key="comment",
    label=_("Comments"),
    label_one=_("Comment"),
    model=Comment,
    visible_to=_comments_visible_to,
    title=lambda c: "",
    body=lambda c: c.body,
    author_id=lambda c: c.author_id,
    date=_comment_date,
    url=_comment_url,
    queryset=_comment_rows,
    watch_fields=frozenset({"body"}),
    documents=_comment_documents,
)


def _questions_changed(sender: type[Question], instance: Question, **kwargs: Any) -> None:
    # Which answers are searchable, and by whom, is the questions' business: every member's
    # documents are made again (one queued task).
    if not kwargs.get("raw") and not quiet():
        enqueue_with_change(reindex_kind_task, MEMBER.key)


def register_all() -> None:
    registry.register(MEMBER)
    registry.register(COMMENT)
    post_save.connect(_questions_changed, sender=Question, dispatch_uid="search:questions")
    post_delete.connect(_questions_changed, sender=Question, dispatch_uid="search:questions-d")
