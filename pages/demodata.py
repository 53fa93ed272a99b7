"""The demo network's own pages (loaddemo): About and Community rules, in the navigation."""

from django.utils import timezone

from lib.datagen import DemoContext
from lib.markup import render_markdown

from .models import Page

ABOUT = """\
Riverbend Alumni is where the people who passed through Riverbend keep in touch: old
classmates, teachers and the friends we made along the way, wherever in the world we live now.

- **Blogs**: write about what you are doing, and read what everyone else is up to.
- **Forum**: ask for advice, plan reunions, share news.
- **Groups and events**: find the people in your city, your year or your field, and meet them.

New here? Say hello in the forum, and fill in your profile so that old friends can find you.
"""

RULES = """\
1. Be kind. Disagree with ideas, never attack people.
2. Keep it personal, not commercial: no advertising or chain letters.
3. Ask before you share someone else's photo or story.
4. Report what breaks these rules; the moderators will look at it.

Thank you for keeping Riverbend a friendly place.
"""


def load(ctx: DemoContext) -> None:
    now = timezone.now()
    pages = [
        Page(title="About", slug="about", body=ABOUT, position=1),
        Page(title="Community rules", slug="rules", body=RULES, position=2),
    ]
    for page in pages:
        page.body_html = render_markdown(page.body)
        page.created_at = page.updated_at = now
    Page.objects.bulk_create(pages)
    ctx.count("pages", len(pages))
