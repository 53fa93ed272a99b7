"""Every route's query parameters and path arguments get the hostile-input corpus.

Parameters the views read (next, page, q), generic ones they might read one day, and the fields
of every form sent with GET; path arguments of every converter (a str handle or slug gets any
payload, an int the integer edges). Checked: no 5xx, no open redirect (a Location on another
host), no markup a payload brought in, feeds still well-formed. As a visitor and, in turn, one
signed-in persona (every persona with --full).
"""

import os

import pytest

from tests.test_access_matrix import World

from .harness import (
    INT_EDGES,
    PERSONAS,
    QUERY_PARAMETERS,
    STATS,
    Findings,
    Payload,
    Route,
    all_routes,
    base_values,
    build_path,
    check_answer,
    client_as,
    corpus_of,
    discover,
    every_persona,
    parameter_payloads,
    quote_value,
    urlencode,
)

# Defects of issue 8 not fixed yet: (route, parameter) → the defect. strict: a fix turns the
# case green and the entry must go.
KNOWN: dict[tuple[str, str], str] = {}

# HOSTILE_PARAMETERS (comma-separated) keeps only those: the PostgreSQL pass of scripts/test.sh
# leaves out `next` and `lang`, which no view looks up in the database. Parameters joined by "+"
# are checked in one test per route (one world for them all): that pass joins its five.
GROUPS = tuple(
    "+".join(chosen)
    for group in (
        os.environ.get("HOSTILE_PARAMETERS") or ",".join((*QUERY_PARAMETERS, "form", "path"))
    ).split(",")
    if (chosen := [p for p in group.strip().split("+") if p in (*QUERY_PARAMETERS, "form", "path")])
)


def parameters_of(route: Route, group: str) -> list[str]:
    """The parameters of `group` that `route` has (a path argument needs a converter)."""
    return [p for p in group.split("+") if p != "path" or route.converters]


def cases() -> list[object]:
    return [
        pytest.param(
            route.name,
            group,
            id=f"{route.name}-{group}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[route.name, group])]
            if (route.name, group) in KNOWN
            else [],
        )
        for route in all_routes()
        for group in GROUPS
        if parameters_of(route, group)
    ]


def personas_for(route: str, parameter: str) -> list[str]:
    if every_persona():
        return list(PERSONAS)
    signed_in = PERSONAS[1:]
    return ["visitor", signed_in[sum(map(ord, route + parameter)) % len(signed_in)]]


@pytest.mark.django_db
@pytest.mark.parametrize(("route_name", "group"), cases())
def test_every_parameter_takes_hostile_input(route_name: str, group: str) -> None:
    STATS.tests += 1
    world = World()
    route = next(r for r in all_routes() if r.name == route_name)
    base = build_path(route, base_values(world, route))
    findings = Findings()
    visitor = client_as(world, "visitor")

    def get(persona: str, url: str, what: str, payload: object) -> None:
        # A fresh signed-in client: a link that signs in or out does not carry over.
        client = visitor if persona == "visitor" else client_as(world, persona)
        response = client.get(url)
        STATS.requests += 1
        STATS.submissions += 1
        STATS.routes.add(route_name)
        STATS.personas.add(persona)
        check_answer(response, findings, route_name, persona, what, payload)

    for parameter in parameters_of(route, group):
        clients = personas_for(route_name, parameter)
        if parameter == "path":
            for name, converter in route.converters:
                STATS.fields.add(f"{route_name}:<{name}>")
                values: list[Payload | str]
                if converter == "int":
                    values = list(INT_EDGES)
                else:
                    values = [*parameter_payloads(route_name, name), *corpus_of("path")]
                for i, value in enumerate(values):
                    raw = value if isinstance(value, str) else value.encoded()
                    path = build_path(route, {**base_values(world, route), name: quote_value(raw)})
                    persona = list(clients)[i % len(clients)]
                    get(persona, path, f"<{name}>", value)
        else:
            if parameter == "form":
                # The fields of forms sent with GET (a search box) that post to this route.
                names = sorted(
                    {
                        field
                        for found in discover(world).get(route_name, [])
                        if found.method == "get"
                        for field in found.signature
                    }
                )
            else:
                names = [parameter]
            for name in names:
                STATS.fields.add(f"{route_name}?{name}")
                for i, payload in enumerate(parameter_payloads(route_name, name)):
                    STATS.payloads.add(payload.name)
                    everyone = list(clients)
                    for who in everyone if every_persona() else [everyone[i % len(everyone)]]:
                        get(who, f"{base}?{urlencode([(name, payload.value)])}", name, payload)
    findings.assert_none()


def test_a_route_without_a_client_answer_is_still_a_route() -> None:
    # The walk finds the media route, which has no name, and never Django's admin site.
    names = [r.name for r in all_routes()]
    assert any(n.startswith("media/") for n in names)
    assert not any(n.startswith("django-admin") for n in names)
