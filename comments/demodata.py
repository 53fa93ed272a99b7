"""Replies in the demo network (loaddemo): under about a third of the comments earlier apps
made (blogs: comments on posts), the owner of what the comment is on answers, and now and then
another member joins in.

Generic over what is commented on: the owner comes from the target's registration, as the
plug-in knows it. Written through the service (counts, events); a reply the rate limit or a
rule refuses is left out.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied

from lib.datagen import DemoContext
from members.models import Member

from . import registry
from .demo import content
from .models import Comment
from .services import add_comment

REPLIED_SHARE = 0.35
SECOND_REPLY_SHARE = 0.3
# Replies come within this long after the comment.
REPLY_WINDOW = dt.timedelta(days=3)


def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    members: dict[str, Member] = ctx.made["members"]
    by_pk = {m.pk: m for m in members.values()}
    writes_urdu = {members[key].pk for key in content.URDU_WRITERS}
    stamped: list[Comment] = []
    parents = Comment.objects.filter(parent=None, hidden_at=None).select_related("author")
    for parent in list(parents.order_by("created_at", "id")):
        if rng.random() >= REPLIED_SHARE:
            continue
        target = parent.target
        if target is None:
            continue
        owner = registry.for_target(target).author_id(target)
        repliers = [owner] if owner != parent.author_id and owner in by_pk else []
        if not repliers or rng.random() < SECOND_REPLY_SHARE:
            others = [pk for pk in by_pk if pk not in (owner, parent.author_id)]
            repliers.append(rng.choice(others))
        when = parent.created_at
        for author_pk in repliers:
            gap = min(REPLY_WINDOW, (ctx.now - when) / 2) * rng.random() ** 2
            when = min(ctx.now, when + max(gap, dt.timedelta(minutes=5)))
            body = rng.choice(content.REPLIES)
            if author_pk in writes_urdu and rng.random() < 0.5:
                body = rng.choice(content.URDU_REPLIES)
            try:
                reply = add_comment(target, by_pk[author_pk], body, parent=parent)
            except PermissionDenied:  # the rate limit (TooManyComments) or a rule
                continue
            reply.created_at = when
            stamped.append(reply)
            ctx.saw(author_pk, when)
    Comment.objects.bulk_update(stamped, ["created_at"], batch_size=500)
    ctx.count("replies", len(stamped))
