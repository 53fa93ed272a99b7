"""The demo network's groups (loaddemo): public and private ones, open, by request and by
invitation, with members, requests and invitations waiting, and a few words on their walls.
Written through the services, as members would; a member the demo does not have is left out."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError

from comments.models import Comment
from comments.services import add_comment
from lib.datagen import DemoContext
from members.models import Member

from . import services
from .demo import content
from .models import Group, Membership

GROUP_DAYS = 200


def load(ctx: DemoContext) -> None:
    members: dict[str, Member] = ctx.made["members"]
    made: dict[str, Group] = {}
    for spec in content.GROUPS:
        people = [members[key] for key in spec.members if key in members]
        if not people:
            continue
        maker, *others = people
        group = services.create_group(
            by=maker,
            name=spec.name,
            slug=spec.slug,
            description=spec.description,
            is_private=spec.private,
            joining=spec.joining,
        )
        when = ctx.now - dt.timedelta(days=ctx.rng.uniform(30, GROUP_DAYS))
        Group.objects.filter(pk=group.pk).update(created_at=when, active_at=when)
        ctx.saw(maker.pk, when)
        for other in others:
            services.invite(group, other, by=maker)
            services.accept_invitation(group, by=other)
        Membership.objects.filter(group=group).update(joined_at=when)
        for key in spec.asking:
            if key in members:
                try:
                    services.ask_to_join(group, by=members[key])
                except ValidationError:
                    continue
        for key in spec.invited:
            if key in members:
                services.invite(group, members[key], by=maker)
        for i, (key, text) in enumerate(spec.wall):
            if key in members:
                try:
                    comment = add_comment(group, members[key], text)
                except PermissionDenied:
                    continue
                # Written over the days after the group began, never in the future.
                said = min(ctx.now, when + dt.timedelta(days=i + 1, hours=5))
                Comment.objects.filter(pk=comment.pk).update(created_at=said)
        made[spec.slug] = group
    ctx.made["groups"] = made
    ctx.count("groups", len(made))
