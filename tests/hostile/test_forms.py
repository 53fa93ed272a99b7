"""Every form field of every route gets the hostile-input corpus (tests/hostile/harness.py).

One test per route and corpus category: the forms that post to the route are found on the
pages of the URLconf as each persona, every field gets a sample of the category (all of it with
--full) with ordinary values in the others, and each answer is checked: no 5xx; no markup a
payload brought in, on the answer, the page it sends to, the listings and in the feeds (which
must stay well-formed XML); legitimate text kept exactly; a refusal says why and keeps what was
typed; values a field must refuse (a port of 99999 in a URL, 2³¹ in a number) are refused.
"""

import pytest

from tests.test_access_matrix import World, named_routes

from .harness import STATS, Findings, FormRun, categories, has_forms

# Defects of issue 8 not fixed yet: (route, category) → the defect. strict: a fix turns the
# case green and the entry must go.
KNOWN: dict[tuple[str, str], str] = {}


def cases() -> list[object]:
    routes, _unnamed = named_routes()
    return [
        pytest.param(
            route,
            category,
            id=f"{route}-{category}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[route, category])]
            if (route, category) in KNOWN
            else [],
        )
        for route in sorted(routes)
        for category in categories()
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "category"), cases())
def test_every_field_takes_hostile_input(route: str, category: str) -> None:
    STATS.tests += 1
    if has_forms(route) is False:
        return  # no page has a form that posts here
    findings = Findings()
    FormRun(World(), route, category, findings).run()
    findings.assert_none()
