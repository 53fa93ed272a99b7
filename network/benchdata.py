"""The benchmark network itself: its creator, settings and sidebar (manage.py generatedata)."""

from lib.datagen import EMAIL_DOMAIN, PASSWORD, Context, Made
from network.demo import content, create_demo_network

from .models import SidebarBox
from .services import save_sidebar_box


def generate(ctx: Context) -> None:
    network = create_demo_network(
        creator_email=f"creator@{EMAIL_DOMAIN}", password=PASSWORD, start=ctx.start
    )
    creator = network.creator
    ctx.password_hash = creator.password
    ctx.made["members"] = [Made(creator.pk, ctx.start)]
    ctx.made["contributors"] = [Made(creator.pk, ctx.start)]
    for position, box in enumerate(content.SIDEBAR_BOXES):
        save_sidebar_box(SidebarBox(title=box.title, body=box.body, position=position))
    ctx.manifest["password"] = PASSWORD
    ctx.manifest["creator"] = {"pk": creator.pk, "handle": creator.handle, "email": creator.email}
