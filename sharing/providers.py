"""The cards of the pages that show one thing, each read from the object its view put in the
template context (its name there is the view's own: `post`, `discussion`, `event`…).

A provider never reads the database: the view fetched the thing with the viewer's permissions
(a visitor never gets a private group's discussion or an invited-only event: the view answers
404, and the 404 page's context has no such object), and the template's render is where the
card is made. A wrong type under the name (another page's variable) gives no card.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from blogs.models import Post, Tag
from events.models import Event
from forum.models import Category, Discussion
from groups.models import Group
from members.models import Member
from members.templatetags.anjuman import blog_name
from pages.models import Page
from photos.models import Album, Photo
from videos.models import Video

from .cards import (
    Card,
    Lookup,
    excerpt,
    excerpt_of_text,
    file_url,
    first_image,
    plain_text,
    register,
)


def _waiting(thing: object) -> bool:
    """Waiting for a moderator's approval (moderation's approval of posts, discussions,
    events, photos): seen by its author and moderators only."""
    return bool(getattr(thing, "is_pending", False))


@register("blogs:post")
def post_card(context: Lookup, request: HttpRequest) -> Card | None:
    post = context.get("post")
    if not isinstance(post, Post):
        return None
    public = post.is_published and not post.is_hidden and not _waiting(post)
    return Card(
        title=post.title,
        description=excerpt(post.body_html),
        url=post.get_absolute_url(),
        image=first_image(post.body_html),
        image_alt=post.title,
        kind="article",
        published=post.published_at if public else None,
        modified=post.updated_at if public else None,
        public=public,
        oembed=public,
    )


@register("forum:discussion")
def discussion_card(context: Lookup, request: HttpRequest) -> Card | None:
    discussion = context.get("discussion")
    if not isinstance(discussion, Discussion):
        return None
    group = discussion.group  # read with the discussion (select_related)
    public = not (discussion.is_hidden or _waiting(discussion)) and (
        group is None or not (group.is_private or group.is_hidden)
    )
    return Card(
        title=discussion.title,
        description=excerpt(discussion.body_html),
        url=discussion.get_absolute_url(),
        image=first_image(discussion.body_html),
        image_alt=discussion.title,
        kind="article",
        published=discussion.created_at if public else None,
        modified=discussion.updated_at if public else None,
        public=public,
    )


@register("events:detail")
def event_card(context: Lookup, request: HttpRequest) -> Card | None:
    event = context.get("event")
    if not isinstance(event, Event):
        return None
    when = context.get("when")
    parts = [str(when) if when else "", event.location, plain_text(event.description_html)]
    return Card(
        title=event.title,
        description=excerpt_of_text(" · ".join(part for part in parts if part)),
        url=event.get_absolute_url(),
        image=file_url(event.image),
        image_alt=event.title,
        public=event.is_public and not (event.is_hidden or _waiting(event)),
    )


@register("photos:photo")
def photo_card(context: Lookup, request: HttpRequest) -> Card | None:
    photo = context.get("photo")
    if not isinstance(photo, Photo):
        return None
    title = str(photo)
    return Card(
        title=title,
        description=excerpt_of_text(photo.caption),
        url=photo.get_absolute_url(),
        image=file_url(photo.image),
        image_alt=photo.caption,
        image_width=photo.width or None,
        image_height=photo.height or None,
        public=not (photo.is_hidden or _waiting(photo)),
    )


@register("videos:video")
def video_card(context: Lookup, request: HttpRequest) -> Card | None:
    video = context.get("video")
    if not isinstance(video, Video):
        return None
    # YouTube's still of the video is at a known address; Vimeo's and PeerTube's would need
    # a request to them: those videos take the network's logo.
    still = (
        f"https://i.ytimg.com/vi/{video.video_id}/hqdefault.jpg"
        if video.provider == Video.Provider.YOUTUBE
        else ""
    )
    return Card(
        title=video.title,
        description=excerpt_of_text(video.description),
        url=video.get_absolute_url(),
        image=still,
        image_alt=video.title,
        kind="video.other",
        public=not (video.is_hidden or _waiting(video)),
    )


@register("groups:detail")
def group_card(context: Lookup, request: HttpRequest) -> Card | None:
    group = context.get("group")
    if not isinstance(group, Group):
        return None
    # A private group's name, icon and description are on its page for everyone (its
    # teaser); nothing else of it is in the card.
    return Card(
        title=group.name,
        description=excerpt(group.description_html),
        url=group.get_absolute_url(),
        image=file_url(group.icon),
        image_alt=group.name,
        public=not group.is_hidden,
    )


@register("members:profile")
def member_card(context: Lookup, request: HttpRequest) -> Card | None:
    member = context.get("member")
    if not isinstance(member, Member) or member.is_former:
        return None
    return Card(
        title=member.display_name,
        description=excerpt_of_text(member.about),
        url=member.get_absolute_url(),
        image=file_url(member.photo),
        image_alt=member.display_name,
        kind="profile",
    )


@register("pages:page")
def page_card(context: Lookup, request: HttpRequest) -> Card | None:
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    return Card(
        title=page.title,
        description=excerpt(page.body_html),
        url=page.get_absolute_url(),
        image=first_image(page.body_html),
        image_alt=page.title,
        modified=page.updated_at if page.published else None,
        public=page.published,
    )


# --- Lists of one member's or one subject's things: their name, the list's own address --------


@register("blogs:member_blog", "blogs:member_archive")
def blog_card(context: Lookup, request: HttpRequest) -> Card | None:
    author = context.get("author")
    if not isinstance(author, Member):
        return None
    return Card(
        title=blog_name(author),
        description=excerpt_of_text(author.about),
        image=file_url(author.photo),
        image_alt=author.display_name,
    )


@register("blogs:tag")
def tag_card(context: Lookup, request: HttpRequest) -> Card | None:
    tag = context.get("tag")
    if not isinstance(tag, Tag):
        return None
    return Card(title=_("Blog posts tagged “%(tag)s”") % {"tag": tag.name})


@register("forum:category")
def category_card(context: Lookup, request: HttpRequest) -> Card | None:
    category = context.get("category")
    if not isinstance(category, Category):
        return None
    return Card(title=category.name, description=excerpt_of_text(category.description))


@register("photos:album")
def album_card(context: Lookup, request: HttpRequest) -> Card | None:
    album = context.get("album")
    if not isinstance(album, Album):
        return None
    return Card(title=album.title, description=excerpt_of_text(album.description))
