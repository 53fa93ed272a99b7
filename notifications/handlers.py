"""Who is told of what: this app's kinds, and its handlers of the other apps' events
(lib/events.py), subscribed in AppConfig.ready().

Each recipient hears of one event once, by its most particular kind: the owner of a post that
is commented on gets "commented on your post", not also "also commented" or "mentioned you".
"""

import re
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from comments import registry as comments
from comments.models import Comment
from comments.permissions import can_moderate_comments
from lib import events
from lib.tasks import enqueue_with_change
from likes import registry as likes
from members.models import Member
from members.permissions import is_admin

from . import kinds, services
from .kinds import Delivery, Kind
from .models import Notification
from .services import MAX_RECIPIENTS_PER_EVENT, About

# How many members one text may mention: more is a mass notification, not a mention.
MAX_MENTIONS = 20
# @handle: a handle is a slug (letters of any script, digits, "-" and "_"), after a space,
# a line's start or punctuation — not inside an address (name@example.org).
MENTION = re.compile(r"(?<![\w@.])@([\w-]+)")


# --- Kinds -----------------------------------------------------------------------------------


def _comment_sentence(n: Notification) -> str:
    return (
        _("%(actor)s commented on your post “%(title)s”")
        if n.title
        else _("%(actor)s commented on your post")
    )


def _wall_sentence(n: Notification) -> str:
    return _("%(actor)s wrote on your wall")


def _reply_sentence(n: Notification) -> str:
    return _("%(actor)s replied to your comment on “%(title)s”")


def _also_sentence(n: Notification) -> str:
    return _("%(actor)s also commented on “%(title)s”")


def _request_sentence(n: Notification) -> str:
    return _("%(actor)s wants to be your friend")


def _accepted_sentence(n: Notification) -> str:
    return _("%(actor)s accepted your friend request")


def _message_sentence(n: Notification) -> str:
    return (
        _("%(actor)s sent you a message: “%(title)s”")
        if n.title
        else _("%(actor)s sent you a message")
    )


def _broadcast_sentence(n: Notification) -> str:
    return (
        _("%(actor)s sent a message to every member: “%(title)s”")
        if n.title
        else _("%(actor)s sent a message to every member")
    )


def _like_sentence(n: Notification) -> str:
    others = max(n.actor_count - 1, 0)
    if n.about_type_id != n.target_type_id:  # a comment, liked on the post it is on
        if not others:
            return _("%(actor)s liked your comment on “%(title)s”")
        return ngettext(
            "%(actor)s and %(others)d other liked your comment on “%(title)s”",
            "%(actor)s and %(others)d others liked your comment on “%(title)s”",
            others,
        )
    if not others:
        return _("%(actor)s liked your post “%(title)s”")
    return ngettext(
        "%(actor)s and %(others)d other liked your post “%(title)s”",
        "%(actor)s and %(others)d others liked your post “%(title)s”",
        others,
    )


def _mention_sentence(n: Notification) -> str:
    return _("%(actor)s mentioned you in “%(title)s”")


def _asked_to_join_sentence(n: Notification) -> str:
    others = max(n.actor_count - 1, 0)
    if not others:
        return _("%(actor)s asks to join the network")
    return ngettext(
        "%(actor)s and %(others)d other ask to join the network",
        "%(actor)s and %(others)d others ask to join the network",
        others,
    )


COMMENT, WALL, REPLY, ALSO = "comment", "wall", "reply", "also-commented"
ASKED_TO_JOIN = "asked-to-join"
FRIEND_REQUEST, FRIEND_ACCEPTED = "friend-request", "friend-accepted"
MESSAGE, BROADCAST, LIKE, MENTION_KIND = "message", "broadcast", "like", "mention"

KINDS = [
    Kind(
        COMMENT, gettext_lazy("Comments on my posts"), Delivery.EMAIL, _comment_sentence, order=10
    ),
    Kind(WALL, gettext_lazy("Comments on my wall"), Delivery.EMAIL, _wall_sentence, order=11),
    Kind(REPLY, gettext_lazy("Replies to my comments"), Delivery.EMAIL, _reply_sentence, order=12),
    Kind(
        ALSO,
        gettext_lazy("Comments after mine on the same page"),
        Delivery.DAILY,
        _also_sentence,
        order=13,
    ),
    Kind(
        MENTION_KIND,
        gettext_lazy("Mentions of me (@name)"),
        Delivery.EMAIL,
        _mention_sentence,
        order=20,
    ),
    Kind(MESSAGE, gettext_lazy("Messages to me"), Delivery.EMAIL, _message_sentence, order=30),
    Kind(
        BROADCAST,
        gettext_lazy("Messages to every member"),
        Delivery.EMAIL,
        _broadcast_sentence,
        order=31,
    ),
    Kind(
        FRIEND_REQUEST,
        gettext_lazy("Friend requests"),
        Delivery.EMAIL,
        _request_sentence,
        order=40,
    ),
    Kind(
        FRIEND_ACCEPTED,
        gettext_lazy("Friend requests accepted"),
        Delivery.PAGE,
        _accepted_sentence,
        order=41,
    ),
    Kind(
        LIKE,
        gettext_lazy("Likes of my posts and comments"),
        Delivery.WEEKLY,
        _like_sentence,
        grouped=True,
        order=50,
    ),
    Kind(
        ASKED_TO_JOIN,
        gettext_lazy("People asking to join the network"),
        Delivery.EMAIL,
        _asked_to_join_sentence,
        grouped=True,
        order=80,
        audience=is_admin,
    ),
]


