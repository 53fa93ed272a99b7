"""The demo network's profile questions and the demo members' answers (fiction, like the rest of
the demo). profiles/demodata.py turns this text into rows; members are named by their key in
members/demo/content.py."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuestionText:
    key: str
    label: str
    kind: str
    help_text: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False
    visibility: str = "everyone"
    searchable: bool = False
    extra: dict[str, str] = field(default_factory=dict)


INTERESTS = ("Cricket", "Cooking", "Mentoring", "Poetry", "Travel", "Technology", "Scholarships")

QUESTIONS = [
    QuestionText(
        "year",
        "Graduation year",
        "short",
        help_text="The year your batch left Sitara College.",
        required=True,
        searchable=True,
    ),
    QuestionText("city", "City", "short", help_text="Where you live now.", searchable=True),
    QuestionText("profession", "Profession", "short", visibility="members", searchable=True),
    QuestionText("interests", "Interests", "choices", choices=INTERESTS, help_text="Choose any."),
    QuestionText("website", "Website", "link"),
    QuestionText(
        "phone",
        "Phone number",
        "short",
        help_text="Only the network's administrators see it, for reunion planning.",
        visibility="admins",
    ),
]

# key: (graduation year, city, profession, interests, website or "")
ANSWERS: dict[str, tuple[str, str, str, tuple[str, ...], str]] = {
    "javed": ("1991", "Houston", "Pipeline engineer, columnist", ("Technology", "Travel"), ""),
    "ayesha": ("2006", "Toronto", "Software engineer", ("Technology", "Mentoring", "Cooking"),
               "https://ayesha.example.org/"),
    "omar": ("1999", "Dubai", "Civil engineer", ("Cooking",), ""),
    "mehreen": ("2001", "Manchester", "Paediatrician", ("Mentoring",), ""),
    "hassan": ("1996", "London", "Climate finance", ("Scholarships", "Cricket"), ""),
    "priya": ("2004", "Bengaluru", "Data scientist", ("Technology", "Poetry"), ""),
    "daniel": ("2008", "Lagos", "Startup founder", ("Technology", "Travel"), ""),
    "fatima": ("2003", "Karachi", "Schoolteacher", ("Poetry", "Mentoring"), ""),
    "samina": ("1994", "لاہور", "شاعرہ", ("Poetry",), ""),
    "rashid": ("1989", "Karachi", "Retired banker", ("Cricket",), ""),
    "lena": ("2010", "Berlin", "Architect", ("Travel",), "https://lena.example.org/"),
    "kabir": ("2012", "Mumbai", "Journalist", ("Cricket", "Travel"), ""),
    "zainab": ("2007", "Islamabad", "Public health researcher", ("Scholarships",), ""),
    "arjun": ("2005", "Singapore", "Product manager", ("Technology",), ""),
    "tahir": ("1998", "Quetta", "Geologist", ("Travel",), ""),
    "noor": ("2002", "Toronto", "Nurse", ("Cooking", "Mentoring"), ""),
    "marcus": ("2009", "Stockholm", "Climate scientist", ("Travel", "Technology"), ""),
    "hina": ("2011", "Lahore", "Lawyer", ("Poetry",), ""),
    "yusuf": ("1993", "Chicago", "Cardiologist", ("Cricket", "Scholarships"), ""),
    "shirin": ("2000", "Karachi", "Chef", ("Cooking",), ""),
    "irfan": ("1992", "کراچی", "استاد", ("Poetry", "Cricket"), ""),
}  # fmt: skip

# The members the administrators feature in the directory.
FEATURED = ("ayesha", "hassan", "samina")
