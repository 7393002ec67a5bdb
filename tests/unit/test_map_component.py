"""A map rendered once for streamlit-folium's component: the same arguments st_folium would pass, and
a points layer reused across selections without encoding its points again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import streamlit_folium

from enact_dash.maps import build_partner_map
from enact_dash.maps.component import folium_component_args
from enact_dash.maps.partner_map import RETURNED_OBJECTS, build_partner_points_layer

GEODATA = Path(__file__).resolve().parents[2] / "data" / "geo" / "boundaries.geojson"


def partners() -> pd.DataFrame:
    return pd.DataFrame([
        {"id": "ul", "name": "Université de Lorraine", "type": "university", "relation": "member",
         "lead": True, "city": "Nancy", "country": "FR", "lat": 48.6921, "lon": 6.1844, "axes": ("all",),
         "website": "https://www.univ-lorraine.fr", "source": "test"},
        {"id": "saar", "name": "Forschungsinstitut Saar", "type": "research_organisation",
         "relation": "cooperation", "lead": False, "city": "Saarbrücken", "country": "DE", "lat": 49.2402,
         "lon": 6.9969, "axes": ("nlp",), "website": "", "source": "test"},
    ])


@pytest.fixture(scope="module")
def boundaries() -> dict[str, Any]:
    return json.loads(GEODATA.read_text(encoding="utf-8"))


def st_folium_arguments(fmap: Any, key: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the installed ``st_folium`` hands to its component for ``fmap``."""
    seen: dict[str, Any] = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: seen.update(kwargs))
    streamlit_folium.st_folium(fmap, key=key, height=400, returned_objects=RETURNED_OBJECTS,
                               use_container_width=True)
    return seen


@pytest.mark.parametrize(
    ("tiles", "selected"),
    [(None, None), ("OpenStreetMap", None), (None, "saar")],
)
def test_arguments_are_those_st_folium_passes(boundaries, tiles, selected, monkeypatch):
    expected = st_folium_arguments(
        build_partner_map(partners(), boundaries, "fr", tiles=tiles, selected_id=selected, height=400),
        "some_map", monkeypatch,
    )
    ours = folium_component_args(
        build_partner_map(partners(), boundaries, "fr", tiles=tiles, selected_id=selected, height=400),
        key="some_map", returned_objects=RETURNED_OBJECTS,
    ).kwargs()
    for name in ("on_change", "height", "width"):  # given per call, not part of the rendering
        expected.pop(name)
    assert ours == expected


def test_the_widget_key_follows_the_script_and_the_page_key(boundaries):
    def args(selected: str | None, key: str) -> Any:
        fmap = build_partner_map(partners(), boundaries, "en", tiles=None, selected_id=selected)
        return folium_component_args(fmap, key=key, returned_objects=RETURNED_OBJECTS)

    assert args(None, "a").widget_key == args(None, "a").widget_key  # same map: kept in place
    assert args(None, "a").widget_key != args("ul", "a").widget_key  # new script: new map
    assert args(None, "a").widget_key != args(None, "b").widget_key


def test_a_layer_reused_for_another_selection_shares_its_points(boundaries):
    layer = build_partner_points_layer(partners(), "de")
    selected = layer.with_selected("saar")
    assert selected is not layer
    assert selected.payload_json is layer.payload_json  # not encoded again
    assert (layer.options["selected"], selected.options["selected"]) == (None, "saar")
    assert selected.category_counts() == layer.category_counts()
    built = build_partner_map(partners(), boundaries, "de", tiles=None, selected_id="saar")
    reused = build_partner_map(partners(), boundaries, "de", tiles=None, selected_id="saar", layer=layer)
    assert (folium_component_args(reused, key="k").script
            == folium_component_args(built, key="k").script)
    assert layer.options["selected"] is None  # the shared layer is left as it was
