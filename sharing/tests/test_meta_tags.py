"""The card's tags written in Python (sharing.templatetags.sharing._meta_tags) are exactly what
the reference template sharing/_meta.html writes, for every shape of card."""

import datetime as dt
import itertools
from typing import Any

import pytest
from django.template.loader import get_template
from django.utils import timezone, translation

from sharing.cards import Card
from sharing.templatetags.sharing import _meta_tags

WHEN = dt.datetime(2026, 3, 28, 21, 5, 7, tzinfo=dt.UTC)

CARDS: list[Card | None] = [
    None,
    Card(title="Plain"),
    Card(title='Quotes " and <b>tags</b> & more', description='Say "hi" <script>'),
    Card(
        title="Reunion",
        description="Dinner notes",
        url="/blog/1/reunion/",
        image="https://cdn.example.org/a.jpg",
        image_alt="The long table",
        image_width=1200,
        image_height=630,
        kind="article",
        published=WHEN,
        modified=WHEN + dt.timedelta(days=400),
        oembed=True,
    ),
    Card(title="اردو عنوان", description="کچھ الفاظ", kind="article", published=WHEN),
    Card(title="Picture without size", image="/media/p.png", kind="article"),
    Card(title="Hidden", public=False, image_width=10),
]


def _values(card: Card | None, **over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "card": card,
        "url": "http://127.0.0.1:8000/blog/1/reunion/?a=1&b=2",
        "image": "http://127.0.0.1:8000/media/logo.png" if card else "",
        "image_alt": "Alumni & friends",
        "large_image": bool(card and card.image),
        "site_name": "Old <Ravians>",
        "locale": "en_US",
        "noindex": False,
        "oembed": "",
    }
    values.update(over)
    return values


@pytest.mark.parametrize("card", CARDS)
def test_the_tags_are_the_templates_own(card: Card | None) -> None:
    template = get_template("sharing/_meta.html")
    options = itertools.product(
        (False, True),  # noindex
        ("", "http://127.0.0.1:8000/oembed/?url=x&format=json"),
        ("", "Site"),
        ("", "ur_PK"),
        ("", "Alt"),
        ("", "http://127.0.0.1:8000/media/logo.png"),
    )
    for noindex, oembed, site, locale, alt, image in options:
        values = _values(
            card,
            noindex=noindex,
            oembed=oembed,
            site_name=site,
            locale=locale,
            image_alt=alt,
            image=image,
        )
        for zone, language in (("UTC", "en"), ("Asia/Karachi", "ur")):
            with timezone.override(zone), translation.override(language):
                assert _meta_tags(values) == template.render(values)
