"""The demo network's Latest Activity (loaddemo): derived from the demo itself — the members
who joined, the posts, the comments (and wall comments) and the friendships — at their dates.

The demo's posts and comments are written through the services, whose events make entries as
they go, but stamped with their real dates only afterwards, and friendships are written in
bulk without events. So once every app has loaded and set its dates, the entries are made
again from what is there, in the same way as the benchmark's (benchdata.entries).
"""

from django.contrib.auth.models import AnonymousUser

from comments import registry as comments
from lib.datagen import DemoContext
from members.models import Member

from .benchdata import Published, entries, post_model
from .models import Entry


def load(ctx: DemoContext) -> None:
    # Twice later: after the steps of apps loaded after this one, which set their dates then.
    ctx.later(lambda: ctx.later(lambda: _derive(ctx)))


def _derive(ctx: DemoContext) -> None:
    Entry.objects.all().delete()
    joined = Member.objects.local().filter(email_confirmed=True).values_list("pk", "date_joined")
    made = Entry.objects.bulk_create(
        entries(joined=list(joined), posts=_published()), batch_size=500
    )
    ctx.count("activity entries", len(made))


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
