"""The demo network itself: its creator, name and settings, and its sidebar boxes (loaddemo)."""

from lib.datagen import DemoContext
from members.demo.content import CREATOR, PASSWORD

from .demo import content, create_demo_network
from .models import SidebarBox
from .services import save_sidebar_box


def load(ctx: DemoContext) -> None:
    network = create_demo_network(creator_email=CREATOR.email, password=PASSWORD, start=ctx.start)
    ctx.made["members"] = {CREATOR.key: network.creator}
    ctx.count("members", 1)
    for position, box in enumerate(content.SIDEBAR_BOXES):
        save_sidebar_box(SidebarBox(title=box.title, body=box.body, position=position))
