"""axe-core (tests/a11y/axe.min.js, the npm package axe-core 4.14.1, MPL 2.0) in real Chromium
on every main page of the demo network, signed out and signed in as the creator, in English and
in Urdu: no "serious" or "critical" violation.

One browser context per language and persona and one tab for all its pages, to keep the suite
short. The contexts bypass the pages' Content-Security-Policy only so that axe's script can be
injected; the policy itself is tested in tests/browser/test_csp.py."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from playwright.async_api import Browser, Page, Route, async_playwright

from blogs.models import Post
from members.models import Member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).with_name("axe.min.js")
BLOCKING = ("serious", "critical")


def first_url(model_path: str, **filters: Any) -> str | None:
    """The address of the first object of an app's model, or None when the app (or the demo
    content) has none: the page list follows what the demo network holds."""
    from django.apps import apps

    try:
        model = apps.get_model(model_path)
    except LookupError:
        return None
    obj = model._default_manager.filter(**filters).order_by("pk").first()
    return obj.get_absolute_url() if obj is not None else None


def main_pages(creator: Member) -> list[str]:
    post = Post.objects.published().order_by("-published_at").first()
    assert post is not None
    word = post.title.split()[0]
    pages = [
        reverse("network:home"),
        post.get_absolute_url(),
        reverse("blogs:list"),
        creator.get_absolute_url(),
        reverse("members:directory"),
        reverse("forum:index"),
        first_url("forum.Discussion"),
        reverse("events:upcoming"),
        first_url("events.Event"),
        reverse("photos:list"),
        first_url("photos.Photo"),
        reverse("videos:list"),
        first_url("videos.Video"),
        reverse("groups:index"),
        first_url("groups.Group"),
        reverse("activity:everyone"),
        f"{reverse('search:search')}?q={word}",
    ]
    return [url for url in pages if url]


SIGNED_OUT_ONLY = ["members:signin", "members:join"]
SIGNED_IN_ONLY = [
    "blogs:create",
    # The creator's /manage/ pages.
    "network:settings",
    "network:sidebar",
    "appearance:manage",
    "features:manage",
    "access:settings",
    "roster:members",
    "profiles:questions",
    "pages:manage",
    "moderation:queue",
    "analytics:dashboard",
    "members:edit_profile",
    "messaging:inbox",
    "messaging:compose",
    "notifications:list",
    "notifications:settings",
]


async def violations(page: Page, url: str) -> list[str]:
    # The stylesheets are in by then (the deferred scripts wait for them); images and fonts
    # are not needed to judge the page.
    await page.goto(url, wait_until="domcontentloaded")
    # A video's player is another site's page in an iframe: axe judges the iframe element (its
    # title) but does not go inside, where it would wait for a site this machine may not reach.
    found: list[dict[str, Any]] = await page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations'], iframes: false}))"
        ".violations"
    )
    return [
        f"{url}: {v['impact']} {v['id']} ({v['help']}): "
        + " | ".join(node["html"][:160] for node in v["nodes"][:3])
        for v in found
        if v["impact"] in BLOCKING
    ]


async def refuse(route: Route) -> None:
    await route.abort()


async def check(
    browser: Browser, base: str, language: str, session: str | None, urls: list[str]
) -> list[str]:
    """One context (a language, a persona) and one tab going through its pages."""
    context = await browser.new_context(bypass_csp=True, base_url=base)
    cookies: list[Any] = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
    if session:
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base})
    await context.add_cookies(cookies)
    await context.add_init_script(path=AXE)
    # Nothing is fetched from other sites (video players, their thumbnails): refused at once
    # rather than left to time out.
    await context.route(lambda url: not url.startswith(base), refuse)
    page = await context.new_page()
    persona = "creator" if session else "visitor"
    problems = []
    for url in urls:
        problems += [f"[{language}, {persona}] {p}" for p in await violations(page, url)]
    # The language really was the one asked for (the member's choice, or the cookie).
    assert await page.evaluate("document.documentElement.lang") == language, (language, persona)
    await context.close()
    return problems


async def check_all(
    launch_args: dict[str, Any], base: str, session: str, pages: list[str]
) -> list[str]:
    """The four passes side by side (a tab each): the server answers one while Chromium runs
    axe in another."""
    signed_out = pages + [reverse(name) for name in SIGNED_OUT_ONLY]
    signed_in = pages + [reverse(name) for name in SIGNED_IN_ONLY]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_args)
        results = await asyncio.gather(
            *(
                check(browser, base, language, session if member else None, urls)
                for language in ("en", "ur")
                for member, urls in ((False, signed_out), (True, signed_in))
            )
        )
        await browser.close()
    return [problem for found in results for problem in found]


def test_no_serious_violation_on_the_main_pages(
    live_server: Any, browser_type_launch_args: dict[str, Any]
) -> None:
    call_command("loaddemo", stdout=StringIO())
    creator = Member.objects.get(role=Member.Role.CREATOR)
    # No language of their own: the cookie chooses it, as for the visitor.
    Member.objects.filter(pk=creator.pk).update(language="")
    client = Client()
    client.force_login(creator)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    pages = main_pages(creator)
    # In a thread of its own: the sync Playwright of the other browser tests keeps an event
    # loop in this one.
    with ThreadPoolExecutor(1) as pool:
        problems = pool.submit(
            asyncio.run, check_all(browser_type_launch_args, live_server.url, session, pages)
        ).result()
    assert not problems, "\n".join(problems)
