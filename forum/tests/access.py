"""The forum's part of the access matrix (tests/test_access_matrix.py).

Lists and discussions are public; a hidden discussion is its author's, moderators' and
administrators' (404 for everyone else, on every route that names it). The author and
administrators edit; the author, moderators and administrators delete; moderators hide, pin
and close (POST only for pin and close). Members follow (unconfirmed ones too: it writes
nothing others read). Categories are the administrators'. Replies go through the comments
plug-in: a closed discussion takes none (403 for everyone).

A group's discussions ("@group" rows) are on the groups app's private group (`world.group`,
groups/tests/access.py): `group_admin` runs it, `group_member` is in it and started the
discussion under test, `invited` is invited and `requester` asked to join (neither in it yet),
`member` is neither. Its readers (its two members, network administrators and the creator)
read its discussions and files; everyone else gets 404. Only its members start and reply
(readers outside it: 403). A public group's discussion list is everyone's; only its members
(group_admin, group_member) start there.
"""

from typing import Any

from comments.models import Comment
from comments.services import add_comment
from forum import attachments, services
from forum.models import Attachment, Category, Discussion
from forum.tests.helpers import make_category, make_discussion, pdf, png
from tests.test_access_matrix import (
    ADMINS_ACT,
    LOGIN,
    ONWARD,
    PUBLIC,
    REDIRECT,
    World,
    confirm_then_act,
    row,
)

# The groups app's private group (groups/tests/access.py): its members, who reads it, and the
# group personas outside it (the invited and the requester, not in it yet).
GROUP_MEMBERS = ("group_admin", "group_member")
GROUP_READERS = ("group_admin", "group_member", "administrator", "creator")
OUTSIDE = ("invited", "requester")

MODERATORS_POST = row((405, LOGIN), signed_in=(405, 403), moderators=(405, REDIRECT))

