"""The offline partner map: no CDN, escaped data, a readable palette, a compact payload."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import branca
import folium
import folium.elements
import pandas as pd
import pytest

from enact_dash.events.event_map import build_events_map
from enact_dash.i18n import has_key, t
from enact_dash.maps import (
    RETURNED_OBJECTS,
    Category,
    PopupField,
    build_partner_map,
    build_points_layer,
    clicked_point_id,
    count_located,
)
from enact_dash.maps.boundaries import KIND_STYLE, build_boundaries_layers
from enact_dash.maps.decor import Attribution, LeafletTexts, Legend, legend_html
from enact_dash.maps.palette import MAP_BACKGROUND, MARKER_OUTLINE, PARTNER_TYPE_STYLE, SHAPES
from enact_dash.maps.partner_map import build_partner_points_layer, partner_points
from enact_dash.maps.payload import (
    decode_coords,
    decode_ints,
    decode_text_column,
    encode_coords,
    encode_ints,
    encode_text_column,
    script_json,
)
from enact_dash.maps.points import PointsLayer
from enact_dash.maps.vendor import STATIC_URL

REPO = Path(__file__).resolve().parents[2]
STATIC_DIR = REPO / "dashboard" / "static"
GEODATA = REPO / "data" / "geo" / "boundaries.geojson"
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
PARTNER_COLUMNS = [
    "id", "name", "short_name", "type", "relation", "lead", "city", "country",
    "lat", "lon", "axes", "website", "source", "note",
]  # fmt: skip


def partner(pid: str, name: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": pid, "name": name, "short_name": "", "type": "university", "relation": "member",
        "lead": False, "city": "Nancy", "country": "FR", "lat": 48.6921, "lon": 6.1844,
        "axes": ("nlp",), "website": "", "source": "test", "note": "",
    }  # fmt: skip
    row.update(fields)
    return row


def partners(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=PARTNER_COLUMNS)


@pytest.fixture(scope="module")
def boundaries() -> dict[str, Any]:
    return json.loads(GEODATA.read_text(encoding="utf-8"))


def two_partners() -> pd.DataFrame:
    return partners(
        partner("ul", "Université de Lorraine", lead=True, axes=("all",), website="https://www.univ-lorraine.fr"),
        partner("hus", "Hôpitaux Universitaires de Strasbourg", type="hospital", city="Strasbourg",
                lat=48.5734, lon=7.7521, axes=("health",)),
    )  # fmt: skip


def walk(element: Any) -> Iterator[Any]:
    """Every element of a map, as streamlit-folium walks it to collect default_js / default_css."""
    if isinstance(element, folium.elements.JSCSSMixin | branca.colormap.ColorMap):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from walk(child)


def points_layer(fmap: folium.Map) -> PointsLayer:
    layers = [e for e in fmap._children.values() if isinstance(e, PointsLayer)]
    assert len(layers) == 1
    return layers[0]


def header_of(fmap: folium.Map) -> str:
    root = fmap.get_root()
    root.render()
    return root.header.render()


# --- no CDN ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("clustering", ["grid", "markercluster"])
@pytest.mark.parametrize("tiles", ["OpenStreetMap", None])
def test_map_loads_only_vendored_files(boundaries, tiles, clustering):
    fmap = build_partner_map(two_partners(), boundaries, "fr", tiles=tiles, clustering=clustering)
    links = [url for elem in walk(fmap) for _, url in [*elem.default_js, *elem.default_css]]
    assert any(url.endswith("/leaflet.js") for url in links)
    for url in links:
        assert url.startswith(f"{STATIC_URL}/vendor/"), url
        assert (STATIC_DIR / url.removeprefix(f"{STATIC_URL}/")).is_file(), url
    assert not re.search(r"https?://", header_of(fmap))


def test_only_tile_urls_leave_the_machine(boundaries):
    html = build_partner_map(two_partners(), boundaries, "fr", tiles="OpenStreetMap").get_root().render()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(src.startswith(f"{STATIC_URL}/vendor/") for src in sources)
    # Links, not requests: a partner's website and Leaflet's credit (its site, as Leaflet's own prefix had).
    links = {"https://www.univ-lorraine.fr", "https://leafletjs.com"}
    remote = set(re.findall(r"https?://[^\s\"'<>\\]+", html)) - links
    assert all("openstreetmap.org" in url for url in remote), remote


def test_every_vendored_library_ships_its_licence():
    for folder in (STATIC_DIR / "vendor").iterdir():
        if folder.is_dir():
            assert (folder / "LICENSE").is_file(), folder


# --- hostile data ---------------------------------------------------------------------------------

HOSTILE_ROWS = [
    partner("x1", HOSTILE_NAME, city="</script><script>alert(2)</script>", source="<!-- x",
            website="javascript:alert(3)"),
    partner("x2", "Ok", axes=(HOSTILE_NAME,), relation="member", note=HOSTILE_NAME),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_hostile_text_never_reaches_the_page_raw(boundaries, lang):
    fmap = build_partner_map(partners(*HOSTILE_ROWS), boundaries, lang, selected_id="x1")
    html = fmap.get_root().render()
    for raw in (HOSTILE_NAME, "</script><script>alert(2)", "<!-- x", "javascript:alert(3)"):
        assert raw not in html
    assert html.count("</script>") == html.count("<script")  # no script closed early
    # the data themselves are kept, escaped only for transport
    payload = points_layer(fmap).payload
    assert payload["t"][0] == HOSTILE_NAME
    assert decode_text_column(payload["f"][0])[0] == "</script><script>alert(2)</script>"


def test_a_non_http_website_is_not_kept_as_a_link(boundaries):
    fmap = build_partner_map(partners(*HOSTILE_ROWS), boundaries, "fr")
    layer = points_layer(fmap)
    website = [f["kind"] for f in layer.options["fields"]].index("link")
    assert decode_text_column(layer.payload["f"][website]) == ["", ""]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script>", '"\\u003c/script\\u003e"'),
        ("<!--", '"\\u003c!--"'),
        ("a & b", '"a \\u0026 b"'),
        ("é\u2028", '"é\\u2028"'),
    ],
)
def test_script_json_escapes_what_could_end_a_script(value, expected):
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


def test_legend_and_attribution_escape_their_labels():
    html = legend_html("<b>title</b>", [(Category("x", HOSTILE_NAME, "#0072B2"), 3)])
    assert HOSTILE_NAME not in html
    assert "&lt;img src=x onerror=alert(1)&gt; (3)" in html
    assert "&lt;b&gt;title&lt;/b&gt;" in html
    assert Attribution(HOSTILE_NAME).html == "&lt;img src=x onerror=alert(1)&gt;"


# --- palette --------------------------------------------------------------------------------------


def srgb_to_linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def luminance(hex_colour: str) -> float:
    r, g, b = (srgb_to_linear(c) for c in rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lab(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = (srgb_to_linear(c) for c in rgb(hex_colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = math.degrees(math.atan2(b1, a1p)) % 360, math.degrees(math.atan2(b2, a2p)) % 360
    dlp, dcp = l2 - l1, c2p - c1p
    dh = h2p - h1p
    if c1p * c2p == 0:
        dh = 0
    elif dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    dhp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbp, cbp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbp = (h1p + h2p) / 2
    else:
        hbp = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    tt = (
        1 - 0.17 * math.cos(math.radians(hbp - 30)) + 0.24 * math.cos(math.radians(2 * hbp))
        + 0.32 * math.cos(math.radians(3 * hbp + 6)) - 0.20 * math.cos(math.radians(4 * hbp - 63))
    )  # fmt: skip
    d_theta = 30 * math.exp(-(((hbp - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbp**7 / (cbp**7 + 25**7))
    sl = 1 + 0.015 * (lbp - 50) ** 2 / math.sqrt(20 + (lbp - 50) ** 2)
    sc, sh = 1 + 0.045 * cbp, 1 + 0.015 * cbp * tt
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dlp / sl) ** 2 + (dcp / sc) ** 2 + (dhp / sh) ** 2 + rt * (dcp / sc) * (dhp / sh))


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),  # reference pairs from Sharma, Wu & Dalal (2005)
    [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((90.8027, -2.0831, 1.441), (91.1528, -1.6435, 0.0447), 1.4441),
    ],
)
def test_ciede2000_matches_published_values(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def composite(fill: str, opacity: float, background: str) -> str:
    mixed = (round(opacity * f + (1 - opacity) * b) for f, b in zip(rgb(fill), rgb(background), strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


MARKER_BACKGROUNDS = {
    "map background": MAP_BACKGROUND,
    "marker outline": MARKER_OUTLINE,
    "neighbour area": composite(
        KIND_STYLE["neighbour"]["fillColor"], KIND_STYLE["neighbour"]["fillOpacity"], MAP_BACKGROUND
    ),
    "département": composite(
        KIND_STYLE["departement"]["fillColor"], KIND_STYLE["departement"]["fillOpacity"], MAP_BACKGROUND
    ),
}


@pytest.mark.parametrize("where", MARKER_BACKGROUNDS)
@pytest.mark.parametrize("ptype", PARTNER_TYPE_STYLE)
def test_each_type_colour_stands_out_3_to_1(ptype, where):
    assert contrast(PARTNER_TYPE_STYLE[ptype][0], MARKER_BACKGROUNDS[where]) >= 3


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(PARTNER_TYPE_STYLE, 2)))
def test_type_colours_are_far_apart(a, b):
    assert ciede2000(lab(PARTNER_TYPE_STYLE[a][0]), lab(PARTNER_TYPE_STYLE[b][0])) > 20


def test_each_type_has_its_own_shape():
    shapes = [shape for _, shape in PARTNER_TYPE_STYLE.values()]
    assert len(set(shapes)) == len(shapes)
    assert set(shapes) <= set(SHAPES)


# --- payload --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "width", "encoded"),
    [([0], 1, "0"), ([63], 1, "."), ([64], 2, "10"), ([0, 1, 4095], 2, "0001.."), ([], 1, "")],
)
def test_fixed_width_base64(values, width, encoded):
    assert encode_ints(values, width) == encoded
    assert decode_ints(encoded, width) == values


def test_a_value_too_large_for_its_width_is_refused():
    with pytest.raises(ValueError, match="does not fit"):
        encode_ints([64], 1)


def test_coordinates_round_trip_at_4_decimals():
    lats = [46.8, 48.69214, 51.0, 49.12345]
    assert decode_coords(encode_coords(lats)) == pytest.approx([46.8, 48.6921, 51.0, 49.1234], abs=6e-5)


@pytest.mark.parametrize(
    ("values", "dictionary", "prefix", "suffix"),
    [
        (["Nancy", "Metz", "Nancy", "Nancy", "Metz", "Nancy"], True, "", ""),
        (["Nancy", "Metz", "Reims"], False, "", ""),
        (["https://a.fr", "", "https://b.fr"], False, "https://", ".fr"),
        (["https://a.fr", "http://b.de"], False, "http", ""),
        (["ab", "abc"], False, "a", ""),  # never strip a value down to nothing
        (["xab", "yab", "ab"], False, "", "b"),
        (["same", "same"], False, "sam", ""),
        (["", ""], False, "", ""),
    ],
)
def test_text_columns_round_trip(values, dictionary, prefix, suffix):
    column = encode_text_column(values)
    assert ("d" in column) is dictionary
    assert (column.get("p", ""), column.get("x", "")) == (prefix, suffix)
    assert decode_text_column(column) == values


def synthetic_partners(n: int) -> pd.DataFrame:
    """``n`` made-up partners spread over 400 places, half of them with a website."""
    types = list(PARTNER_TYPE_STYLE)
    rows = []
    for i in range(n):
        place = i % 400
        rows.append(
            partner(
                f"p{i:05d}", f"{types[i % 6].replace('_', ' ').title()} {place} n°{i}", type=types[i % 6],
                relation=("member", "partner", "network", "cooperation")[i % 4], city=f"Ville {place}",
                country="FR", lat=46.9 + (place * 0.0101) % 4, lon=2.6 + (place * 0.0203) % 8,
                axes=(("nlp",), ("health",), ("nlp", "science"), ("all",))[i % 4],
                website=f"https://www.partner{i}.example" if i % 2 else "", source="press release",
            )
        )  # fmt: skip
    return partners(*rows)


def test_10k_partners_fit_in_80_bytes_each(boundaries):
    many = synthetic_partners(10_000)
    layer = points_layer(build_partner_map(many, boundaries, "fr", tiles=None))
    assert layer.count == 10_000
    size = len(layer.payload_json.encode("utf-8"))
    assert size / 10_000 <= 80
    assert layer.payload_json in layer._template.module.script(layer)  # what is embedded


def test_payload_keeps_every_point(boundaries):
    fmap = build_partner_map(two_partners(), boundaries, "en", axis_labels={"health": "Digital health"})
    layer = points_layer(fmap)
    payload = layer.payload
    assert payload["id"] == ["ul", "hus"]
    assert payload["t"] == ["Université de Lorraine", "Hôpitaux Universitaires de Strasbourg"]
    assert decode_coords(payload["lat"]) == pytest.approx([48.6921, 48.5734])
    assert decode_coords(payload["lon"]) == pytest.approx([6.1844, 7.7521])
    assert [layer.categories[c].label for c in layer.category_codes()] == ["University", "Hospital"]
    fields = {
        f["label"]: decode_text_column(col)
        for f, col in zip(layer.options["fields"], payload["f"], strict=True)
    }
    assert fields == {
        "City": ["Nancy", "Strasbourg"],
        "Country": ["France", "France"],
        "Axes": ["All axes", "Digital health"],
        "Relation": ["Member (cluster lead)", "Member"],
        "Website": ["https://www.univ-lorraine.fr", ""],
        "Source": ["test", "test"],
    }


def test_partners_without_coordinates_are_listed_not_mapped(boundaries):
    table = partners(
        partner("a", "A"),
        partner("b", "B", lat=float("nan"), lon=float("nan")),
        partner("c", "C", lat=None, lon=None),
    )
    assert count_located(table) == 1
    assert points_layer(build_partner_map(table, boundaries, "fr")).payload["id"] == ["a"]


def test_an_empty_table_gives_a_map_without_points(boundaries):
    fmap = build_partner_map(partners(), boundaries, "fr")
    assert points_layer(fmap).count == 0
    assert not [e for e in fmap._children.values() if isinstance(e, Legend)]


def test_an_unknown_type_is_shown_as_other(boundaries):
    layer = points_layer(build_partner_map(partners(partner("a", "A", type="spaceship")), boundaries, "de"))
    assert layer.categories[layer.category_codes()[0]].label == t("map.type.other", "de") == "Sonstige"


def test_the_layer_is_generic():
    events = pd.DataFrame(
        {
            "id": ["e1"],
            "title": ["Journée"],
            "kind": ["day"],
            "lat": [48.66],
            "lon": [6.16],
            "where": ["Villers"],
        }
    )
    layer = build_points_layer(
        events, category_col="kind", categories=[Category("day", "Journée", "#0072B2", "star")],
        popup_fields=[PopupField("where", "Lieu")], lang="fr", title_col="title", selected_id="e1",
    )  # fmt: skip
    assert layer.payload["t"] == ["Journée"]
    assert layer.options["selected"] == "e1"
    assert layer.options["categories"][0]["shape"] == list(SHAPES["star"])


# --- map furniture --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "legend", "university"),
    [("fr", "Type de partenaire", "Université (1)"), ("de", "Art des Partners", "Universität (1)")],
)
def test_legend_in_the_current_language(boundaries, lang, legend, university):
    fmap = build_partner_map(two_partners(), boundaries, lang)
    [legend_element] = [e for e in fmap._children.values() if isinstance(e, Legend)]
    assert legend_element.label == legend  # the group's name (the title counts: test_map_keyboard.py)
    assert university in legend_element.inner_html
    assert "<svg" in legend_element.inner_html


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_geodata_attribution_always_shown(boundaries, lang):
    fmap = build_partner_map(two_partners(), boundaries, lang, tiles=None)
    texts = [e.html for e in fmap._children.values() if isinstance(e, Attribution)]
    assert texts == [t("map.attribution.geodata", lang)]
    for source in ("IGN (Licence Ouverte 2.0)", "Natural Earth", "GeoNames (CC BY 4.0)"):
        assert source in texts[0]  # the licences too: the kiosk's map has no text under it
    # The credits are short and small (they sat over the map's bottom edge); the pages print the
    # sources in full under the map.
    assert len(texts[0]) < 90
    assert ".leaflet-control-attribution { font-size: 12px;" in fmap.get_root().render()
    for licence in ("IGN ADMIN EXPRESS (Licence Ouverte 2.0)", "GeoNames (CC BY 4.0)"):
        assert licence in t("map.sources", lang)


@pytest.mark.parametrize(
    ("tiles", "expected"),
    [
        (None, []),
        ("OpenStreetMap", ["OpenStreetMap"]),
        ("https://tiles.example/{z}/{x}/{y}.png", ["tiles.example"]),
    ],
)
def test_tiles_are_optional_and_credited(boundaries, tiles, expected):
    fmap = build_partner_map(two_partners(), boundaries, "fr", tiles=tiles)
    layers = [e for e in fmap._children.values() if isinstance(e, folium.TileLayer)]
    assert len(layers) == len(expected)
    for layer, credit in zip(layers, expected, strict=True):
        assert credit in layer.options["attribution"]


def test_the_map_is_framed_on_the_grand_est(boundaries):
    fmap = build_partner_map(two_partners(), boundaries, "fr")
    [fit] = [e for e in fmap._children.values() if isinstance(e, folium.map.FitBounds)]
    assert fit.bounds == [[46.8, 2.5], [51.0, 10.6]]
    assert fit.options["animate"] is False  # framed at once: no zoom animation before the markers
    assert fmap.options["maxZoom"] >= 14  # a cluster layer needs a zoom range even without tiles


@pytest.mark.parametrize(
    ("lang", "country", "label"),
    [
        ("fr", "DE", "Saarland — Allemagne"),
        ("en", "DE", "Saarland — Germany"),
        ("de", "CH", "Aargau — Schweiz"),
        ("fr", "LU", "Luxembourg — Luxembourg"),
        ("de", "BE", "Luxembourg — Belgien"),
        ("en", "FR", "Meurthe-et-Moselle (54) — France"),
    ],
)
def test_boundary_tooltips_name_the_country(boundaries, lang, country, label):
    areas, _outline = build_boundaries_layers(boundaries, lang)
    labels = {(f["properties"]["country"], f["properties"]["label_html"]) for f in areas.data["features"]}
    assert (country, label) in labels


def test_boundaries_are_styled_by_kind(boundaries):
    areas, outline = build_boundaries_layers(boundaries, "fr")
    kinds = [f["properties"]["kind"] for f in areas.data["features"]]
    assert kinds.count("departement") == 10
    assert kinds.count("neighbour") == 14
    assert {f["properties"]["country"] for f in areas.data["features"]} == {"FR", "DE", "LU", "BE", "CH"}
    assert [f["properties"]["code"] for f in outline.data["features"]] == ["44"]
    assert outline.options["interactive"] is False
    neighbour = areas.style_function({"properties": {"kind": "neighbour"}})
    departement = areas.style_function({"properties": {"kind": "departement"}})
    assert luminance(neighbour["color"]) > luminance(departement["color"])  # greyer, lighter outline
    assert neighbour.get("dashArray")


def has_tooltip(layer: folium.GeoJson) -> bool:
    return any(isinstance(child, folium.GeoJsonTooltip) for child in layer._children.values())


@pytest.mark.parametrize(("interactive", "tooltip"), [(True, True), (False, False)])
def test_boundaries_of_a_static_map_have_no_tooltip_and_take_no_hover(boundaries, interactive, tooltip):
    areas, outline = build_boundaries_layers(boundaries, "fr", interactive=interactive)
    assert has_tooltip(areas) is tooltip
    assert areas.options.get("interactive", True) is interactive
    assert outline.options["interactive"] is False


@pytest.mark.parametrize("static", [True, False])
def test_the_partner_map_boundaries_follow_static(boundaries, static):
    fmap = build_partner_map(two_partners(), boundaries, "fr", tiles=None, static=static)
    [areas] = [e for e in fmap._children.values()
               if isinstance(e, folium.GeoJson) and e.layer_name == "boundaries"]
    assert has_tooltip(areas) is not static


# --- clicks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (None, None),
        ({}, None),
        ({"last_object_clicked_popup": "ul"}, "ul"),
        ({"last_object_clicked_popup": "ul#1"}, "ul"),
        ({"last_object_clicked_popup": "chru-nancy#12"}, "chru-nancy"),
        ({"last_object_clicked_popup": "#3"}, None),
        ({"last_object_clicked_popup": ""}, None),
        ({"last_object_clicked_popup": None, "last_object_clicked_tooltip": "UL"}, None),
    ],
)
def test_clicked_point_id(result, expected):
    assert clicked_point_id(result) == expected
    assert RETURNED_OBJECTS == ["last_object_clicked_popup"]


def test_selected_partner_is_passed_to_the_browser(boundaries):
    layer = points_layer(build_partner_map(two_partners(), boundaries, "fr", selected_id="hus"))
    assert layer.options["selected"] == "hus"


# --- translations ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_every_map_label_is_translated(lang):
    keys = [f"vocab.partner_type.{ptype}" for ptype in PARTNER_TYPE_STYLE]
    keys += [f"vocab.relation.{rel}" for rel in ("member", "partner", "network", "cooperation")]
    keys += ["map.type.other", "vocab.axis.all"]
    assert all(has_key(key, lang) for key in keys)


@pytest.mark.parametrize(
    ("lang", "zoom_in", "zoom_out", "close", "library"),
    [
        ("fr", "Zoom avant", "Zoom arrière", "Fermer la fenêtre d’information", "bibliothèque JavaScript"),
        ("en", "Zoom in", "Zoom out", "Close the information box", "JavaScript library"),
        ("de", "Vergrößern", "Verkleinern", "Infofenster schließen", "JavaScript-Bibliothek"),
    ],
)
def test_leaflet_controls_speak_the_language(boundaries, lang, zoom_in, zoom_out, close, library):
    fmap = build_partner_map(two_partners(), boundaries, lang, tiles=None)
    # Leaflet's own zoom control (English titles) is off; ours has the titles in the language.
    assert fmap.options["zoom_control"] is False
    [texts] = [e for e in fmap._children.values() if isinstance(e, LeafletTexts)]
    assert texts.zoom_options == {"position": "topleft", "zoomInTitle": zoom_in, "zoomOutTitle": zoom_out}
    assert texts.close_label == close
    assert library in texts.prefix
    assert texts.prefix.startswith('<a href="https://leafletjs.com" title="')
    script = fmap.get_root().render()
    assert json.dumps(zoom_in) in script
    assert "setPrefix(" in script


@pytest.mark.parametrize(
    ("lang", "partners_title", "events_title"),
    [
        ("fr", "Carte des partenaires du cluster", "Carte des événements"),
        ("en", "Map of the cluster’s partners", "Map of the events"),
        ("de", "Karte der Partner des Clusters", "Karte der Veranstaltungen"),
    ],
)
def test_the_maps_frame_is_named_in_the_language(boundaries, lang, partners_title, events_title):
    # Streamlit titles the component's frame "streamlit_folium.st_folium": a screen reader said that.
    maps = {
        partners_title: build_partner_map(two_partners(), boundaries, lang, tiles=None),
        events_title: build_events_map(pd.DataFrame(columns=["id", "title", "type", "lat", "lon"]),
                                       boundaries, lang, today=date(2026, 11, 25), tiles=None),
    }
    for title, fmap in maps.items():
        [texts] = [e for e in fmap._children.values() if isinstance(e, LeafletTexts)]
        assert (texts.frame_title, texts.lang) == (title, lang)
        script = fmap.get_root().render()
        assert f'window.frameElement.setAttribute("title", {json.dumps(title)})' in script
        assert f"document.documentElement.lang = {json.dumps(lang)}" in script


def test_a_frame_title_is_written_as_a_script_string():
    texts = LeafletTexts(zoom_in="+", zoom_out="-", library="l", close_popup="x",
                         frame_title='</script><img src=x onerror=alert(1)>')
    fmap = folium.Map(tiles=None)
    texts.add_to(fmap)
    script = fmap.get_root().render()
    assert "</script><img" not in script
    assert "\\u003c/script\\u003e\\u003cimg" in script


def test_leaflet_prefix_title_is_escaped():
    texts = LeafletTexts(zoom_in="+", zoom_out="-", library='"><img src=x onerror=alert(1)>', close_popup="x")
    assert "<img" not in texts.prefix
    assert "&quot;&gt;&lt;img" in texts.prefix


@pytest.mark.parametrize(
    ("lang", "zoom", "listing"),
    [
        ("fr", "12 partenaires — zoomer", "12 partenaires — afficher la liste"),
        ("en", "12 partners — zoom in", "12 partners — show the list"),
        ("de", "12 Partner — vergrößern", "12 Partner — Liste anzeigen"),
    ],
)
def test_clusters_are_named_by_size_and_action(lang, zoom, listing):
    options = build_partner_points_layer(two_partners(), lang).options
    label = options["clusterTitle"].replace("{n}", "12")
    assert options["clusterZoom"].replace("{label}", label) == zoom
    assert options["clusterList"].replace("{label}", label) == listing


def test_popup_sources_show_addresses_readable():
    wiki = "https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"
    points = partner_points(pd.DataFrame([
        partner("a", "A", source=f"Communiqué ; site : {wiki}"),
        partner("b", "B", source=wiki),  # one address: a link, its text made readable in the browser
    ]), "fr")
    assert points["source"].tolist() == [
        "Communiqué\u202f; site\u00a0: https://fr.wikipedia.org/wiki/Université_de_Lorraine", wiki]


# --- a static map (the kiosk's): nothing to click or focus --------------------------------------------


@pytest.mark.parametrize(
    ("static", "zoom_control", "link_prefix", "handlers_on", "interactive"),
    [
        (False, True, True, True, True),
        (True, False, False, False, False),
    ],
)
def test_a_static_map_has_no_control_no_handler_and_a_plain_text_credit(
    boundaries, static, zoom_control, link_prefix, handlers_on, interactive
):
    fmap = build_partner_map(two_partners(), boundaries, "fr", tiles=None, static=static)
    [texts] = [e for e in fmap._children.values() if isinstance(e, LeafletTexts)]
    assert texts.zoom_control is zoom_control
    assert texts.prefix.startswith("<a ") is link_prefix
    assert "Leaflet" in texts.prefix  # the credit stays (licences)
    for option in ("dragging", "keyboard", "scroll_wheel_zoom", "double_click_zoom", "box_zoom",
                   "touch_zoom"):
        assert fmap.options.get(option, True) is handlers_on, option
    assert points_layer(fmap).options["interactive"] is interactive
    assert [e.html for e in fmap._children.values() if isinstance(e, Attribution)]  # geodata credited


@pytest.mark.parametrize("static", [False, True])
def test_the_zoom_control_is_added_only_on_a_map_that_can_zoom(static):
    texts = LeafletTexts(zoom_in="+", zoom_out="-", library="lib", close_popup="x", static=static)
    fmap = folium.Map(tiles=None, zoom_control=False)
    texts.add_to(fmap)
    assert ("L.control.zoom(" in fmap.get_root().render()) is not static
