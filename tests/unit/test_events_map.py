"""The events map: marker texts, the object tree (never folium's random ids), layer reuse."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import folium
import pandas as pd
import pytest

from enact_dash.dates import PartialDate
from enact_dash.events.event_map import (
    CHOSEN_ANCHOR,
    build_events_layer,
    build_events_map,
    chosen_marker_html,
    count_located,
    event_points,
)
from enact_dash.events.frame import prepare
from enact_dash.maps import PointsLayer
from enact_dash.maps.decor import Legend

HOSTILE = "<img src=x onerror=alert(1)>"
BOUNDARIES: dict[str, Any] = {"type": "FeatureCollection", "features": []}
TODAY = date(2025, 11, 1)


def event(event_id: str, start: str, lat: float | None, lon: float | None, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": event_id, "title_fr": event_id, "type": "workshop", "start": PartialDate.parse(start),
        "end": None, "venue": "", "city": "", "country": "FR", "status": "confirmed",
        "lat": float("nan") if lat is None else lat, "lon": float("nan") if lon is None else lon,
        "registration_url": "", "source": "",
    }
    row.update(fields)
    return row


EVENTS = prepare(pd.DataFrame([
    event("day", "2025-12-12", 48.66, 6.15, type="annual_day", city="Villers-lès-Nancy",
          source="https://example.org/pr"),
    event("nuit", "2025-10-03", 48.66, 6.17, type="fete_science", city="Vandœuvre-lès-Nancy"),
    event("hostile", "2026-03", 49.12, 6.18, title_fr=HOSTILE, status="cancelled", city="Metz",
          registration_url="https://example.org/r"),
    event("nowhere", "2026", None, None, type="summer_school"),
]))


def children_of(fmap: folium.Map, kind: type) -> list[Any]:
    return [child for child in fmap._children.values() if isinstance(child, kind)]


def test_event_points_are_the_located_events_as_text() -> None:
    points = event_points(EVENTS, "fr", today=TODAY)
    assert list(points["id"]) == ["day", "nuit", "hostile"]
    hostile = points.set_index("id").loc["hostile"]
    assert hostile["title"] == f"[ANNULÉ] {HOSTILE}"  # text; the browser sets it with textContent
    assert hostile["when"] == "mars 2026"
    assert hostile["status"] == "Annulé"
    assert hostile["registration"] == "https://example.org/r"
    assert count_located(EVENTS) == 3


@pytest.mark.parametrize(
    ("event_id", "today", "when", "status"),
    [
        ("day", date(2025, 12, 12), "12 décembre 2025", "Prévu"),
        ("day", date(2025, 12, 13), "12 décembre 2025", "Annoncé (déroulement non confirmé)"),
        ("march", date(2026, 2, 28), "mars 2026", "Prévu"),
        ("march", date(2026, 11, 25), "mars 2026 — jour non publié", "Annoncé (déroulement non confirmé)"),
    ],
)
def test_popups_say_dates_and_status_as_the_page_on_today(event_id: str, today: date, when: str,
                                                          status: str) -> None:
    planned = prepare(pd.DataFrame([event("day", "2025-12-12", 48.66, 6.15, status="planned"),
                                    event("march", "2026-03", 49.12, 6.18, status="planned")]))
    point = event_points(planned, "fr", today=today).set_index("id").loc[event_id]
    assert (point["when"], point["status"]) == (when, status)


def test_map_tree_has_one_points_layer_and_a_legend_with_counts() -> None:
    fmap = build_events_map(EVENTS, BOUNDARIES, "en", today=TODAY, tiles=None)
    (layer,) = children_of(fmap, PointsLayer)
    assert layer.count == 3
    assert sorted(layer.category_codes()) == [0, 1, 3]  # annual day, Fête de la science, workshop
    (legend,) = children_of(fmap, Legend)
    assert legend.title == "Event type"
    assert "Workshop or colloquium (1)" in legend.inner_html


def test_no_located_event_gives_a_map_without_markers() -> None:
    fmap = build_events_map(EVENTS[EVENTS["id"] == "nowhere"], BOUNDARIES, "fr", today=TODAY, tiles=None)
    assert children_of(fmap, PointsLayer) == []
    assert build_events_layer(EVENTS.iloc[0:0], "fr", today=TODAY) is None


def _normalised_html(fmap: folium.Map) -> str:
    return re.sub(r"[0-9a-f]{32}", "ID", fmap.get_root().render())


def test_a_built_layer_is_reused_on_fresh_maps_with_the_same_output() -> None:
    layer = build_events_layer(EVENTS, "de", today=TODAY, selected_id="nuit")
    assert layer is not None
    first = build_events_map(EVENTS, BOUNDARIES, "de", today=TODAY, tiles=None, selected_id="nuit",
                             layer=layer)
    second = build_events_map(EVENTS, BOUNDARIES, "de", today=TODAY, tiles=None, selected_id="nuit",
                              layer=layer)
    (a,), (b,) = children_of(first, PointsLayer), children_of(second, PointsLayer)
    assert a is not b
    assert a.get_name() != b.get_name()
    assert layer.layer._parent is None  # the memoised layer itself is never put on a map
    built_fresh = build_events_map(EVENTS, BOUNDARIES, "de", today=TODAY, tiles=None, selected_id="nuit")
    assert _normalised_html(first) == _normalised_html(second) == _normalised_html(built_fresh)


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_popup_labels_follow_the_language(lang: str) -> None:
    layer = build_events_layer(EVENTS, lang, today=TODAY)
    assert layer is not None
    labels = [field["label"] for field in layer.layer.options["fields"]]
    expected = {"fr": "Inscription", "en": "Registration", "de": "Anmeldung"}[lang]
    assert expected in labels


def test_an_event_chosen_with_the_keyboard_sends_the_focus_to_its_details() -> None:
    layer = build_events_layer(EVENTS, "fr", today=TODAY)
    assert layer is not None
    assert layer.layer.options["chosenFocus"] == CHOSEN_ANCHOR
    marker = chosen_marker_html('"><img src=x>')
    assert f'id="{CHOSEN_ANCHOR}"' in marker
    assert 'data-enact-shows="&quot;&gt;&lt;img src=x&gt;"' in marker  # an id is escaped like any value
    assert 'data-enact-focus="summary"' in marker
    assert "<img" not in marker
