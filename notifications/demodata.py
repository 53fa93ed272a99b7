"""The demo network's notifications (loaddemo).

The demo's comments were written through comments.services, so the handlers told the posts'
authors and earlier commenters as they went: those notifications are given their comments'
dates here, and all but the last week's are read. Likes and friend requests are loaded in bulk,
without events, so the sample member (and every author) is told of them here as the handlers
would have: likes grouped per post, requests waiting. The emails the handlers queued while
the demo loaded are dropped: the demo's people are made up.
"""

import datetime as dt
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from friends.models import FriendRequest
from lib.datagen import DemoContext
from lib.email import send_email
from likes.models import Like
from likes.registry import for_kind

from .models import Notification

UNREAD_DAYS = 7


def load(ctx: DemoContext) -> None:
    ctx.later(lambda: _finish(ctx))


def _finish(ctx: DemoContext) -> None:
    DBTaskResult.objects.filter(task_path=send_email.module_path, status="READY").delete()
    comment_type = ContentType.objects.get_for_model(Comment)
    Notification.objects.filter(target_type=comment_type).update(
        created_at=Subquery(
            Comment.objects.filter(pk=OuterRef("target_id")).values("created_at")[:1]
        )
    )
    made = _likes() + _requests()
    Notification.objects.bulk_create(made)
    recent = ctx.now - dt.timedelta(days=UNREAD_DAYS)
    for notification in Notification.objects.filter(created_at__lt=recent):
        notification.read_at = notification.created_at + dt.timedelta(hours=2)
        notification.save(update_fields=["read_at"])
    ctx.count("notifications", Notification.objects.count())


def _likes() -> list[Notification]:
    """One notification per liked post, for its author: "Ayesha and 3 others liked…"."""
    post_model = for_kind("post").model
    post_type = ContentType.objects.get_for_model(post_model)
    by_post: dict[int, list[Like]] = defaultdict(list)
    for like in Like.objects.filter(content_type=post_type).order_by("created_at", "pk"):
        by_post[like.object_id].append(like)
    posts = post_model._default_manager.in_bulk(list(by_post))
    made = []
    for pk, likes in by_post.items():
        post = posts.get(pk)
        if post is None:
            continue
        author_id = post.author_id  # type: ignore[attr-defined]
        likers = [like for like in likes if like.member_id != author_id]
        if not likers:
            continue
        last = likers[-1]
        made.append(
            Notification(
                recipient_id=author_id,
                kind="like",
                actor_id=last.member_id,
                actor_count=len({like.member_id for like in likers}),
                target_type=post_type,
                target_id=pk,
                about_type=post_type,
                about_id=pk,
                group_key=f"like:{post_model._meta.label_lower}:{pk}",
                url=post.get_absolute_url(),  # type: ignore[attr-defined]
                title=str(post)[:200],
                created_at=last.created_at,
            )
        )
    return made


def _requests() -> list[Notification]:
    return [
        Notification(
            recipient_id=request.to_member_id,
            kind="friend-request",
            actor_id=request.from_member_id,
            url=reverse("friends:mine"),
            title=request.from_member.display_name,
            created_at=request.created_at,
        )
        for request in FriendRequest.objects.select_related("from_member")
    ]
