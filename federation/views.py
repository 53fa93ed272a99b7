"""WebFinger, host-meta, NodeInfo, the actors' documents, outboxes, collections and inboxes.

Every view answers 404 while federation is off (rules.enabled: the setting, a private
network). They read no session: what they show is public, and the same for every server."""

import datetime as dt
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from blogs.models import Post
from comments.models import Comment
from lib.cachetags import cached
from members.models import Member
from network.services import current_network

from . import authorized, choices, ids, inbox, objects, rules
from .keys import actor_for
from .models import Follower, Following, LocalActor

AP_TYPE = "application/activity+json"
PAGE_SIZE = 20


def activity_json(document: dict[str, Any], status: int = 200) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False),
        content_type=f"{AP_TYPE}; charset=utf-8",
        status=status,
    )
    response["Vary"] = "Accept"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _on() -> None:
    if not rules.enabled():
        raise Http404


def _member(handle: str) -> Member:
    member = get_object_or_404(Member.objects.listed(), handle=handle)
    if not rules.member_federates(member):
        raise Http404
    return member


# --- Discovery --------------------------------------------------------------------------------


@require_GET
def webfinger(request: HttpRequest) -> HttpResponse:
    _on()
    resource = request.GET.get("resource", "").strip()
    if resource.startswith("acct:"):
        user, at, domain = resource[5:].lstrip("@").rpartition("@")
        if not at or not user or not domain:
            return HttpResponse("malformed resource", status=400, content_type="text/plain")
        if domain.lower() != ids.host().lower():
            raise Http404
        username = unquote(user)
    elif resource.startswith(("https://", "http://")):
        actor = inbox.local_actor(resource)
        if actor is None:
            raise Http404
        username = ids.NETWORK_USERNAME if actor.member is None else actor.member.handle
    else:
        return HttpResponse("malformed resource", status=400, content_type="text/plain")
    if username == ids.NETWORK_USERNAME:
        actor_url = ids.network_actor()
    elif username.lower() == ids.host().split(":")[0].lower():
        actor_url = ids.instance_actor()  # acct:host@host, as Mastodon's instance actor
    else:
        member = Member.objects.listed().filter(handle__iexact=username).first()
        if member is None or not rules.member_federates(member):
            raise Http404
        username = member.handle
        actor_url = ids.member_actor(member.handle)
    document = {
        "subject": f"acct:{username}@{ids.host()}",
        "aliases": [actor_url],
        "links": [
            {"rel": "self", "type": AP_TYPE, "href": actor_url},
            {
                "rel": "http://webfinger.net/rel/profile-page",
                "type": "text/html",
                "href": actor_url,
            },
        ],
    }
    response = JsonResponse(document, content_type="application/jrd+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def host_meta(request: HttpRequest) -> HttpResponse:
    _on()
    template = ids.absolute("/.well-known/webfinger") + "?resource={uri}"
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">'
        f'<Link rel="lrdd" template="{template}"/></XRD>\n'
    )
    return HttpResponse(body, content_type="application/xrd+xml; charset=utf-8")


@require_GET
def nodeinfo_index(request: HttpRequest) -> HttpResponse:
    _on()
    return JsonResponse(
        {
            "links": [
                {
                    "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1",
                    "href": ids.absolute("/nodeinfo/2.1"),
                }
            ]
        }
    )


def _usage() -> dict[str, Any]:
    now = timezone.now()
    members = Member.objects.listed()
    return {
        "users": {
            "total": members.count(),
            "activeMonth": members.filter(last_login__gte=now - dt.timedelta(days=30)).count(),
            "activeHalfyear": members.filter(last_login__gte=now - dt.timedelta(days=182)).count(),
        },
        "localPosts": Post.objects.published().count(),
    }


@require_GET
def nodeinfo(request: HttpRequest) -> HttpResponse:
    _on()
    network = current_network()
    # Counts change with every post and join: read again when those tags change, at most
    # every PAGE_CACHE_SECONDS otherwise (last_login moves without a tag).
    usage = cached("federation:nodeinfo-usage", _usage, ["posts", "directory"], timeout=3600)
    document = {
        "version": "2.1",
        "software": {
            "name": "anjuman",
            "version": getattr(settings, "ANJUMAN_VERSION", "0"),
            "repository": settings.POWERED_BY_URL,
        },
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": ["rss2.0", "atom1.0"]},
        "openRegistrations": network is not None and network.join_mode == "open",
        "usage": usage,
        "metadata": {"nodeName": network.name if network else ""},
    }
    return JsonResponse(
        document,
        content_type='application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#"',
    )


# --- Actors and their collections -------------------------------------------------------------


@require_GET
def instance_actor_json(request: HttpRequest) -> HttpResponse:
    """Open to everyone, signed or not: its key is the one our fetches are signed with."""
    _on()
    return activity_json(objects.instance_actor(choices.instance_actor().public_key))


