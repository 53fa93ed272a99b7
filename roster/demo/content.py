"""The demo network's badges and named blogs (roster/demodata.py)."""

# (name, position, member keys of members/demo/content.py)
BADGES = [
    ("Founding member", 0, ["javed", "ayesha", "omar"]),
    ("Mentor", 1, ["ayesha", "mehreen"]),
    ("Volunteer", 2, ["hassan", "priya", "fatima"]),
]

# Member key → the blog's name; the others keep "NAME's Blog".
BLOG_NAMES = {
    "javed": "Lakhani's Musings",
    "ayesha": "Notes from Toronto",
}
