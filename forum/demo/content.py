"""The demo forum's text: our own, about an alumni network's everyday business."""

from dataclasses import dataclass

CATEGORIES = [
    ("Reunions and Meetups", "Plan the next gathering, find a table, share the photos after."),
    ("Careers and Mentoring", "Job leads, advice for new graduates, and offers to mentor."),
    ("Scholarship Fund", "How the fund works, who it helped, and how to give."),
    ("Around the Campus", "News from the old campus, memories of teachers and corridors."),
]


@dataclass(frozen=True)
class Thread:
    category: int
    author: str
    title: str
    body: str
    replies: tuple[tuple[str, str], ...]
    pinned: bool = False
    closed: bool = False


THREADS = [
    Thread(
        0,
        "javed",
        "Welcome to the forum: how it works",
        "This is the place for longer conversations than a blog comment allows.\n\n"
        "- Start a discussion in the category that fits it best.\n"
        "- Follow a discussion to hear of new replies; you follow your own automatically.\n"
        "- Use **Quote** on a reply to answer one point of it.\n\n"
        "Be kind, stay on topic, and ask a moderator if anything needs tidying.",
        (
            ("ayesha", "Thank you for setting this up. Much easier than the old mailing list!"),
            ("omar", "Can we attach the reunion photos here too?"),
            ("javed", "Yes: pictures and documents, up to five per discussion."),
        ),
        pinned=True,
    ),
    Thread(
        0,
        "mehreen",
        "Winter dinner in Lahore: who is coming?",
        "We have a long table booked for the last Saturday of December. "
        "Reply here so we know how many chairs to ask for, and whether anyone "
        "needs a ride from the station.",
        (
            ("hassan", "Count me in, with my wife. We can give two people a ride from Cantt."),
            ("priya", "I will be in town that week. Put me down, please!"),
            ("fatima", "Sadly away for work. Send pictures."),
            ("mehreen", "Twelve so far. The restaurant wants a final number by the 20th."),
        ),
    ),
    Thread(
        1,
        "daniel",
        "Mentors wanted for the spring term",
        "Final-year students asked for an hour a month with someone working in their field. "
        "Engineering, medicine, law and teaching are most asked for.\n\n"
        "If you can give an hour a month for three months, reply with your field.",
        (
            ("samina", "Paediatrics. Happy to talk about residency applications."),
            ("rashid", "Civil engineering, I can do video calls on weekends."),
            ("lena", "Secondary-school teaching, and how to get a first post abroad."),
        ),
    ),
    Thread(
        1,
        "kabir",
        "Writing a CV after ten years in one job",
        "I have been at the same firm since graduation and my CV is ten years old. "
        "What do recruiters expect now? One page or two?",
        (
            ("zainab", "Two pages are fine with that much experience. Lead with results."),
            ("arjun", "And cut everything from university except the degree itself."),
        ),
    ),
    Thread(
        2,
        "tahir",
        "This year's scholarship report",
        "Eleven students received support this year, four of them the first in their families "
        "to go to university. The full report is attached to the next update; here is the short "
        "version:\n\n| Year | Students | Raised |\n|---|---|---|\n| This year | 11 | 2.1 m |\n"
        "| Last year | 8 | 1.6 m |",
        (
            ("noor", "Wonderful news. Is the monthly giving option still open?"),
            ("tahir", "It is: the treasurer's details are on the fund's page."),
        ),
        closed=True,
    ),
    Thread(
        3,
        "hina",
        "The old library is being renovated",
        "Walked past last week: scaffolding everywhere, but the reading room windows stay. "
        "Does anyone remember the librarian who kept sweets in her drawer?",
        (
            ("marcus", "Mrs. Siddiqui! She let us stay after closing before exams."),
            ("ayesha", "I still have a library card somewhere, stamped 2004."),
            ("omar", "They should name the new reading room after her."),
        ),
    ),
]

# Replies the benchmark's discussions draw from.
BENCH_REPLIES = [
    "Agreed, and thank you for starting this.",
    "I can help with this, send me a message.",
    "Good point. We tried this last year and it worked well.",
    "Is there a date yet? I would like to plan ahead.",
    "Count me in.",
    "Could we do the same in Karachi next time?",
    "Here is what I found when I asked around: most people prefer weekends.",
    "Thanks for the update, very useful.",
    "شکریہ، بہت اچھی تجویز ہے۔",
    "I will share this with my batch group.",
]
BENCH_TITLES = [
    "Planning the {n}th batch reunion",
    "Looking for classmates from section {n}",
    "Job opening: junior engineer ({n})",
    "Mentoring circle, round {n}",
    "Scholarship fund update no. {n}",
    "Memories of the old hostel, part {n}",
    "Cricket match against the alumni of {n}",
    "Book club: reading list {n}",
]
BENCH_BODY = (
    "We would like to hear from everyone who is interested. Reply below with your ideas, "
    "the dates that suit you, and anyone else we should ask.\n\n"
    "**What we know so far:** a venue is likely, the date is open, and volunteers are welcome."
)


@dataclass(frozen=True)
class GroupThread:
    """A discussion in a demo group (groups/demo/content.py's slugs and members)."""

    group: str
    author: str
    title: str
    body: str
    replies: tuple[tuple[str, str], ...]


GROUP_THREADS = [
    GroupThread(
        "class-of-2004",
        "ayesha",
        "Twenty years on: a reunion weekend?",
        "Next year it will be twenty years since we left. A weekend on campus in the spring, "
        "with a dinner on the Saturday?\n\nSay which months suit you.",
        (
            ("omar", "April works for me, as long as it is not during exams at my school."),
            ("noor", "Spring, yes. I can ask the old hostel about rooms."),
        ),
    ),
    GroupThread(
        "scholarship-committee",
        "noor",
        "This year's shortlist (committee only)",
        "The shortlist is ready: six names for three places. The files are with Fatima.\n\n"
        "Please read them before our call on Thursday and keep the names to this group.",
        (("fatima", "Read them all. Two of them are very close; let us talk it through."),),
    ),
]
