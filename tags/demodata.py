"""Tags on the demo network's discussions, events, photos and videos: chosen by the words of
their titles, and a few more drawn from the demo's own vocabulary."""

from typing import Any

from lib.datagen import DemoContext

from .services import set_tags

# A word in an item's title (lower-cased) → the tag it gets.
BY_WORD = {
    "karachi": "Karachi",
    "lahore": "Lahore",
    "reunion": "Reunion",
    "cricket": "Cricket",
    "mushaira": "Mushaira",
    "career": "Careers",
    "scholarship": "Scholarships",
    "iftar": "Ramadan",
    "book": "Books",
    "dinner": "Food",
    "photo": "Photography",
}
# Drawn for items whose titles name none of the words above.
EXTRA = ["Alumni news", "Class of 2005", "Volunteering", "کراچی", "Memories", "Campus"]


def load(ctx: DemoContext) -> None:
    # After the content apps (later in INSTALLED_APPS) have made their rows.
    ctx.later(lambda: _tag_all(ctx))


def _title(obj: Any) -> str:
    return str(getattr(obj, "title", "") or getattr(obj, "caption", "") or "")


def _tag_all(ctx: DemoContext) -> None:
    tagged = 0
    for kind in ("discussions", "events", "photos", "videos"):
        for obj in ctx.made.get(kind, {}).values():
            words = _title(obj).casefold()
            names = [tag for word, tag in BY_WORD.items() if word in words]
            if not names or ctx.rng.random() < 0.3:
                names.append(ctx.rng.choice(EXTRA))
            set_tags(obj, names)
            tagged += 1
    ctx.count("tagged items", tagged)