MATRIX = {
    "forum:index": PUBLIC,
    "forum:latest": PUBLIC,
    "forum:feed_rss": PUBLIC,
    "forum:feed_atom": PUBLIC,
    "forum:category": PUBLIC,
    "forum:mine": row((LOGIN, LOGIN), signed_in=(200, 200)),
    "forum:start": row((LOGIN, LOGIN), unconfirmed=(REDIRECT, REDIRECT), confirmed=(200, REDIRECT)),
    "forum:discussion": PUBLIC,
    "forum:discussion@hidden": row((404, 404), author=(200, 200), moderators=(200, 200)),
    "forum:discussion_short": ONWARD,
    "forum:edit": confirm_then_act("author", "administrator", "creator"),
    "forum:edit@hidden": confirm_then_act(
        "author", "administrator", "creator", refused=(404, 404), moderator=(403, 403)
    ),
    "forum:delete": confirm_then_act("author", "moderator", "administrator", "creator"),
    "forum:delete@hidden": confirm_then_act(
        "author", "moderator", "administrator", "creator", refused=(404, 404)
    ),
    "forum:hide": confirm_then_act("moderator", "administrator", "creator"),
    "forum:unhide": confirm_then_act("moderator", "administrator", "creator"),
    "forum:pin": MODERATORS_POST,
    "forum:unpin": MODERATORS_POST,
    "forum:close": MODERATORS_POST,
    "forum:reopen": MODERATORS_POST,
    "forum:follow": row((405, LOGIN), signed_in=(405, REDIRECT)),
    "forum:unfollow": row((405, LOGIN), signed_in=(405, REDIRECT)),
    "forum:follow@hidden": row(
        (405, LOGIN), signed_in=(405, 404), author=(405, REDIRECT), moderators=(405, REDIRECT)
    ),
    "forum:quote": row((200, 405)),
    "forum:quote@hidden": row((404, 405), author=(200, 405), moderators=(200, 405)),
    "forum:attachment": row((200, 405)),
    "forum:attachment@hidden": row((404, 405), author=(200, 405), moderators=(200, 405)),
    "forum:manage": row((LOGIN, LOGIN), signed_in=(403, 403), admins=(200, 200)),
    "forum:category_new": ADMINS_ACT,
    "forum:category_edit": ADMINS_ACT,
    "forum:category_delete": ADMINS_ACT,
    # Replies, through the comments plug-in.
    "comments:create@discussion": row((405, 403), confirmed=(405, REDIRECT)),
    "comments:create@closed_discussion": row((405, 403)),
    "comments:create@hidden_discussion": row(
        (405, 404), author=(405, REDIRECT), moderators=(405, REDIRECT)
    ),
    # A group's discussions.
    "forum:group": {
        **row((404, 405)),
        **dict.fromkeys(OUTSIDE, (404, 405)),
        **dict.fromkeys(GROUP_READERS, (200, 405)),
    },
    "forum:group@public": row((200, 405), **dict.fromkeys(GROUP_MEMBERS, (200, 405))),
    "forum:group_start": {
        **row((LOGIN, LOGIN), signed_in=(404, 404)),
        **dict.fromkeys(OUTSIDE, (404, 404)),
        **dict.fromkeys(GROUP_READERS, (403, 403)),
        **dict.fromkeys(GROUP_MEMBERS, (200, REDIRECT)),
    },
    "forum:group_start@public": {
        **row((LOGIN, LOGIN), signed_in=(403, 403)),
        **dict.fromkeys(GROUP_MEMBERS, (200, REDIRECT)),
    },
    "forum:discussion@group": {
        **row((404, 404)),
        **dict.fromkeys(OUTSIDE, (404, 404)),
        **dict.fromkeys(GROUP_READERS, (200, 200)),
    },
    "forum:attachment@group": {
        **row((404, 405)),
        **dict.fromkeys(OUTSIDE, (404, 405)),
        **dict.fromkeys(GROUP_READERS, (200, 405)),
    },
    "comments:create@group_discussion": {
        **row((405, 404)),
        **dict.fromkeys(OUTSIDE, (405, 404)),
        **dict.fromkeys(GROUP_READERS, (405, 403)),
        **dict.fromkeys(GROUP_MEMBERS, (405, REDIRECT)),
    },
}


def _category(w: World) -> Category:
    return make_category(w.creator, "Reunions and Meetups")


def _empty_category(w: World) -> Category:
    return make_category(w.creator, "Nothing here yet", position=99)


def _discussion(w: World) -> Discussion:
    return make_discussion(w.author, w.forum_category, files=[png()])


def _hidden(w: World) -> Discussion:
    found = make_discussion(w.author, w.forum_category, title="A heated argument")
    add_comment(found, w.other_member, "Not in that tone, please.")
    services.set_hidden(found, True, by=w.creator)
    services.edit_discussion(
        found,
        by=w.author,
        category=found.category,
        title=found.title,
        body=found.body,
        uploads=[attachments.check(pdf())],
    )
    return found


def _closed(w: World) -> Discussion:
    found = make_discussion(w.author, w.forum_category, title="Last year's dinner")
    services.set_closed(found, True, by=w.creator)
    return found


def _reply(w: World) -> Comment:
    return add_comment(w.discussion, w.other_member, "I will bring the old photos.")


def _hidden_reply(w: World) -> Comment:
    return Comment.objects.filter(object_id=w.hidden_discussion.pk).get()


def _attachment(w: World) -> Attachment:
    discussion: Discussion = w.discussion
    return discussion.attachments.get()


def _pk(name: str) -> Any:
    return lambda w: {"pk": getattr(w, name).pk}


def _with_category(w: World) -> dict[str, Any]:
    w.forum_category  # noqa: B018 — the start page needs a category to start in
    return {}


def _group_discussion(w: World) -> Discussion:
    return services.start_discussion(
        by=w.group_member,
        group=w.group,
        title="Among ourselves",
        body="Only for the group.",
        uploads=[attachments.check(pdf())],
    )


