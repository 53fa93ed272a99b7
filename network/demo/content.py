"""The demo network's own text: its name, tagline, description and sidebar boxes.

Everything here is fiction written for Anjuman's demo: the college and the web addresses (all
under example.com/.org/.net) are invented. network/demodata.py turns this text into rows; this
module only holds text, so it imports nothing from Django. The people are in members/demo, the
blog posts in blogs/demo and the comments in comments/demo.
"""

# Prose is kept one paragraph to a line, as it is stored; wrapping it would put line breaks into
# what members see when they edit a post.
# ruff: noqa: E501

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    title: str
    body: str


SEED = 1962  # the year Sitara College opened its gates
# The network was started this many days before the demo is loaded; its blog posts cover the last
# two years (blogs/demodata.py).
AGE_DAYS = 760

NETWORK_NAME = "Sitara Circle"
NETWORK_TAGLINE = "Sitara College Alumni Around the World"
NETWORK_TIME_ZONE = "Asia/Karachi"
NETWORK_DESCRIPTION = (
    "Sitara Circle is where graduates of Sitara College keep talking after the bell. We studied "
    "under the same banyan tree and argued in the same canteen; now we live on six continents. "
    "Read our members' blogs, find your batchmates, and add your own story."
)

# --- Sidebar boxes -----------------------------------------------------------------------------

SIDEBAR_BOXES = [
    Box(
        "About Sitara Circle",
        "Sitara College opened its gates in 1962 on Canal Road. Today its alumni live in more than thirty countries.\n\nThis network is run by volunteers, costs nothing to join and carries no advertising. **Members write; everyone reads.**",
    ),
    # The "Alumni Blogs" box goes here, second (blogs/demodata.py inserts it).
    Box(
        "Sitara Scholarship Fund",
        "Forty-six students supported this year, paid for by hundreds of small monthly gifts.\n\n- [How the fund works](https://scholarships.example.org/sitara/how-it-works)\n- [Give monthly](https://scholarships.example.org/sitara/give)\n- [Apply for a scholarship](https://scholarships.example.org/sitara/apply)",
    ),
    Box(
        "Useful Links",
        "- [Sitara College](https://www.example.org/sitara-college/)\n- [Alumni directory (PDF, 2019)](https://files.example.org/sitara/alumni-directory-2019.pdf)\n- [Mentoring programme sign-up](https://mentors.example.org/sitara)\n- [Reunion photo archive](https://photos.example.net/sitara-reunions)",
    ),
]
