"""Tags on the benchmark network's discussions, events, photos, videos and groups: a few
hundred tags used as words are (a few very often, most rarely), and the benchmark's paths —
the cloud and the page of the most used tag."""

from collections.abc import Iterator

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from lib.datagen import Context, Made
from lib.text import normalized_name

from .models import Tag, TaggedItem

# Our own words, most used first; then "Topic N" for the long tail.
WORDS = [
    "Karachi", "Lahore", "Reunion", "Cricket", "Careers", "Mushaira", "Scholarships",
    "Islamabad", "Class of 2005", "Food", "Photography", "Books", "Volunteering", "Music",
    "کراچی", "لاہور", "Mentoring", "Sports day", "Convocation", "Travel",
]  # fmt: skip
TAIL = 280
# The share of each kind's rows that have tags, and how many each has at most.
TAGGED_SHARE = 0.5
MOST_PER_ITEM = 3


def _names() -> list[str]:
    return WORDS + [f"Topic {n}" for n in range(1, TAIL + 1)]


def generate(ctx: Context) -> None:
    # After the content apps (later in INSTALLED_APPS) have made their rows.
    ctx.later(lambda: _generate(ctx))


def _generate(ctx: Context) -> None:
    # The content apps sit above tags (they register with it): their models by label, as the
    # generator finds them once every app has made its rows.
    Event = apps.get_model("events", "Event")
    Discussion = apps.get_model("forum", "Discussion")
    Group = apps.get_model("groups", "Group")
    Photo = apps.get_model("photos", "Photo")
    Video = apps.get_model("videos", "Video")

    names = _names()
    tag_ids = ctx.bulk_create(
        "tags",
        Tag,
        (Tag(name=name, key=normalized_name(name), created_at=ctx.start) for name in names),
        total=len(names),
    )
    # Zipf-like: the n-th tag is used about 1/n as often as the first.
    weights = [1 / (rank + 1) for rank in range(len(tag_ids))]
    kinds: list[tuple[type, list[Made]]] = [
        (Discussion, ctx.made.get("discussions", [])),
        (Event, ctx.made.get("events", [])),
        (Photo, ctx.made.get("photos", [])),
        (Video, ctx.made.get("videos", [])),
        (Group, [Made(pk, ctx.start) for pk in Group.objects.values_list("pk", flat=True)]),
    ]
    planned: list[tuple[int, int, int]] = []
    for model, rows in kinds:
        ct = ContentType.objects.get_for_model(model).pk
        for made in rows:
            if ctx.rng.random() >= TAGGED_SHARE:
                continue
            chosen = set(ctx.rng.choices(tag_ids, weights, k=ctx.rng.randint(1, MOST_PER_ITEM)))
            planned.extend((tag, ct, made.pk) for tag in sorted(chosen))

    def items() -> Iterator[TaggedItem]:
        for tag, ct, pk in planned:
            yield TaggedItem(tag_id=tag, content_type_id=ct, object_id=pk, created_at=ctx.now)

    ctx.bulk_create("tagged items", TaggedItem, items(), total=len(planned))
    ctx.manifest["tags"] = {
        "cloud_path": reverse("tags:cloud"),
        # The most used tag's page: every kind, the most rows to sort through.
        "top_tag_path": reverse("tags:tag", args=[normalized_name(WORDS[0])]),
    }