# --- What things are -------------------------------------------------------------------------


def _title(obj: object) -> str:
    title = getattr(obj, "title", None) or getattr(obj, "subject", None)
    if title:
        return str(title)
    if isinstance(obj, Member):
        return obj.display_name
    return str(obj) if obj is not None else ""


def _text(obj: object) -> str:
    return str(getattr(obj, "body", "") or "")


def _url(obj: object) -> str:
    get = getattr(obj, "get_absolute_url", None)
    return str(get()) if callable(get) else ""


def _comment_url(comment: Comment, on: models.Model) -> str:
    return f"{_url(on)}#comment-{comment.pk}"


def _sees(on: models.Model) -> Callable[[Member], bool]:
    """Who may see `on` and the comments on it, as its registration says."""
    try:
        commentable = comments.for_target(on)
    except LookupError:
        return lambda member: True

    def sees(member: Member) -> bool:
        if not commentable.can_view(member, on):
            return False
        hidden_authors = getattr(commentable, "hidden_authors", None)
        if hidden_authors is None:
            return True
        return commentable.author_id(on) not in hidden_authors(member, on)

    return sees


# --- Mentions --------------------------------------------------------------------------------


def mentioned_handles(text: str) -> list[str]:
    """The handles `@written` in `text`, each once, in order (at most MAX_MENTIONS)."""
    found: list[str] = []
    for match in MENTION.finditer(text):
        handle = match.group(1).strip("-_").lower()
        if handle and handle not in found:
            found.append(handle)
    return found[:MAX_MENTIONS]


def mentioned_members(text: str) -> list[Member]:
    handles = mentioned_handles(text)
    if not handles:
        return []
    return list(Member.objects.listed().filter(handle__in=handles))


def _mention(
    actor: Member,
    text: str,
    about: models.Model,
    details: About,
    sees: Callable[[Member], bool],
    told: set[int],
) -> set[int]:
    """Notifies the members `@mentioned` in `text` who were not told of the event already;
    returns the ids of all it mentions."""
    mentioned = mentioned_members(text)
    members = [m for m in mentioned if m.pk not in told]
    if members:
        # A post published again (after going back to draft) does not mention them twice.
        already = set(
            Notification.objects.filter(
                kind=MENTION_KIND,
                recipient__in=members,
                target_type=ContentType.objects.get_for_model(about),
                target_id=about.pk,
            ).values_list("recipient_id", flat=True)
        )
        fresh = [m for m in members if m.pk not in already]
        services.notify(MENTION_KIND, fresh, actor=actor, about=details, can_view=sees)
    return {m.pk for m in mentioned}


# --- Handlers --------------------------------------------------------------------------------


def on_comment(event: events.Event) -> None:
    """A comment is told through the task queue: the comment's request pays one queued task,
    not the rows, preferences, blocks and emails of everyone it concerns."""
    if isinstance(event.target, Comment) and event.data.get("on") is not None:
        enqueue_with_change(tell_of_comment, event.target.pk)


@task
def tell_of_comment(comment_pk: int) -> None:
    """Tells who a comment concerns, each once by the most particular kind: the owner of what
    it is on, the author of the comment it replies to, the members it mentions, then up to
    MAX_RECIPIENTS_PER_EVENT of those who commented there before it (the most recent first)."""
    comment = (
        Comment.objects.filter(pk=comment_pk, hidden_at=None, pending_at=None)
        .select_related("author", "parent")
        .first()
    )
    on = comment.target if comment is not None else None
    if comment is None or on is None:
        return  # deleted or hidden since: nothing to tell
    actor = comment.author
    sees = _sees(on)
    told: set[int] = {actor.pk}
    about = About(comment, _comment_url(comment, on), _title(on), comment.body, where=on)

    def tell(kind: str, members: Iterable[Member]) -> None:
        fresh = [m for m in members if m.pk not in told]
        services.notify(kind, fresh, actor=actor, about=about, can_view=sees)
        told.update(m.pk for m in fresh)

    try:
        commentable = comments.for_target(on)
    except LookupError:
        commentable = None
    if isinstance(on, Member):
        tell(WALL, [on])
    elif commentable is not None and commentable.kind == "wall":
        # A member's wall (walls.Wall, registered as kind "wall"): its owner is told.
        tell(WALL, Member.objects.filter(pk=commentable.author_id(on)))
    elif commentable is not None and not commentable.tells_own_followers:
        tell(COMMENT, Member.objects.filter(pk=commentable.author_id(on)))
    if comment.parent is not None:
        tell(REPLY, Member.objects.filter(pk=comment.parent.author_id))
    told.update(_mention(actor, comment.body, comment, about, sees, told))
    if commentable is not None and commentable.tells_own_followers:
        return  # its followers (the starter and the repliers among them) hear of it from its app
    earlier = (
        Comment.objects.filter(
            content_type_id=comment.content_type_id,
            object_id=comment.object_id,
            hidden_at=None,
            pending_at=None,
        )
        # Before it: the task may run after later comments were written.
        .filter(pk__lt=comment.pk)
        .exclude(author_id__in=told)
        .values("author_id")
        .annotate(last=Max("created_at"))
        .order_by("-last")[:MAX_RECIPIENTS_PER_EVENT]
    )
    authors = [row["author_id"] for row in earlier]
    tell(ALSO, Member.objects.filter(pk__in=authors))


