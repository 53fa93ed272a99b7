"""The administrators' federation choices (one row) and the instance actor's keys."""

from django.db import IntegrityError, transaction

from lib.cachetags import cached
from network.services import current_network

from .keys import new_pair
from .models import InstanceActor, NetworkChoices
from .tags import CHOICES_TAG


def current() -> NetworkChoices:
    found = NetworkChoices.objects.filter(pk=1).first()
    return found if found is not None else NetworkChoices(pk=1)


def authorized_fetch() -> bool:
    return NetworkChoices.objects.filter(pk=1, authorized_fetch=True).exists()


def replies_under_posts() -> bool:
    """Replies from elsewhere go to "Replies from elsewhere" under the post: the
    administrators chose it, and the network's comment rule lets comments show without a
    moderator (comments switched on, not waiting for approval)."""
    # Asked by every post page: remembered until the administrators choose again.
    chosen = cached(
        "federation:replies-section",
        lambda: NetworkChoices.objects.filter(
            pk=1, remote_replies=NetworkChoices.Replies.SECTION
        ).exists(),
        [CHOICES_TAG],
    )
    return chosen and replies_rule_allows()


def replies_rule_allows() -> bool:
    from features import is_on

    network = current_network()
    if network is None or not is_on(network, "comments"):
        return False
    return "comments" not in (network.approval_required or [])


def instance_actor() -> InstanceActor:
    found = InstanceActor.objects.order_by("pk").first()
    if found is not None:
        return found
    public, private = new_pair()
    try:
        with transaction.atomic():
            return InstanceActor.objects.create(pk=1, public_key=public, private_key=private)
    except IntegrityError:
        return InstanceActor.objects.get(pk=1)
