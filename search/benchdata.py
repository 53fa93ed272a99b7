"""The benchmark network's search index, built once every app has generated its rows (the
generators write in bulk, without signals: lib/datagen.py), and the benchmark's queries."""

from urllib.parse import urlencode

from django.urls import reverse

from lib.datagen import Context

from .indexing import rebuild

# Words of the generated posts and comments (the demo's paragraphs): one word found in a few
# percent of everything, and two words found together less often.
ONE_WORD = "canteen"
TWO_WORDS = "cricket match"


def generate(ctx: Context) -> None:
    # Last of all: a finishing step added while the steps run goes at the end of their list,
    # after the later apps' own finishing steps (which may still write searchable rows).
    ctx.later(lambda: ctx.later(lambda: _build(ctx)))


def _build(ctx: Context) -> None:
    rebuild(progress=ctx.progress)
    path = reverse("search:search")
    ctx.manifest["search"] = {
        "one_word_path": f"{path}?{urlencode({'q': ONE_WORD})}",
        "two_words_path": f"{path}?{urlencode({'q': TWO_WORDS})}",
    }
