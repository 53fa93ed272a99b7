"""The script payloads of the corpus in Chromium: stored in every field that shows them, then
every page that shows them opened with a dialog listener. No dialog fires, no element the
payloads bring in exists (each payload calls alert("xss:NAME"), so a dialog says which)."""

import pytest
from playwright.sync_api import Page

from blogs.services import LinkData
from comments.services import add_comment
from conftest import make_member, make_post
from members.models import Member
from network.models import Network, SidebarBox
from network.services import save_sidebar_box

from .harness import corpus_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INJECTED = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            const v = a.value.replace(/[\\x00-\\x20]/g, '').toLowerCase();
            if (a.name.startsWith('on') && /xss:/.test(a.value))
                found.push(el.tagName + ' ' + a.name);
            if (['href', 'src', 'action', 'formaction'].includes(a.name)
                && /^(javascript|vbscript|data:text\\/html)/.test(v))
                found.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 40));
        }
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'svg', 'math'].includes(el.tagName)
            && /xss:/.test(el.outerHTML) && !el.closest('textarea')) found.push(el.tagName);
    }
    return found;
}"""


def test_no_script_payload_runs_anywhere_it_is_shown(page: Page, live_server, network: Network):
    scripts = [p.value for p in corpus_of("script") if isinstance(p.value, str)]
    # Several payloads per field keep the page count small: every payload is somewhere.
    chunks = [" ".join(scripts[i::4]) for i in range(4)]
    author = make_member(chunks[0][:80], "hostile-author@example.org")
    Member.objects.filter(pk=author.pk).update(about=chunks[1])
    Network.objects.filter(pk=network.pk).update(name=chunks[2][:120], tagline=chunks[3][:200])
    posts = [
        make_post(
            author,
            title=chunk[:120],
            body=chunk,
            tags=[s[:50] for s in scripts[i::4][:5]],
            links=[LinkData("https://example.org/", chunk[:200], chunk[:100], chunk)],
        )
        for i, chunk in enumerate(chunks)
    ]
    for chunk in chunks:
        add_comment(posts[0], author, chunk)
        save_sidebar_box(SidebarBox(title=chunk[:120], body=chunk, position=0))

    dialogs: list[str] = []

    def record(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    paths = [
        "/",
        "/blog/",
        "/members/",
        author.get_absolute_url(),
        f"{author.get_absolute_url()}blog/",
    ]
    paths += [p.get_absolute_url() for p in posts]
    paths += [f"/blog/tag/{t.slug}/" for t in posts[0].tags.all()[:3]]
    found: dict[str, list[str]] = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        injected = page.evaluate(INJECTED)
        if injected:
            found[path] = injected
    # The author's own pages (the edit form holds the payloads in its fields).
    from tests.browser.conftest import sign_in

    Member.objects.filter(pk=author.pk).update(display_name="Hostile Author")
    sign_in(page, live_server.url, author)
    for path in [f"/blog/{posts[0].pk}/edit/", "/settings/profile/", posts[0].get_absolute_url()]:
        page.goto(f"{live_server.url}{path}")
        injected = page.evaluate(INJECTED)
        if injected:
            found[path] = injected
    assert dialogs == [], f"dialogs fired: {dialogs}"
    assert found == {}, f"injected elements: {found}"
