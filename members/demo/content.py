"""The demo network's people: its creator and members, with what they write about themselves.

Everything here is fiction written for Anjuman's demo: the college, the people and their email
addresses are invented. members/demodata.py (and network's, for the creator) turns this text into
rows; this module only holds text, so it imports nothing from Django. Other apps' demo text names
a member by their `key`.
"""

# Prose is kept one paragraph to a line, as it is stored; wrapping it would put line breaks into
# what members see when they edit a post.
# ruff: noqa: E501

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    email: str
    about: str


# Every demo account's password; public by design, since loaddemo prints it.
PASSWORD = "demo-password-123"  # noqa: S105

CREATOR = Person(
    key="javed",
    name="Javed Lakhani",
    email="creator@demo.anjuman.test",
    about="Class of 1991, engineering. Spent twenty years building pipelines in Houston and now writes a weekly column about technology, schools and the cities we grew up in. Started Sitara Circle so that our batch's emails would stop bouncing.",
)

MEMBERS = [
    Person(
        key="ayesha",
        name="Ayesha Rahman",
        email="ayesha@demo.anjuman.test",
        about="Software engineer in Toronto, class of 2006. I maintain two open source libraries, run a mentoring circle for women in tech, and still cannot make daal the way my mother does.",
    ),
    Person(
        key="omar",
        name="Omar Farooq Baig",
        email="omar@demo.anjuman.test",
        about="Civil engineer in Dubai, building bridges I will never be allowed to drive across fast enough. Class of 1999. Weekend cook, weekday optimist.",
    ),
    Person(
        key="mehreen",
        name="Dr. Mehreen Kazmi",
        email="mehreen@demo.anjuman.test",
        about="Paediatrician, now in Manchester after twelve years in Lahore. Class of 2001, pre-medical. Ask me about requalifying abroad; I have the paperwork scars.",
    ),
    Person(
        key="hassan",
        name="Hassan Javed",
        email="hassan@demo.anjuman.test",
        about="Climate finance in London; a civil engineer in a previous life. Class of 1996. Treasurer of the Sitara Scholarship Fund, which means I send the reminders.",
    ),
    Person(
        key="priya",
        name="Priya Raman",
        email="priya@demo.anjuman.test",
        about="Data scientist in Singapore. I came to Sitara College for one exchange semester in 2009 and never really left its group chats.",
    ),
    Person(
        key="daniel",
        name="Daniel Okafor",
        email="daniel@demo.anjuman.test",
        about="Hydrologist from Lagos, now working on flood early-warning systems in Nairobi. Spent two unforgettable years at Sitara College on a research exchange.",
    ),
    Person(
        key="fatima",
        name="Fatima Zahra Noorani",
        email="fatima@demo.anjuman.test",
        about="Teacher and school principal in Karachi, class of 2004. I believe every child can love mathematics if nobody tells them otherwise.",
    ),
    Person(
        key="samina",
        name="ثمینہ اختر",
        email="samina@demo.anjuman.test",
        about="حیدرآباد میں لائبریرین ہوں۔ ستارہ کالج، ۱۹۹۸ کی جماعت۔ اردو شاعری، پرانی کتابیں اور چائے — اسی ترتیب سے۔",
    ),
    Person(
        key="rashid",
        name="Rashid Memon",
        email="rashid@demo.anjuman.test",
        about="I run three small restaurants in Karachi and one very large opinion about biryani. Class of 1994, commerce.",
    ),
    Person(
        key="lena",
        name="Lena Hoffmann",
        email="lena@demo.anjuman.test",
        about="Physicist in Heidelberg. Taught optics at Sitara College as a visiting lecturer from 2011 to 2014, and learned more than I taught.",
    ),
    Person(
        key="kabir",
        name="Kabir Sethi",
        email="kabir@demo.anjuman.test",
        about="Founder of a logistics startup, splitting time between San Francisco and Karachi. Class of 2008. Happy to read your pitch deck if you keep it under ten slides.",
    ),
    Person(
        key="zainab",
        name="Zainab Hussain",
        email="zainab@demo.anjuman.test",
        about="Climate scientist in Melbourne, studying heat and glaciers. Class of 2010. I write here about what the data says and what it feels like.",
    ),
    Person(
        key="arjun",
        name="Arjun Mehta",
        email="arjun@demo.anjuman.test",
        about="Accountant in New Jersey and captain of a weekend cricket club that loses gracefully. Married into the Sitara family; an honorary alumnus by marriage and by appetite.",
    ),
    Person(
        key="tahir",
        name="Tahir Baloch",
        email="tahir@demo.anjuman.test",
        about="Geologist based in Quetta, class of 2002. I spend half the year on mountain roads and the other half telling people about them.",
    ),
    Person(
        key="noor",
        name="Noor Jahan Aslam",
        email="noor@demo.anjuman.test",
        about="Chair of the Sitara Scholarship Fund committee. Human resources in Chicago by day, class of 1993, and the person who found your lost classmate's email.",
    ),
    Person(
        key="marcus",
        name="Marcus Lindqvist",
        email="marcus@demo.anjuman.test",
        about="Security engineer in Stockholm. My wife Rabia is class of 2005; I joined for the reunions and stayed for the arguments about cricket, which I still do not understand.",
    ),
    Person(
        key="hina",
        name="Hina Siddiqa",
        email="hina@demo.anjuman.test",
        about="Civil servant in Islamabad, class of 2000. Urban planning, public transport and the eternal question of where to park.",
    ),
    Person(
        key="yusuf",
        name="Yusuf Chaudhry",
        email="yusuf@demo.anjuman.test",
        about="Class of 2022, now a graduate student in materials science in Istanbul. First in my family to go to college, thanks to a Sitara scholarship.",
    ),
    Person(
        key="shirin",
        name="Shirin Dastur",
        email="shirin@demo.anjuman.test",
        about="Architect in Karachi, class of 1991, restoring old buildings one stubborn staircase at a time.",
    ),
    Person(
        key="irfan",
        name="محمد عرفان",
        email="irfan@demo.anjuman.test",
        about="Cricket coach in Multan. Sitara College, class of 2003, and captain of the college XI that year. کرکٹ میرا پہلا عشق ہے، اور آخری بھی۔",
    ),
]

# The member whose address the command prints next to the creator's.
SAMPLE_MEMBER = "ayesha"
