"""The partner map's legend says what it counts: the partners on the map, by type, and how many more
have no known place; the same numbers as the summary above the map, which counts every partner of the
view (issue #3). On the object tree, never on folium's random ids."""

from __future__ import annotations

from typing import Any

import pytest

from enact_dash import partners as pt
from enact_dash.i18n import plural
from enact_dash.maps import build_partner_map
from enact_dash.maps.decor import Legend, legend_html
from enact_dash.maps.palette import Category
from tests.conftest import HOSTILE_NAME
from tests.unit.map_rows import NO_BOUNDARIES, view


def legend_of(fmap: Any) -> Legend | None:
    found = [e for e in fmap._children.values() if isinstance(e, Legend)]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    ("lang", "located", "unlocated", "title", "note", "line"),
    [
        ("fr", 7, 11, "7 partenaires sur la carte", "11 autres sans lieu connu", "Université (7)"),
        ("fr", 1, 1, "1 partenaire sur la carte", "1 autre sans lieu connu", "Université (1)"),
        ("en", 7, 11, "7 partners on the map", "11 more with no known location", "University (7)"),
        ("en", 1, 1, "1 partner on the map", "1 more with no known location", "University (1)"),
        ("de", 7, 11, "7 Partner auf der Karte", "11 weitere ohne bekannten Standort", "Universität (7)"),
        ("de", 1, 1, "1 Partner auf der Karte", "1 weiterer ohne bekannten Standort", "Universität (1)"),
        ("fr", 3, 0, "3 partenaires sur la carte", None, "Université (3)"),  # all on the map: no note
    ],
)
def test_the_legend_counts_the_partners_on_the_map_and_names_the_others(
    lang: str, located: int, unlocated: int, title: str, note: str | None, line: str
) -> None:
    shown = view(located, unlocated)
    legend = legend_of(build_partner_map(shown, NO_BOUNDARIES, lang, tiles=None))
    assert legend is not None
    assert legend.title == title
    assert legend.label == {"fr": "Type de partenaire", "en": "Partner type", "de": "Art des Partners"}[lang]
    assert f"<span>{line}</span>" in legend.inner_html
    assert legend.inner_html.count("<li>") == 1  # no line for a type that has nobody on the map
    if note is None:
        assert "enact-legend-note" not in legend.inner_html
    else:
        assert f'<p class="enact-legend-note">{note}</p>' in legend.inner_html
    # The numbers of the summary above the map: the legend's and its note's add up to everybody there.
    counts = pt.count_partners(shown)
    assert legend.title == plural("map.legend.on_map", counts.partners - counts.unlocated, lang)
    assert (counts.unlocated > 0) is (note is not None)


def test_a_view_with_nobody_on_the_map_has_no_legend() -> None:
    assert legend_of(build_partner_map(view(0, 2), NO_BOUNDARIES, "fr", tiles=None)) is None


def test_the_legend_counts_are_written_the_local_way() -> None:
    legend = legend_of(build_partner_map(view(1, 1234), NO_BOUNDARIES, "fr", tiles=None))
    assert legend is not None
    assert "1\u202f234 autres sans lieu connu" in legend.inner_html


def test_the_legend_note_is_escaped() -> None:
    markup = legend_html("t", [(Category("x", "X", "#0072B2"), 1)], note=HOSTILE_NAME)
    assert "<img" not in markup
    assert "&lt;img src=x onerror=alert(1)&gt;" in markup


