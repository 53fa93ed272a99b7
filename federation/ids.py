"""The addresses of this network's ActivityPub objects.

Ids are absolute addresses on SITE_URL (never the request's Host: a server that follows us
must see the same ids whatever name it used). A member's actor id is their page
(`/members/<handle>/`, handles never change) and a post's is its short address
(`/blog/<pk>/`, which the slug's changes leave alone): both pages answer the JSON to a server
that asks for it (middleware.py). The network's blog is the actor at `/blog/`.
"""

from urllib.parse import urlsplit

from django.conf import settings

from lib.urls import fast_reverse

# The network blog's user name (acct:network.blog@host): a dot never survives slugify, so no
# member's handle can be it.
NETWORK_USERNAME = "network.blog"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
AS_CONTEXT = "https://www.w3.org/ns/activitystreams"
SECURITY_CONTEXT = "https://w3id.org/security/v1"


def base() -> str:
    return str(settings.SITE_URL).rstrip("/")


def host() -> str:
    """The host name in handles (acct:handle@host): SITE_URL's, with its port if any."""
    return urlsplit(base()).netloc


def absolute(path: str) -> str:
    return base() + path


def member_actor(handle: str) -> str:
    return absolute(fast_reverse("members:profile", handle))


def instance_actor() -> str:
    return absolute(fast_reverse("federation:instance_actor"))


def network_actor() -> str:
    return absolute(fast_reverse("blogs:list"))


def actor_path(handle: str | None, what: str) -> str:
    """inbox, outbox, followers, following of a member (handle) or the network (None)."""
    if handle is None:
        return absolute(fast_reverse(f"federation:network_{what}"))
    return absolute(fast_reverse(f"federation:member_{what}", handle))


def shared_inbox() -> str:
    return absolute(fast_reverse("federation:shared_inbox"))


def post_object(pk: int) -> str:
    return absolute(fast_reverse("blogs:post_short", pk))


def comment_object(pk: int) -> str:
    return absolute(fast_reverse("federation:comment", pk))


def key_id(actor_url: str) -> str:
    return f"{actor_url}#main-key"


def domain_of(url: str) -> str:
    """The host of an address, lower-cased, without its port ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