KWARGS = {
    "forum:category": lambda w: {"slug": w.forum_category.slug},
    "forum:start": _with_category,
    "forum:discussion": lambda w: {"pk": w.discussion.pk, "slug": w.discussion.slug},
    "forum:discussion@hidden": lambda w: {
        "pk": w.hidden_discussion.pk,
        "slug": w.hidden_discussion.slug,
    },
    "forum:discussion_short": _pk("discussion"),
    "forum:edit": _pk("discussion"),
    "forum:edit@hidden": _pk("hidden_discussion"),
    "forum:delete": _pk("discussion"),
    "forum:delete@hidden": _pk("hidden_discussion"),
    "forum:hide": _pk("discussion"),
    "forum:unhide": _pk("hidden_discussion"),
    "forum:pin": _pk("discussion"),
    "forum:unpin": _pk("discussion"),
    "forum:close": _pk("discussion"),
    "forum:reopen": _pk("closed_discussion"),
    "forum:follow": _pk("discussion"),
    "forum:unfollow": _pk("discussion"),
    "forum:follow@hidden": _pk("hidden_discussion"),
    "forum:quote": lambda w: {"pk": w.discussion.pk, "comment_pk": w.discussion_reply.pk},
    "forum:quote@hidden": lambda w: {
        "pk": w.hidden_discussion.pk,
        "comment_pk": w.hidden_discussion_reply.pk,
    },
    "forum:attachment": lambda w: {
        "pk": w.forum_attachment.pk,
        "token": w.forum_attachment.token,
    },
    "forum:attachment@hidden": lambda w: {
        "pk": w.hidden_discussion.attachments.get().pk,
        "token": w.hidden_discussion.attachments.get().token,
    },
    "forum:category_edit": _pk("forum_category"),
    "forum:category_delete": _pk("forum_empty_category"),
    "comments:create@discussion": lambda w: {"kind": "discussion", "pk": w.discussion.pk},
    "comments:create@closed_discussion": lambda w: {
        "kind": "discussion",
        "pk": w.closed_discussion.pk,
    },
    "comments:create@hidden_discussion": lambda w: {
        "kind": "discussion",
        "pk": w.hidden_discussion.pk,
    },
    "forum:group": lambda w: {"slug": w.group.slug},
    "forum:group@public": lambda w: {"slug": w.public_group.slug},
    "forum:group_start": lambda w: {"slug": w.group.slug},
    "forum:group_start@public": lambda w: {"slug": w.public_group.slug},
    "forum:discussion@group": lambda w: {
        "pk": w.group_discussion.pk,
        "slug": w.group_discussion.slug,
    },
    "forum:attachment@group": lambda w: {
        "pk": w.group_discussion.attachments.get().pk,
        "token": w.group_discussion.attachments.get().token,
    },
    "comments:create@group_discussion": lambda w: {
        "kind": "discussion",
        "pk": w.group_discussion.pk,
    },
}


def _discussion_form(w: World) -> dict[str, Any]:
    return {
        "category": str(w.forum_category.pk),
        "title": "Mentors wanted",
        "body": "An hour a month, *please*.",
    }


def _category_form(w: World) -> dict[str, str]:
    return {"name": "Careers", "description": "Jobs and advice.", "position": "20"}


def _group_discussion_form(w: World) -> dict[str, Any]:
    return {"title": "Our next meeting", "body": "At *mine*."}


POST_DATA = {
    "forum:group_start": _group_discussion_form,
    "forum:start": _discussion_form,
    "forum:edit": _discussion_form,
    "forum:category_new": _category_form,
    "forum:category_edit": _category_form,
}

OBJECTS = {
    "forum_category": _category,
    "forum_empty_category": _empty_category,
    "discussion": _discussion,
    "hidden_discussion": _hidden,
    "closed_discussion": _closed,
    "discussion_reply": _reply,
    "hidden_discussion_reply": _hidden_reply,
    "forum_attachment": _attachment,
    "group_discussion": _group_discussion,
}
