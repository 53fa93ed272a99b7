"""The demo network's search index: built once every app has loaded its rows (the loaders
write with lib.events muted, so nothing is indexed row by row)."""

from lib.datagen import DemoContext

from .indexing import rebuild


def load(ctx: DemoContext) -> None:
    # Last of all: a finishing step added while the steps run goes at the end of their list,
    # after the later apps' own finishing steps (which may still write searchable rows).
    ctx.later(lambda: ctx.later(_build))


def _build() -> None:
    rebuild()
