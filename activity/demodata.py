"""The demo network's Latest Activity (loaddemo): derived from the demo itself — the members
who joined, the posts, the comments (and wall comments) and the friendships — at their dates.

The demo is loaded with the events muted (lib.events.muted), its content stamped with its
dates afterwards. So once every app has loaded and set its dates, the entries are made from
what is there: joins, posts, comments and friendships in bulk, the same way as the
benchmark's (benchdata.entries); the other apps' kinds (a discussion started, an event,
photos, videos, a group made or joined) replayed from their `Kind.history`.
"""

from django.contrib.auth.models import AnonymousUser

from comments import registry as comments
from lib import events
from lib.datagen import DemoContext
from members.models import Member

from . import kinds, registry, services
from .benchdata import Published, entries, post_model
from .models import Entry


def load(ctx: DemoContext) -> None:
    # Twice later: after the steps of apps loaded after this one, which set their dates then.
    ctx.later(lambda: ctx.later(lambda: _derive(ctx)))


# The kinds made from the data in bulk (as the benchmark's); the other apps' kinds (a
# discussion started, an event, photos, a group…) are replayed from their `history`.
DERIVED = (kinds.JOINED.event, kinds.PUBLISHED.event, kinds.COMMENTED.event, kinds.BEFRIENDED.event)


def _derive(ctx: DemoContext) -> None:
    Entry.objects.all().delete()
    replayed = _replay()
    joined = Member.objects.local().filter(email_confirmed=True).values_list("pk", "date_joined")
    made = Entry.objects.bulk_create(
        entries(joined=list(joined), posts=_published()), batch_size=500
    )
    ctx.count("activity entries", len(made) + replayed)


def _replay() -> int:
    """The entries of the other apps' kinds (a discussion started, an event, photos, a group
    made or joined), from what their demo steps made: their events were muted while they
    loaded. Written through the stream's own `record`, then dated when it happened."""
    made = 0
    for kind in registry.kinds():
        if kind.history is None or kind.event in DERIVED:
            continue
        for actor, target, at in kind.history():
            entry = services.write(events.Event(kind.event, actor=actor, target=target))
            if entry is not None:
                Entry.objects.filter(pk=entry.pk).update(created_at=at)
                made += 1
    return made


def _published() -> list[Published]:
    model = post_model()
    if model is None:
        return []
    registration = comments.for_model(model)
    visitor = AnonymousUser()
    found = []
    for post in model._default_manager.all():
        if registration.is_open(post):  # published
            found.append(
                Published(
                    pk=post.pk,
                    at=getattr(post, "published_at", None) or post.created_at,  # type: ignore[attr-defined]
                    author=registration.author_id(post),
                    hidden=not registration.can_view(visitor, post),
                )
            )
    return found
