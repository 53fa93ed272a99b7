"""The demo network's search index: built once every app has loaded its rows (the loaders
write with lib.events muted, so nothing is indexed row by row)."""

from lib.datagen import DemoContext

from .indexing import rebuild


def load(ctx: DemoContext) -> None:
    ctx.later(lambda: _build())


def _build() -> None:
    rebuild()
