"""What the keyboard needs from the map builders: every point named, the focus target after a keyboard
choice on the partners page's map (none on the kiosk's), the card marked with the partner it shows, and
the page's script that moves the focus there (issue #3). On the layer's options, never on folium's random
ids; the keyboard itself is tested in a real browser (tests/browser/test_partners_map_keyboard_browser.py)."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

from enact_dash import partners as pt
from enact_dash.filters import Filters
from enact_dash.i18n import t
from enact_dash.maps import build_partner_map
from enact_dash.maps.palette import Category
from enact_dash.maps.partner_map import build_partner_points_layer
from enact_dash.maps.points import PointsLayer, _library_js, build_points_layer
from enact_dash.ui.page import FOCUS_ON_CHOICE_JS
from tests.conftest import HOSTILE_NAME
from tests.unit.map_rows import NO_BOUNDARIES, partner, view


def layer_of(fmap: Any) -> PointsLayer:
    [layer] = [e for e in fmap._children.values() if isinstance(e, PointsLayer)]
    return layer


@pytest.mark.parametrize(
    ("lang", "name"),
    [("fr", "Inria — afficher la fiche"), ("en", "Inria — show details"),
     ("de", "Inria — Steckbrief anzeigen")],
)
def test_a_single_point_is_a_button_named_after_it_as_the_list_names_it(lang: str, name: str) -> None:
    options = build_partner_points_layer(view(1, 0), lang).options
    assert options["pointName"].replace("{title}", "Inria") == name
    # The list's link to the card says the same action ("Inria : afficher la fiche").
    assert t("partners.list.show", lang, name="Inria").endswith(name.removeprefix("Inria — "))


@pytest.mark.parametrize(
    ("lang", "name"),
    [("fr", "Atelier — afficher les détails"), ("en", "Atelier — show details"),
     ("de", "Atelier — Details anzeigen")],
)
def test_a_point_of_another_layer_has_a_generic_name(lang: str, name: str) -> None:
    layer = build_points_layer(
        pd.DataFrame({"id": ["e1"], "title": ["Atelier"], "kind": ["day"], "lat": [48.6], "lon": [6.2]}),
        category_col="kind", categories=[Category("day", "Journée", "#0072B2")], popup_fields=[],
        lang=lang, title_col="title")
    assert layer.options["pointName"].replace("{title}", "Atelier") == name


@pytest.mark.parametrize(
    ("static", "chosen_focus", "expected"),
    [(False, "partner-card", "partner-card"), (False, None, None), (True, "partner-card", None)],
)
def test_the_focus_target_of_a_keyboard_choice(static: bool, chosen_focus: str | None,
                                               expected: str | None) -> None:
    fmap = build_partner_map(view(2, 0), NO_BOUNDARIES, "fr", tiles=None, static=static,
                             chosen_focus=chosen_focus)
    options = layer_of(fmap).options
    assert options["chosenFocus"] == expected
    assert options["interactive"] is not static  # the kiosk's map: no handle, no focus (points_layer.js)


def test_the_partners_page_map_sends_the_focus_to_the_card_heading() -> None:
    data = view(2, 1)
    shown = pt.partners_view(data, Filters())
    rendered = pt.map_args(data, shown, NO_BOUNDARIES, "fr", tiles=None, selected_id=None, height=300,
                           axis_labels={}, key="partners_map")
    start = rendered.script.index('{"categories":')
    options, _ = json.JSONDecoder().raw_decode(rendered.script, start)
    assert options["chosenFocus"] == pt.CARD_ANCHOR == "partner-card"


def test_the_card_says_which_partner_it_shows_escaped() -> None:
    row = {**partner('x"><script>', "university", 48.69, 6.18), "name": HOSTILE_NAME}
    card = pt.detail_card_html(pt.partner_detail(row, "fr", {}), "fr")
    assert 'data-enact-shows="x&quot;&gt;&lt;script&gt;"' in card
    assert "<script" not in card


def test_the_map_script_carries_the_keyboard_helpers_and_the_page_listens() -> None:
    script = _library_js()
    assert script.index("window.EnactMapKeys = ") < script.index("window.EnactPoints = ")
    for helper in ("fitClear", "keepClear", "arrangeFocus", "announceChoice"):
        assert f"window.EnactMapKeys.{helper}(" in script  # used by the layer
    # The map posts {type: "enact:chosen", id, target}; the page waits for what shows that id.
    assert '"enact:chosen"' in script
    assert 'data.type !== "enact:chosen"' in FOCUS_ON_CHOICE_JS
    assert "[data-enact-shows]" in FOCUS_ON_CHOICE_JS
