"""What the partners page computes per run (enact_dash.partners.view): computed once per data, filters
and language, the list in pages, the map rendered once per view and selection."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

from enact_dash.filters import Filters
from enact_dash.partners import view as pv

EMPTY_BOUNDARIES: dict[str, Any] = {"type": "FeatureCollection", "features": []}
AXES = {"nlp": "Language", "health": "Digital health"}


def partner(pid: str, name: str, ptype: str, city: str, lat: float | None, lon: float | None,
            country: str = "FR") -> dict[str, Any]:
    return {"id": pid, "name": name, "short_name": "", "type": ptype, "relation": "member", "lead": False,
            "city": city, "city_key": city.lower(), "country": country, "lat": lat, "lon": lon,
            "axes": ("nlp",), "website": "", "source": "test"}


def loaded() -> pd.DataFrame:
    """Test data, not facts: five partners, one without a place."""
    return pd.DataFrame([
        partner("ul", "Université de Lorraine", "university", "Nancy", 48.69, 6.18),
        partner("chru", "CHRU de Nancy", "hospital", "Nancy", 48.65, 6.15),
        partner("hus", "Hôpitaux Universitaires de Strasbourg", "hospital", "Strasbourg", 48.57, 7.75),
        partner("saar", "Forschungsinstitut Saar", "research_organisation", "Saarbrücken", 49.24, 7.0, "DE"),
        partner("region", "Région Grand Est", "local_authority", "", None, None),
    ])


def test_a_view_is_computed_once_per_data_and_filters() -> None:
    data = loaded()
    view = pv.partners_view(data, Filters(ptype=("hospital",)))
    assert list(view.shown["id"]) == ["chru", "hus"]
    assert (view.counts.partners, view.counts.cities) == (2, 2)
    assert pv.partners_view(data, Filters(ptype=("hospital",), lang="de")) is view  # language: same view
    assert pv.partners_view(data, Filters()) is not view
    assert pv.partners_view(loaded(), Filters(ptype=("hospital",))) is not view  # new data: new view


def test_the_city_view_ignores_the_city_filter() -> None:
    view = pv.partners_view(loaded(), Filters(city=("Nancy",)))
    assert list(view.shown["id"]) == ["ul", "chru"]
    assert list(view.cities["city"]) == ["Nancy", "Saarbrücken", "Strasbourg"]
    assert list(pv.city_rows(loaded(), view, "en")["country"]) == ["France", "Germany", "France"]


@pytest.mark.parametrize(
    ("page", "ids", "span"),
    [
        (1, ["ul", "chru"], (1, 2)),
        (3, ["region"], (5, 5)),
        (0, ["ul", "chru"], (1, 2)),  # out of range: clamped
        (9, ["region"], (5, 5)),
    ],
)
def test_the_list_comes_in_pages(page: int, ids: list[str], span: tuple[int, int],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pv, "LIST_PAGE_SIZE", 2)
    data = loaded()
    view = pv.partners_view(data, Filters())
    assert view.list_pages == 3
    table = pv.list_table(data, view, "fr", AXES)
    assert len(table) == 5
    shown = pv.list_page(table, page)
    assert list(shown["id"]) == ids
    assert list(shown.index) == list(range(len(ids)))  # numbered from 0, as the selection reads it
    assert pv.page_span(5, page) == span


def test_one_page_when_the_list_is_short() -> None:
    view = pv.partners_view(loaded(), Filters())
    assert view.list_pages == 1
    assert pv.page_span(5, 1) == (1, 5)


def test_list_and_choices_are_memoised_per_language() -> None:
    data = loaded()
    view = pv.partners_view(data, Filters())
    french = pv.list_table(data, view, "fr", AXES)
    assert pv.list_table(data, view, "fr", AXES) is french
    assert pv.list_table(data, view, "de", AXES) is not french
    assert pv.list_table(data, view, "fr", {"nlp": "Autre libellé"}) is not french
    assert list(pv.pick_choices(data, view) or {}) == ["chru", "saar", "hus", "region", "ul"]


def test_no_chooser_for_a_long_view(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pv, "MAX_PICK", 3)
    data = loaded()
    assert pv.pick_choices(data, pv.partners_view(data, Filters())) is None
    assert pv.pick_choices(data, pv.partners_view(data, Filters(ptype=("hospital",)))) is not None


def payload_of(script: str) -> dict[str, Any]:
    payload, _ = json.JSONDecoder().raw_decode(script, script.index('{"v":1,'))
    return payload


def test_the_map_is_rendered_once_per_view_and_selection() -> None:
    data = loaded()
    view = pv.partners_view(data, Filters())

    def rendered(selected: str | None, lang: str = "fr") -> Any:
        return pv.map_args(data, view, EMPTY_BOUNDARIES, lang, tiles=None, selected_id=selected,
                           height=300, axis_labels=AXES, key="partners_map")

    first = rendered(None)
    assert rendered(None) is first
    assert payload_of(first.script)["id"] == ["ul", "chru", "hus", "saar"]  # the region has no place
    chosen = rendered("hus")
    assert chosen is not first
    assert payload_of(chosen.script) == payload_of(first.script)
    assert '"selected":"hus"' in chosen.script
    assert chosen.widget_key != first.widget_key  # a new script mounts a new map
    assert rendered(None, "de") is not first
