"""What federates and who may reach us: the network's rules at the border.

- Federation is on only when the server's FEDERATION_ENABLED setting is on and the network is
  public: a private network answers nothing and sends nothing.
- A member federates unless they opted out (LocalActor.federated) — and only a listed member
  (local, active, approved, not a former member) has an actor at all.
- A post federates when it is published and not hidden, by a federating member; drafts,
  scheduled and pending posts, hidden ones never do (blog posts belong to no group).
- A blocked server's requests and deliveries are refused; a member's blocked account cannot
  follow them, reply to them or like their posts.
"""

from django.conf import settings
from django.db import models

from blogs.models import Post
from members.models import Member
from network.services import current_network

from .models import LocalActor, MemberBlock, RemoteActor, Server


def enabled() -> bool:
    if not getattr(settings, "FEDERATION_ENABLED", False):
        return False
    network = current_network()
    return network is not None and network.visibility == "public"


def member_has_actor(member: Member) -> bool:
    return Member.objects.listed().filter(pk=member.pk).exists() if member.pk else False


def member_federates(member: Member) -> bool:
    if not member_has_actor(member):
        return False
    return not LocalActor.objects.filter(member=member, federated=False).exists()


def opted_out_ids() -> set[int]:
    return set(
        LocalActor.objects.filter(federated=False, member__isnull=False).values_list(
            "member_id", flat=True
        )
    )


def post_federates(post: Post) -> bool:
    return (
        post.status == Post.Status.PUBLISHED
        and post.hidden_at is None
        and member_federates(post.author)
    )


def federated_posts(author: Member | None = None) -> "models.QuerySet[Post]":
    """Posts served and sent: published, not hidden, by members who did not opt out."""
    posts = (
        Post.objects.published()
        .filter(author__in=Member.objects.listed())
        .exclude(author_id__in=opted_out_ids())
    )
    if author is not None:
        posts = posts.filter(author=author)
    return posts


def domain_blocked(domain: str) -> bool:
    return Server.objects.filter(domain=domain.lower(), blocked_at__isnull=False).exists()


def blocked_by(member: Member, remote: RemoteActor) -> bool:
    return MemberBlock.objects.filter(member=member, remote=remote).exists()
