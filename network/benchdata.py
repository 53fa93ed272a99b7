"""The benchmark network itself: its creator, settings and sidebar (manage.py generatedata)."""

from members.models import Member
from network.demo import content
from network.management.commands.generatedata import EMAIL_DOMAIN, PASSWORD, Context, Made

from .models import Network, SidebarBox
from .services import create_network, save_sidebar_box


def generate(ctx: Context) -> None:
    network = create_network(
        name=content.NETWORK_NAME,
        tagline=content.NETWORK_TAGLINE,
        time_zone=content.NETWORK_TIME_ZONE,
        creator_name=content.CREATOR.name,
        creator_email=f"creator@{EMAIL_DOMAIN}",
        password=PASSWORD,
    )
    Network.objects.filter(pk=network.pk).update(
        description=content.NETWORK_DESCRIPTION, created_at=ctx.start
    )
    creator = network.creator
    Member.objects.filter(pk=creator.pk).update(about=content.CREATOR.about, date_joined=ctx.start)
    ctx.password_hash = creator.password
    ctx.made["members"] = [Made(creator.pk, ctx.start)]
    ctx.made["contributors"] = [Made(creator.pk, ctx.start)]
    for position, box in enumerate(content.SIDEBAR_BOXES):
        save_sidebar_box(SidebarBox(title=box.title, body=box.body, position=position))
    ctx.manifest["password"] = PASSWORD
    ctx.manifest["creator"] = {"pk": creator.pk, "handle": creator.handle, "email": creator.email}
