"""Members for the benchmark network (manage.py generatedata): 2,000 at scale 1."""

import datetime as dt
from collections.abc import Iterator

from django.utils.text import slugify

from lib.datagen import EMAIL_DOMAIN, Context, Made

from .demo import content
from .models import Member

MEMBERS = 2000  # including the creator
# Share of members who joined but never confirmed their email (they may not write).
UNCONFIRMED = 0.03
ADMINS = 2
MODERATORS = 5
# Handles and emails of this many confirmed members go into the manifest (signed-in load).
SAMPLE = 50

FIRST_NAMES = [
    "Aamir", "Adeel", "Aisha", "Ali", "Amina", "Anwar", "Asma", "Ayesha", "Bilal", "Bushra",
    "Daniyal", "Dua", "Ehsan", "Erum", "Faisal", "Farah", "Fatima", "Habib", "Hina", "Hamza",
    "Imran", "Iqra", "Irfan", "Javeria", "Junaid", "Kamran", "Kiran", "Laila", "Mahnoor", "Maria",
    "Mehreen", "Moin", "Nadia", "Naveed", "Noor", "Omar", "Rabia", "Rashid", "Saad", "Sadia",
    "Salman", "Samina", "Sana", "Shahid", "Shirin", "Sohail", "Tariq", "Uzma", "Waqar", "Yasmin",
    "Zainab", "Zara", "Daniel", "Elena", "James", "Lucía", "Marta", "Michael", "Priya", "Rohan",
]  # fmt: skip
LAST_NAMES = [
    "Abbasi", "Ahmed", "Akhtar", "Alvi", "Ansari", "Baig", "Bhatti", "Butt", "Chaudhry", "Dar",
    "Durrani", "Farooqi", "Gilani", "Hashmi", "Hussain", "Iqbal", "Jafri", "Jamil", "Kazmi",
    "Khan", "Khalid", "Lakhani", "Malik", "Mirza", "Naqvi", "Niazi", "Qureshi", "Rahman", "Rana",
    "Rizvi", "Saeed", "Shah", "Sheikh", "Siddiqui", "Syed", "Tirmizi", "Usmani", "Zaidi",
    "Fernandes", "García", "Kapoor", "Mehta", "Okafor", "Rossi", "Smith", "Weber",
]  # fmt: skip
# A few members write their name in Urdu, so right-to-left text is on the pages too.
URDU_NAMES = ["ثمینہ اختر", "عرفان احمد", "نادیہ قریشی", "بلال حسین", "فرح ملک"]


def generate(ctx: Context) -> None:
    n = ctx.scaled(MEMBERS, minimum=2) - len(ctx.made["members"])
    taken = set(Member.objects.values_list("handle", flat=True))
    # The network grows: more members join in later years (the square root leans late).
    span = (ctx.now - ctx.start).total_seconds()
    joined = sorted(
        ctx.start + dt.timedelta(seconds=ctx.rng.random() ** 0.5 * span) for _ in range(n)
    )
    rows: list[tuple[str, str, dt.datetime, str, bool]] = []
    abouts = [person.about for person in content.MEMBERS]
    for i, when in enumerate(joined):
        name = (
            ctx.rng.choice(URDU_NAMES)
            if ctx.rng.random() < 0.02
            else f"{ctx.rng.choice(FIRST_NAMES)} {ctx.rng.choice(LAST_NAMES)}"
        )
        handle = _unique(slugify(name, allow_unicode=True)[:40] or "member", taken)
        role = (
            Member.Role.ADMIN
            if i < ADMINS
            else Member.Role.MODERATOR
            if i < ADMINS + MODERATORS
            else Member.Role.MEMBER
        )
        confirmed = role != Member.Role.MEMBER or ctx.rng.random() >= UNCONFIRMED
        rows.append((name, handle, when, role, confirmed))

    def members() -> Iterator[Member]:
        for name, handle, when, role, confirmed in rows:
            yield Member(
                email=f"{handle}@{EMAIL_DOMAIN}",
                display_name=name,
                handle=handle,
                role=role,
                email_confirmed=confirmed,
                about=ctx.rng.choice(abouts) if ctx.rng.random() < 0.4 else "",
                password=ctx.password_hash,
                date_joined=when,
            )

    ids = ctx.bulk_create("members", Member, members(), total=len(rows))
    for pk, (_name, _handle, when, _role, confirmed) in zip(ids, rows, strict=True):
        ctx.made["members"].append(Made(pk, when))
        if confirmed:
            ctx.made["contributors"].append(Made(pk, when))
    ctx.made["members"].sort(key=lambda m: m.at)
    ctx.made["contributors"].sort(key=lambda m: m.at)

    sample = [
        (pk, handle)
        for pk, (_name, handle, _when, role, confirmed) in zip(ids, rows, strict=True)
        if confirmed and role == Member.Role.MEMBER
    ]
    ctx.manifest["members"] = [
        {"pk": pk, "handle": handle, "email": f"{handle}@{EMAIL_DOMAIN}"}
        for pk, handle in ctx.rng.sample(sample, min(SAMPLE, len(sample)))
    ]
    ctx.manifest.setdefault("counts", {})["members"] = len(ctx.made["members"])


def _unique(base: str, taken: set[str]) -> str:
    handle, n = base, 1
    while handle in taken:
        n += 1
        handle = f"{base}-{n}"
    taken.add(handle)
    return handle
