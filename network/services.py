import secrets

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from lib.cachetags import cached, invalidate
from lib.markup import render_markdown
from lib.pictures import reencoded
from members.models import Member

from .models import Network, SidebarBox


def current_network() -> Network | None:
    return cached(
        "network", lambda: Network.objects.select_related("creator").first(), ["network", "people"]
    )


LOGO_SIZE = 256


@transaction.atomic
def update_network(network: Network, *, logo: UploadedFile[bytes] | None = None) -> Network:
    """Saves the network's settings (already validated by a form), with a new logo if given:
    re-encoded without metadata (lib/pictures.py) under a new name, the old file deleted once
    the change is committed."""
    old_logo = Network.objects.filter(pk=network.pk).values_list("logo", flat=True).first()
    if logo is not None:
        picture, extension = reencoded(logo, size=LOGO_SIZE, keep_transparency=True)
        # A new name each time: browsers and proxies never show a cached old logo.
        network.logo.save(f"logo-{secrets.token_hex(6)}.{extension}", picture, save=False)
    network.save()
    invalidate("network")
    if old_logo and old_logo != network.logo.name:
        storage = network.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
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