def on_post_published(event: events.Event) -> None:
    post = event.target
    if post is None:
        return
    about = About(post, _url(post), _title(post), _text(post)[:300])
    _mention(event.actor, _text(post), post, about, _sees(post), {event.actor.pk})


def on_like(event: events.Event) -> None:
    target = event.target
    if target is None:
        return
    try:
        likeable = likes.for_target(target)
    except LookupError:
        return
    owner_id = likeable.owner_id(target)
    if owner_id is None:
        return
    where: models.Model = target
    title = _title(target)
    if isinstance(target, Comment):
        on = target.target
        if on is not None:
            where, title = on, _title(on)
    about = About(target, likeable.url(target), title, _text(target), where=where)
    kind_key = f"{target._meta.label_lower}:{target.pk}"
    services.notify(
        LIKE,
        Member.objects.filter(pk=owner_id),
        actor=event.actor,
        about=about,
        can_view=lambda member: likeable.can_view(member, target),
        group_key=f"like:{kind_key}",
    )


def on_friend_request(event: events.Event) -> None:
    asked = event.target
    if not isinstance(asked, Member):
        return
    about = About(None, reverse("friends:mine"), event.actor.display_name)
    services.notify(FRIEND_REQUEST, [asked], actor=event.actor, about=about)


def on_friend_accepted(event: events.Event) -> None:
    asker = event.target
    if not isinstance(asker, Member):
        return
    about = About(None, event.actor.get_absolute_url(), event.actor.display_name)
    services.notify(FRIEND_ACCEPTED, [asker], actor=event.actor, about=about)
    # The request is answered: its notification has nothing left to do.
    Notification.objects.filter(
        recipient=event.actor, actor=asker, kind=FRIEND_REQUEST, read_at=None
    ).update(read_at=timezone.now())


def _on_message(kind: str) -> events.Handler:
    def handler(event: events.Event) -> None:
        message = event.target
        recipients = [m for m in event.data.get("recipients", []) if isinstance(m, Member)]
        if message is None or not recipients:
            return
        about = About(message, _url(message) or "/", _title(message), _text(message))
        for start in range(0, len(recipients), 1000):
            services.notify(kind, recipients[start : start + 1000], actor=event.actor, about=about)

    return handler


def on_blocked(event: events.Event) -> None:
    if isinstance(event.target, Member):
        services.forget_between(event.actor, event.target)


def on_gone(event: events.Event) -> None:
    """A post or comment deleted: what was said about it goes."""
    if event.target is not None:
        services.forget_about(event.target)


def on_out_of_sight(event: events.Event) -> None:
    """A post hidden or back in draft, a comment hidden: those who may no longer see it
    lose what they were told about it."""
    target = event.target
    if target is None:
        return
    on = event.data.get("on")
    if isinstance(target, Comment) and on is not None:
        # Only moderators still see a hidden comment.
        services.forget_unseeable(target, can_moderate_comments)
        return
    services.forget_unseeable(target, _sees(target))


def on_asked_to_join(event: events.Event) -> None:
    """A new member waits for approval (access/): the administrators hear, in one grouped
    line until they read it."""
    admins = Member.objects.listed().filter(role__in=(Member.Role.CREATOR, Member.Role.ADMIN))
    about = About(None, reverse("access:pending"), event.actor.display_name)
    services.notify(
        ASKED_TO_JOIN, list(admins), actor=event.actor, about=about, group_key="asked-to-join"
    )


HANDLERS: dict[str, events.Handler] = {
    "access.asked_to_join": on_asked_to_join,
    "comments.added": on_comment,
    "blogs.published": on_post_published,
    "likes.added": on_like,
    "friends.requested": on_friend_request,
    "friends.accepted": on_friend_accepted,
    "friends.blocked": on_blocked,
    "messages.sent": _on_message(MESSAGE),
    "messages.broadcast": _on_message(BROADCAST),
    "blogs.deleted": on_gone,
    "comments.deleted": on_gone,
    "blogs.unpublished": on_out_of_sight,
    "blogs.hidden": on_out_of_sight,
    "comments.hidden": on_out_of_sight,
}


def register_all() -> None:
    for kind in KINDS:
        kinds.register(kind)
    for name, handler in HANDLERS.items():
        events.subscribe(name, handler)