def member_actor_json(request: HttpRequest, handle: str) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    member = _member(handle)
    return activity_json(objects.member_actor(member, actor_for(member)))


def network_actor_json(request: HttpRequest) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    network = current_network()
    if network is None:
        raise Http404
    return activity_json(objects.network_actor(network, actor_for(None)))


def post_json(request: HttpRequest, pk: int) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    post = get_object_or_404(Post.objects.select_related("author"), pk=pk)
    if not rules.post_federates(post):
        raise Http404
    return activity_json(objects.article(post))


@require_GET
def comment_json(request: HttpRequest, pk: int) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    comment = get_object_or_404(
        Comment.objects.select_related("author"), pk=pk, hidden_at=None, pending_at=None
    )
    post = comment.target
    if not isinstance(post, Post) or not rules.post_federates(post):
        raise Http404
    if comment.author.origin != Member.Origin.LOCAL:
        raise Http404  # another server's reply: its id is there
    return activity_json(objects.note(comment, post))


def _page_number(request: HttpRequest) -> int | None:
    raw = request.GET.get("page")
    if raw is None:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= 10_000:
        raise Http404
    return int(raw)


def _outbox(
    request: HttpRequest, url: str, posts: Any, to_item: Callable[[Post], Any]
) -> HttpResponse:
    page = _page_number(request)
    if page is None:
        return activity_json(objects.collection(url, posts.count(), first=f"{url}?page=1"))
    start = (page - 1) * PAGE_SIZE
    rows = list(
        posts.select_related("author")
        .prefetch_related("tags")
        .order_by("-published_at", "-id")[start : start + PAGE_SIZE + 1]
    )
    more = len(rows) > PAGE_SIZE
    items = [to_item(post) for post in rows[:PAGE_SIZE]]
    return activity_json(
        objects.collection_page(
            f"{url}?page={page}",
            url,
            items,
            next_url=f"{url}?page={page + 1}" if more else None,
            prev_url=f"{url}?page={page - 1}" if page > 1 else None,
        )
    )


@require_GET
def member_outbox(request: HttpRequest, handle: str) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    member = _member(handle)
    url = ids.actor_path(member.handle, "outbox")
    return _outbox(
        request,
        url,
        rules.federated_posts(member),
        lambda post: objects.bare(objects.create(objects.article(post))),
    )


@require_GET
def network_outbox(request: HttpRequest) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    url = ids.actor_path(None, "outbox")
    return _outbox(
        request, url, rules.federated_posts(), lambda post: objects.bare(objects.announce(post))
    )


def _followers_of(actor: LocalActor | None) -> int:
    return 0 if actor is None else Follower.objects.filter(actor=actor).count()


@require_GET
def member_followers(request: HttpRequest, handle: str) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    member = _member(handle)
    actor = LocalActor.objects.filter(member=member).first()
    return activity_json(
        objects.collection(ids.actor_path(member.handle, "followers"), _followers_of(actor))
    )


@require_GET
def network_followers(request: HttpRequest) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    actor = LocalActor.objects.filter(member=None).first()
    return activity_json(
        objects.collection(ids.actor_path(None, "followers"), _followers_of(actor))
    )


@require_GET
def member_following(request: HttpRequest, handle: str) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    member = _member(handle)
    # The count only: whom a member follows is theirs to see.
    count = Following.objects.filter(member=member, state=Following.State.ACCEPTED).count()
    return activity_json(objects.collection(ids.actor_path(member.handle, "following"), count))


@require_GET
def network_following(request: HttpRequest) -> HttpResponse:
    _on()
    if (refused := authorized.refusal(request)) is not None:
        return refused
    return activity_json(objects.collection(ids.actor_path(None, "following"), 0))


# --- Inboxes ----------------------------------------------------------------------------------


def _receive(request: HttpRequest) -> HttpResponse:
    try:
        incoming = inbox.read(request)
    except inbox.Refused as refused:
        return HttpResponse(refused.reason, status=refused.status, content_type="text/plain")
    inbox.handle(incoming)
    return HttpResponse(status=202)


@csrf_exempt
@require_POST
def member_inbox(request: HttpRequest, handle: str) -> HttpResponse:
    _on()
    _member(handle)
    return _receive(request)


@csrf_exempt
@require_POST
def network_inbox(request: HttpRequest) -> HttpResponse:
    _on()
    return _receive(request)


@csrf_exempt
@require_POST
def shared_inbox(request: HttpRequest) -> HttpResponse:
    _on()
    return _receive(request)


def negotiated(
    view_name: str, kwargs: dict[str, Any]
) -> Callable[[HttpRequest], HttpResponseBase] | None:
    """The JSON view for an HTML page's route (middleware.py), if it has one."""
    if view_name == "members:profile":
        return lambda request: member_actor_json(request, kwargs["handle"])
    if view_name == "blogs:list":
        return network_actor_json
    if view_name in ("blogs:post", "blogs:post_short"):
        return lambda request: post_json(request, int(kwargs["pk"]))
    return None
