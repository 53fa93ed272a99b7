"""Every page carries a strict Content-Security-Policy, and the site works under it."""

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from comments.services import add_comment
from conftest import make_post

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pages_work_under_the_policy_and_an_injected_inline_script_does_not_run(
    page: Page, live_server, network, member, other_member
):
    post = make_post(member, title="Policy check", body="![a picture](https://example.org/a.png)")
    add_comment(post, member, "First!")
    violations: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(message.text)

    page.on("console", record)

    response = page.goto(f"{live_server.url}/")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy

    # An inline script that slipped into a page would not run.
    ran = page.evaluate(
        """() => {
            const s = document.createElement('script');
            s.textContent = 'window.injectedRan = true';
            document.body.appendChild(s);
            return window.injectedRan === true;
        }"""
    )
    assert ran is False
    assert violations, "the browser reports the blocked inline script"
    violations.clear()

    # The site's own scripts (htmx) run: a comment is added in place.
    sign_in(page, live_server.url, other_member, next_url=post.get_absolute_url())
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Add a comment").fill("Works under the policy.")
    page.get_by_role("button", name="Add Comment").click()
    expect(page.locator("#comments .comment", has_text="Works under the policy.")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True
    for path in ["/", "/blog/", "/members/", post.get_absolute_url(), "/blog/new/"]:
        page.goto(f"{live_server.url}{path}")
    assert violations == []
