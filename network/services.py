from django.db import transaction

from lib.cachetags import cached, invalidate
from lib.markup import render_markdown
from members.models import Member

from .models import Network, SidebarBox


def current_network() -> Network | None:
    return cached(
        "network", lambda: Network.objects.select_related("creator").first(), ["network", "people"]
    )


def update_network(network: Network) -> Network:
    """Saves the network's settings (already validated by a form)."""
    network.save()
    invalidate("network")
    return network


def sidebar_boxes() -> list[SidebarBox]:
    return cached("sidebar", lambda: list(SidebarBox.objects.all()), ["network"])


@transaction.atomic
def create_network(
    *,
    name: str,
    creator_name: str,
    creator_email: str,
    password: str,
    tagline: str = "",
    description: str = "",
    time_zone: str = "UTC",
) -> Network:
    """The first run: the creator's account and the network they name."""
    if Network.objects.exists():
        raise ValueError("This install already has a network.")
    creator = Member.objects.create_user(
        creator_email,
        password,
        display_name=creator_name,
        role=Member.Role.CREATOR,
        email_confirmed=True,
        is_staff=True,
        is_superuser=True,
    )
    network = Network(
        name=name, tagline=tagline, description=description, time_zone=time_zone, creator=creator
    )
    network.full_clean()
    network.save()
    invalidate("network")
    return network


def save_sidebar_box(box: SidebarBox) -> SidebarBox:
    box.body_html = render_markdown(box.body)
    box.save()
    invalidate("network")
    return box


def delete_sidebar_box(box: SidebarBox) -> None:
    box.delete()
    invalidate("network")
