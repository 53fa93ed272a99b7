"""Rows made straight in the database at chosen moments: the analytics page counts what is
stored, whenever and however it was written."""

import datetime as dt
from itertools import count

from django.contrib.contenttypes.models import ContentType
from django.db import models

from blogs.models import Post
from comments.models import Comment
from forum.models import Category, Discussion
from groups.models import Group
from likes.models import Like
from members.models import Member

_serial = count(1)


def post(
    author: Member, at: dt.datetime, *, title: str = "", status: str = "published", **fields: object
) -> Post:
    n = next(_serial)
    return Post.objects.create(
        author=author,
        title=title or f"Post {n}",
        slug=f"post-{n}",
        body="Text",
        body_html="<p>Text</p>",
        status=status,
        published_at=at,
        created_at=at,
        **fields,
    )


def comment(author: Member, target: models.Model, at: dt.datetime, **fields: object) -> Comment:
    return Comment.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        author=author,
        body="Well said",
        body_html="<p>Well said</p>",
        created_at=at,
        **fields,
    )


def like(member: Member, target: models.Model, at: dt.datetime) -> Like:
    return Like.objects.create(
        member=member,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        created_at=at,
    )


def discussion(
    author: Member, at: dt.datetime, *, group: Group | None = None, title: str = ""
) -> Discussion:
    n = next(_serial)
    category = None
    if group is None:
        category, _created = Category.objects.get_or_create(
            slug="general", defaults={"name": "General"}
        )
    return Discussion.objects.create(
        category=category,
        group=group,
        author=author,
        title=title or f"Discussion {n}",
        slug=f"discussion-{n}",
        body="Text",
        body_html="<p>Text</p>",
        created_at=at,
        last_activity_at=at,
    )
