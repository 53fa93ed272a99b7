"""Fills an empty install with the demo network: members, two years of blog posts, comments.

The content comes from the apps: each app with a `demodata.py` module exposes
`load(ctx: DemoContext) -> None`, and this command calls them in INSTALLED_APPS order with one
shared DemoContext (lib/datagen.py: random generator, dates, what earlier apps made), in one
transaction. Each app keeps its demo text in its own `demo/content.py`. A new feature adds its
demo content by adding its own `demodata.py`; nothing here changes.
"""

import datetime as dt
import random
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from lib import events
from lib.datagen import DemoContext, app_modules
from members.demo import content as people
from network.demo import content
from network.models import Network


def loaders() -> list[tuple[str, Any]]:
    """(app label, load function) for each app with a demodata module, in app order."""
    return [(label, module.load) for label, module in app_modules("demodata")]


def load_demo(rng: random.Random, now: dt.datetime) -> DemoContext:
    ctx = DemoContext(rng=rng, now=now, start=now - dt.timedelta(days=content.AGE_DAYS))
    # The loaders write what the events would (activity, notifications) themselves: no
    # notification email per demo comment (lib.events.muted).
    with events.muted():
        for _label, load in loaders():
            load(ctx)
    ctx.finish()
    return ctx


class Command(BaseCommand):
    help = (
        "Loads the demo network (an alumni network with blogs and comments) into an empty database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing, without an error, when the database already has a network.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            if Network.objects.exists():
                if options["if_empty"]:
                    self.stdout.write(
                        "The database already has a network; the demo was not loaded.\n"
                        f"Open {settings.SITE_URL}/"
                    )
                    return
                raise CommandError(
                    "The database already has a network; loaddemo fills only an empty one."
                )
            # Seeded: the same demo every time (nothing here is a secret).
            rng = random.Random(content.SEED)  # noqa: S311
            ctx = load_demo(rng, timezone.now())
        counts = ctx.counts
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo network “{Network.objects.get().name}”: "
                f"{counts['members']} members, {counts['posts']} posts and {counts['drafts']} "
                f"drafts, {counts['comments']} comments."
            )
        )
        member = ctx.made["members"][people.SAMPLE_MEMBER]
        self.stdout.write(f"Open {settings.SITE_URL}/")
        self.stdout.write(f"Sign in as {people.CREATOR.email} / {people.PASSWORD} (the creator)")
        self.stdout.write(f"or as {member.email} / {people.PASSWORD} (a member).")
