"""The demo network: its own text (content.py) and its creation (loaddemo, generatedata)."""

import datetime as dt

from members.demo.content import CREATOR
from members.models import Member
from network.models import Network
from network.services import create_network

from . import content


def create_demo_network(*, creator_email: str, password: str, start: dt.datetime) -> Network:
    """The demo network and its creator, as if created at `start` (loaddemo, generatedata)."""
    network = create_network(
        name=content.NETWORK_NAME,
        tagline=content.NETWORK_TAGLINE,
        description=content.NETWORK_DESCRIPTION,
        time_zone=content.NETWORK_TIME_ZONE,
        creator_name=CREATOR.name,
        creator_email=creator_email,
        password=password,
    )
    Network.objects.filter(pk=network.pk).update(created_at=start)
    Member.objects.filter(pk=network.creator_id).update(about=CREATOR.about, date_joined=start)
    network.refresh_from_db()
    return network
