"""The demo network's groups: fiction written for Anjuman's demo (an alumni network). Members
are keys of members/demo/content.py; the first is the group's maker and administrator."""

# ruff: noqa: E501

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoGroup:
    name: str
    slug: str
    description: str
    private: bool
    joining: str
    members: tuple[str, ...]
    # Who asked to join and waits, who is invited and has not answered.
    asking: tuple[str, ...] = ()
    invited: tuple[str, ...] = ()
    wall: tuple[tuple[str, str], ...] = ()


GROUPS = [
    DemoGroup(
        name="Class of 2004",
        slug="class-of-2004",
        description="Everyone who walked out of the main gate in June 2004.\n\nWe plan a **twentieth reunion** — add your city to the thread below so we can pick a place most of us can reach.",
        private=False,
        joining="open",
        members=("ayesha", "omar", "noor", "kabir", "priya", "hassan"),
        wall=(
            ("omar", "Dubai volunteers to host, if the rest of you can stand the heat."),
            ("priya", "Karachi in December, please. Nobody melts in December."),
            ("ayesha", "I started a list of addresses: write to me if you have not had an email."),
        ),
    ),
    DemoGroup(
        name="Toronto Chapter",
        slug="toronto-chapter",
        description="Alumni living in and around Toronto. We meet for chai on the last Saturday of the month, somewhere with parking.",
        private=False,
        joining="request",
        members=("kabir", "lena", "daniel"),
        asking=("arjun",),
        wall=(("lena", "The March chai is at the library café on Queen Street. Bring a friend."),),
    ),
    DemoGroup(
        name="Scholarship Committee",
        slug="scholarship-committee",
        description="Where the committee reads applications and decides who we can help this year. Private: applicants' names are discussed here.",
        private=True,
        joining="invitation",
        members=("noor", "fatima", "hassan"),
        invited=("zainab",),
        wall=(
            ("noor", "Twelve applications this round. Please read yours before the first Sunday."),
            ("fatima", "Two of mine are from the village school. Both excellent."),
        ),
    ),
    DemoGroup(
        name="Cricket Club Old Boys and Girls",
        slug="cricket-club",
        description="Former members of the school's cricket club. Friendly matches, old scorebooks, and arguments about the 2003 final.",
        private=True,
        joining="request",
        members=("arjun", "rashid", "priya", "omar"),
        asking=("irfan",),
        wall=(("rashid", "I still say the umpire was wrong. I have the scorebook to prove it."),),
    ),
    DemoGroup(
        name="اردو ادب",
        slug="urdu-adab",
        description="اردو شاعری اور نثر پڑھنے والوں کے لیے۔ ہر مہینے ایک کتاب پر گفتگو۔",
        private=False,
        joining="open",
        members=("samina", "irfan", "mehreen"),
        wall=(("samina", "اس مہینے کی کتاب: آگ کا دریا۔ کون کون پڑھ رہا ہے؟"),),
    ),
]
