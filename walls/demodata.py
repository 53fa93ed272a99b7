"""The demo network's comment walls (loaddemo): members greet one another on their pages, and
about half the time the wall's member answers. Written through the comments service (counts,
events); a comment the rate limit or a rule refuses (a block) is left out. Dates fall within
the last months; each writer and wall member is "seen" then, so both joined before."""

import datetime as dt

from django.core.exceptions import PermissionDenied

from comments.models import Comment
from comments.services import add_comment
from lib.datagen import DemoContext
from members.models import Member

from .demo import content
from .services import find_wall

# Wall comments are from this many days ago at most.
WALL_DAYS = 150
REPLY_SHARE = 0.5


def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    members: dict[str, Member] = ctx.made["members"]
    stamped: list[Comment] = []
    for writer_key, owner_key, body in content.WALL_COMMENTS:
        writer, owner = members[writer_key], members[owner_key]
        wall = find_wall(owner.pk)
        if wall is None:
            continue
        when = ctx.now - dt.timedelta(days=rng.uniform(1, WALL_DAYS))
        try:
            comment = add_comment(wall, writer, body)
        except PermissionDenied:  # the rate limit (TooManyComments) or a block
            continue
        comment.created_at = when
        stamped.append(comment)
        ctx.saw(writer.pk, when)
        ctx.saw(owner.pk, when)
        if rng.random() < REPLY_SHARE:
            try:
                reply = add_comment(wall, owner, rng.choice(content.OWNER_REPLIES), parent=comment)
            except PermissionDenied:
                continue
            reply.created_at = min(ctx.now, when + dt.timedelta(hours=rng.uniform(1, 48)))
            stamped.append(reply)
    Comment.objects.bulk_update(stamped, ["created_at"], batch_size=500)
    ctx.count("wall comments", len(stamped))
