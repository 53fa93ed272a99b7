"""The demo forum (loaddemo): a few categories and discussions with replies, written through
the services (counts, follows); the loader mutes events, so the last replies and the repliers'
follows are set here as the handlers would. Dates fall within the last months."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from comments.models import Comment
from comments.services import add_comment
from groups.models import Group
from lib.datagen import DemoContext
from members.models import Member

from . import services
from .demo import content
from .models import Category, Discussion, Follow

DAYS = 90


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
    creator = Member.objects.filter(role=Member.Role.CREATOR).first()
    if creator is None:
        return
    categories = [
        services.save_category(
            Category(), by=creator, name=name, description=text, position=10 * (i + 1)
        )
        for i, (name, text) in enumerate(content.CATEGORIES)
    ]
    made = 0
    replies = 0
    for thread in content.THREADS:
        author = members.get(thread.author)
        if author is None:
            continue
        started = ctx.now - dt.timedelta(days=ctx.rng.uniform(10, DAYS))
        try:
            discussion = services.start_discussion(
                by=author,
                category=categories[thread.category],
                title=thread.title,
                body=thread.body,
            )
        except PermissionDenied:  # an unconfirmed demo member
            continue
        Discussion.objects.filter(pk=discussion.pk).update(
            created_at=started, updated_at=started, last_activity_at=started
        )
        ctx.saw(author.pk, started)
        when = started
        for key, body in thread.replies:
            replier = members.get(key)
            if replier is None:
                continue
            when = min(ctx.now, when + dt.timedelta(hours=ctx.rng.uniform(2, 72)))
            try:
                reply = add_comment(discussion, replier, body)
            except PermissionDenied:
                continue
            Comment.objects.filter(pk=reply.pk).update(created_at=when)
            Follow.objects.get_or_create(member=replier, discussion=discussion)
            Discussion.objects.filter(pk=discussion.pk).update(
                last_reply_at=when, last_reply_by=replier, last_activity_at=when
            )
            ctx.saw(replier.pk, when)
            replies += 1
        if thread.pinned or thread.closed:
            Discussion.objects.filter(pk=discussion.pk).update(
                pinned=thread.pinned, closed_at=timezone.now() if thread.closed else None
            )
        made += 1
    for category in categories:
        services.refresh_category(category)
    made += _group_threads(ctx, members)
    ctx.made["discussions"] = {d.title: d for d in Discussion.objects.all()}
    ctx.count("forum categories", len(categories))
    ctx.count("discussions", made)
    ctx.count("discussion replies", replies)


def _group_threads(ctx: DemoContext, members: dict[str, Member]) -> int:
    """A discussion in a public group and one in a private group (groups load first)."""
    groups: dict[str, Group] = ctx.made.get("groups", {})
    made = 0
    for thread in content.GROUP_THREADS:
        group = groups.get(thread.group)
        author = members.get(thread.author)
        if group is None or author is None:
            continue
        try:
            discussion = services.start_discussion(
                by=author, group=group, title=thread.title, body=thread.body
            )
        except PermissionDenied:
            continue
        started = ctx.now - dt.timedelta(days=ctx.rng.uniform(2, 20))
        Discussion.objects.filter(pk=discussion.pk).update(
            created_at=started, updated_at=started, last_activity_at=started
        )
        when = started
        for key, body in thread.replies:
            replier = members.get(key)
            if replier is None:
                continue
            when = min(ctx.now, when + dt.timedelta(hours=ctx.rng.uniform(2, 48)))
            try:
                reply = add_comment(discussion, replier, body)
            except PermissionDenied:
                continue
            Comment.objects.filter(pk=reply.pk).update(created_at=when)
            Follow.objects.get_or_create(member=replier, discussion=discussion)
            Discussion.objects.filter(pk=discussion.pk).update(
                last_reply_at=when, last_reply_by=replier, last_activity_at=when
            )
        made += 1
    return made
