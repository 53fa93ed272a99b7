"""The network's look: a preset or custom colours (refused under WCAG AA contrast), served as
a small long-cached stylesheet; the creator's CSS, sanitised as CSS; the footer's text."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from appearance import themes
from appearance.customcss import MAX_RULES, sanitise
from conftest import client_for
from members.models import ActionLog
from network.models import Network

pytestmark = pytest.mark.django_db


def stylesheet_links(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="(/appearance/[^"]+)">', html)


# --- Contrast (WCAG 2.x) ------------------------------------------------------------------------


def test_contrast_is_computed_as_wcag_says():
    assert themes.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert themes.contrast("#ffffff", "#ffffff") == pytest.approx(1)
    # The WCAG reference grey: #767676 on white is just above 4.5:1, #777777 just under.
    assert themes.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert themes.contrast("#777777", "#ffffff") < themes.AA


@pytest.mark.parametrize("preset", themes.PRESETS, ids=lambda p: p.key)
def test_every_preset_passes_aa(preset):
    assert themes.problems(preset.colours) == []
    css = themes.variables(preset.colours)
    assert themes.contrast(css["--muted"], css["--paper"]) >= themes.AA


# --- Choosing a theme ---------------------------------------------------------------------------


def test_an_administrator_chooses_a_preset_and_visitors_get_its_stylesheet(admin_member):
    home = Client().get("/").content.decode()
    assert stylesheet_links(home) == []  # the default theme is site.css's own
    response = client_for(admin_member).post(
        reverse("appearance:manage"), {"theme": "dark", "footer_text": ""}
    )
    assert response.status_code == 302
    assert Network.objects.get().theme == "dark"
    assert ActionLog.objects.get(action="appearance").actor == admin_member
    [link] = stylesheet_links(Client().get("/").content.decode())
    css = Client().get(link)
    assert css["Content-Type"] == "text/css; charset=utf-8"
    assert "immutable" in css["Cache-Control"]
    assert "--wash: #14171a;" in css.content.decode()
    # An old version's address is answered with today's theme, cached briefly.
    stale = Client().get(reverse("appearance:theme_css") + "?v=0123")
    assert "immutable" not in stale["Cache-Control"]


def test_custom_colours_with_enough_contrast_are_kept(creator):
    response = client_for(creator).post(
        reverse("appearance:manage"),
        {
            "theme": "custom",
            "background": "#FFFDF5",
            "surface": "#ffffff",
            "text": "#222222",
            "accent": "#7a1f5c",
        },
    )
    assert response.status_code == 302
    network = Network.objects.get()
    assert network.colours == {
        "background": "#fffdf5",
        "surface": "#ffffff",
        "text": "#222222",
        "accent": "#7a1f5c",
    }
    [link] = stylesheet_links(Client().get("/").content.decode())
    css = Client().get(link).content.decode()
    assert "--brand: #7a1f5c;" in css and "--brand-ink: #ffffff;" in css


def test_colours_under_aa_are_refused_naming_the_pair_and_the_ratio(creator):
    response = client_for(creator).post(
        reverse("appearance:manage"),
        {
            "theme": "custom",
            "background": "#ffffff",
            "surface": "#ffffff",
            "text": "#999999",
            "accent": "#1d5f8a",
            "footer_text": "Kept as typed",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Text on the background: the contrast is 2.85:1" in html
    assert "Text on the surface: the contrast is 2.85:1" in html
    assert "Links on" not in html
    assert 'value="Kept as typed"' in html and 'value="#999999"' in html
    assert Network.objects.get().theme == "default"


def test_light_links_on_a_light_background_are_refused(creator):
    response = client_for(creator).post(
        reverse("appearance:manage"),
        {
            "theme": "custom",
            "background": "#ffffff",
            "surface": "#ffffff",
            "text": "#000000",
            "accent": "#88bbee",
        },
    )
    assert response.status_code == 400
    assert "Links on the background: the contrast is" in response.content.decode()


@pytest.mark.parametrize("value", ["red", "#12345", "#gggggg", "javascript:x", "#1234567"])
def test_a_colour_that_is_not_rrggbb_is_refused(creator, value):
    data = {"theme": "custom", "background": value, "surface": "#ffffff", "text": "#000000"}
    response = client_for(creator).post(reverse("appearance:manage"), {**data, "accent": "#000"})
    assert response.status_code == 400
    assert Network.objects.get().colours == {}


def test_an_unknown_theme_is_refused(creator):
    response = client_for(creator).post(reverse("appearance:manage"), {"theme": "neon"})
    assert response.status_code == 400


def test_members_cannot_change_the_look(member):
    response = client_for(member).post(reverse("appearance:manage"), {"theme": "dark"})
    assert response.status_code == 403
    assert Network.objects.get().theme == "default"


# --- Footer -------------------------------------------------------------------------------------


def test_the_footer_text_shows_on_every_page_as_plain_text(creator):
    client_for(creator).post(
        reverse("appearance:manage"),
        {"theme": "default", "footer_text": "Riverbend <b>Alumni</b> Association · ریور بینڈ"},
    )
    for url in ("/", reverse("members:directory"), reverse("blogs:list")):
        html = Client().get(url).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert (
            '<p class="footer-text" dir="auto">Riverbend &lt;b&gt;Alumni&lt;/b&gt; Association'
            in footer
        )


# --- Custom CSS ---------------------------------------------------------------------------------

HOSTILE = """
@import url("https://evil.example/x.css");
@charset "utf-8";
@font-face { font-family: x; src: url(https://evil.example/font.woff) }
@namespace svg url(http://www.w3.org/2000/svg);
.brand-name { letter-spacing: .05em; color: #1d5f8a }
.a { background: url(javascript:alert(1)); color: red }
.b { background-image: URL( "https://evil.example/track.gif" ) }
.c { width: expression(alert(document.cookie)) }
.d { behavior: url(evil.htc); -moz-binding: url(evil.xml#x) }
.e { background: image-set("x.png" 1x) }
.f { background: u\\72 l(https://evil.example/escaped) }
.g::after { content: "</style><script>alert(1)</script>" }
@media (max-width: 600px) { .j { padding: 0 } @import url(x.css); .k { background: url(x) } }
@media print { @media screen { .l { color: blue } } }
</style><script>alert(2)</script><style>
.h { color: green
.i { margin: 0 }
"""


def test_hostile_css_loses_everything_but_ordinary_rules():
    kept = sanitise(HOSTILE)
    lowered = kept.lower()
    for bad in ("@import", "url", "expression", "behavior", "binding", "<", "evil", "@font-face",
                "@charset", "@namespace", "image-set", "script"):  # fmt: skip
        assert bad not in lowered, bad
    assert ".brand-name {\n  letter-spacing: .05em;\n  color: #1d5f8a;\n}" in kept
    assert "@media (max-width: 600px) {\n.j {\n  padding: 0;\n}\n}" in kept
    assert ".a {\n  color: red;\n}" in kept  # the rule's other declarations stay
    assert ".l" not in kept  # @media inside @media: dropped
    # A selector of junk swallows what follows up to its block (as browsers read it): gone.
    assert ".h" not in kept


def test_unparseable_css_is_dropped_and_size_is_capped():
    assert sanitise("}}}{{{ ;;; @@@") == ""
    assert sanitise("a { color: red") == "a {\n  color: red;\n}\n"  # closed at the end
    many = "".join(f".r{n} {{ margin: {n}px }}" for n in range(MAX_RULES + 50))
    assert sanitise(many).count("{") == MAX_RULES


def test_the_creator_saves_css_that_is_served_sanitised(creator):
    client = client_for(creator)
    response = client.post(reverse("appearance:css"), {"custom_css": HOSTILE})
    assert response.status_code == 302
    stored = Network.objects.get().custom_css
    assert stored == sanitise(HOSTILE)
    assert "url" not in stored.lower()
    page = client.get(reverse("appearance:manage")).content.decode()
    assert "what was not ordinary, safe CSS was left out" in page
    [link] = stylesheet_links(Client().get("/").content.decode())
    assert link.startswith(reverse("appearance:custom_css") + "?v=")
    served = Client().get(link)
    assert served["Content-Type"] == "text/css; charset=utf-8"
    assert served.content.decode() == stored
    assert ActionLog.objects.get(action="custom-css").actor == creator


def test_css_written_to_the_database_another_way_is_sanitised_as_it_is_served(network):
    Network.objects.update(custom_css="a { background: url(https://evil.example/) ; color: red }")
    served = Client().get(reverse("appearance:custom_css")).content.decode()
    assert served == "a {\n  color: red;\n}\n"


def test_only_the_creator_changes_the_css(admin_member):
    client = client_for(admin_member)
    assert b"Custom CSS" not in client.get(reverse("appearance:manage")).content
    response = client.post(reverse("appearance:css"), {"custom_css": "a { color: red }"})
    assert response.status_code == 403
    assert Network.objects.get().custom_css == ""


def test_css_over_the_size_limit_is_refused(creator):
    response = client_for(creator).post(
        reverse("appearance:css"), {"custom_css": "a { color: red }" * 2000}
    )
    assert response.status_code == 400
    assert Network.objects.get().custom_css == ""
