"""A generic, fast point layer: compact JSON in, canvas markers clustered at low zoom out.

Used by the partner map and reusable for any table of points (events...). The data travel once, as
columns (see :mod:`enact_dash.maps.payload`); the browser creates the markers, tooltips and popups
(``enact_dash/assets/points_layer.js``, built with DOM APIs and ``textContent``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import pandas as pd
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from enact_dash.i18n import t
from enact_dash.maps.palette import (
    MARKER_OUTLINE,
    SHAPES,
    Category,
    other_category,
    shape_extent,
)
from enact_dash.maps.payload import (
    decode_ints,
    encode_codes,
    encode_coords,
    encode_text_column,
    is_finite,
    script_json,
)
from enact_dash.maps.vendor import MARKERCLUSTER_CSS, MARKERCLUSTER_JS

MARKER_RADIUS = 6
CLUSTER_CELL_PX = 60  # points closer than about this many pixels are clustered
CLUSTER_MERGE_PX = 40  # groups of neighbouring grid cells closer than this are merged
Clustering = Literal["grid", "markercluster"]
HIGHLIGHT_COLOR = "#000000"
CLUSTER_COLOR = "#2B3A4A"  # white text on it: contrast 11.6:1
FOCUS_COLOR = "#1d4e89"  # the pages' focus ring (enact_dash.ui.page.BASE_CSS), with a white halo


@dataclass(frozen=True)
class PopupField:
    """One row of the popup: the value of ``column`` (display-ready text) under ``label``.

    ``kind="link"`` makes an http(s) value a link (``rel="noopener"``).
    """

    column: str
    label: str
    kind: Literal["text", "link"] = "text"


# The browser side: the keyboard helpers, then the layer that uses them.
_LIBRARY_FILES = ("map_keyboard.js", "points_layer.js")


@cache
def _library_js() -> str:
    assets = files("enact_dash").joinpath("assets")
    return "\n".join(assets.joinpath(name).read_text(encoding="utf-8") for name in _LIBRARY_FILES)


_CSS = f"""
.enact-cluster {{ background: transparent; }}
.enact-cluster span {{
  display: flex; align-items: center; justify-content: center; width: 100%; height: 100%;
  border-radius: 50%; background: {CLUSTER_COLOR}; color: #ffffff; border: 2px solid #ffffff;
  box-shadow: 0 0 0 1px {CLUSTER_COLOR}; font: 600 12px/1 system-ui, sans-serif; box-sizing: border-box;
}}
.enact-popup {{ font: 13px/1.4 system-ui, sans-serif; color: #1a1a1a; }}
.enact-popup-title {{ font-weight: 700; font-size: 14px; margin: 0 12px 4px 0; overflow-wrap: anywhere; }}
.enact-popup dl {{ display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0; }}
.enact-popup dt {{ color: #4a4a4a; }}
.enact-popup dd {{ margin: 0; overflow-wrap: anywhere; }}
.enact-popup a {{ color: #0b57a4; }}
.enact-popup-list {{ list-style: none; margin: 0; padding: 0; max-height: 14em; overflow-y: auto; }}
.enact-popup-item {{
  background: none; border: 0; padding: 2px 0; color: #0b57a4; text-decoration: underline;
  font: inherit; cursor: pointer; text-align: left;
}}
.enact-popup-more {{ color: #4a4a4a; margin-top: 4px; }}
/* A single point's keyboard handle: transparent over the canvas marker, a ring when focused. */
.enact-point {{ background: transparent; border-radius: 50%; }}
.enact-point:focus-visible, .enact-cluster:focus-visible, .enact-popup:focus-visible {{
  outline: 3px solid {FOCUS_COLOR}; outline-offset: 2px; box-shadow: 0 0 0 2px #ffffff;
}}
.enact-cluster:focus-visible {{ border-radius: 50%; }}
"""


class _RenderedText(Element):
    """Text that is already rendered. ``branca.element.Element(text)`` compiles its text as a Jinja
    template: for a points layer's script (megabytes of JSON at 50,000 points) that takes seconds."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class PointsLayer(JSCSSMixin):
    """Folium element for :func:`build_points_layer` (clustered canvas markers from compact JSON)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            {{ this.library_js }}
            var {{ this.get_name() }} = window.EnactPoints.build(
                {{ this.map_name() }}, {{ this._parent.get_name() }},
                {{ this.payload_json }}, {{ this.options_json }});
        {% endmacro %}
        """
    )
    # Only the "markercluster" mode needs a library (set per instance by build_points_layer).
    default_js: list[tuple[str, str]]
    default_css: list[tuple[str, str]]

    def __init__(
        self,
        payload: dict[str, Any],
        options: dict[str, Any],
        categories: Sequence[Category],
        name: str = "points",
        *,
        payload_json: str | None = None,
    ) -> None:
        super().__init__()
        self._name = "EnactPoints"
        self.default_js = []
        self.default_css = []
        self.layer_name = name
        self.categories = list(categories)
        self.payload = payload
        self.options = options
        # Encoded once here: st_folium renders the script twice, and with_selected reuses it.
        self.payload_json = script_json(payload) if payload_json is None else payload_json
        self.options_json = script_json(options)
        self._counts: list[int] | None = None
        self.library_js = _library_js()
        self.css = _CSS

    def render(self, **kwargs: Any) -> None:
        """MacroElement.render (header and script macros into the figure) without re-compiling the
        rendered text as a template, which costs seconds for a large payload."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("a PointsLayer renders inside a folium Figure")
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        module = self._template.module.__dict__
        for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = module.get(part)
            if macro is not None:
                target.add_child(_RenderedText(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)

    def with_selected(self, selected_id: str | None) -> PointsLayer:
        """A new layer (for a new map) with the same points and ``selected_id`` highlighted; the
        encoded points are shared, so this costs nothing at 10,000 points."""
        layer = PointsLayer(self.payload, {**self.options, "selected": selected_id}, self.categories,
                            self.layer_name, payload_json=self.payload_json)
        layer.default_js = list(self.default_js)
        layer.default_css = list(self.default_css)
        layer._counts = self._counts
        return layer

    @property
    def count(self) -> int:
        return int(self.payload["n"])

    def category_codes(self) -> list[int]:
        """Category index (into ``categories``) of each point, in order."""
        return decode_ints(self.payload["c"]["s"], self.payload["c"]["w"])

    def category_counts(self) -> list[int]:
        """Number of points of each category (same order as ``categories``)."""
        if self._counts is None:
            counts = Counter(self.category_codes())
            self._counts = [counts[pos] for pos in range(len(self.categories))]
        return list(self._counts)

    def map_name(self) -> str:
        element: Any = self._parent
        while element is not None and element._name != "Map":
            element = element._parent
        if element is None:
            raise ValueError("PointsLayer must be added to a folium.Map (or a layer on one)")
        return str(element.get_name())


def located_mask(points: pd.DataFrame, lat_col: str = "lat", lon_col: str = "lon") -> pd.Series:
    """True for the rows whose coordinates are both finite numbers."""
    if points.empty or lat_col not in points or lon_col not in points:
        return pd.Series(False, index=points.index, dtype=bool)
    lat = pd.to_numeric(points[lat_col], errors="coerce")
    lon = pd.to_numeric(points[lon_col], errors="coerce")
    finite = [is_finite(la) and is_finite(lo) for la, lo in zip(lat, lon, strict=True)]
    return pd.Series(finite, index=points.index, dtype=bool)


def _text(value: object) -> str:
    """Display text of a cell: missing values become empty text, runs of whitespace one space."""
    if isinstance(value, str) and value.isprintable() and "  " not in value and value == value.strip():
        return value  # the usual case, fast
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return " ".join(str(value).split())


def _texts(frame: pd.DataFrame, column: str) -> list[str]:
    return [_text(v) for v in frame[column].tolist()]


def build_points_layer(
    points: pd.DataFrame,
    *,
    category_col: str,
    categories: Sequence[Category],
    popup_fields: Sequence[PopupField],
    lang: str,
    id_col: str = "id",
    title_col: str = "name",
    lat_col: str = "lat",
    lon_col: str = "lon",
    category_label: str | None = None,
    cluster_title: str | None = None,
    point_name: str | None = None,
    clustering: Clustering = "grid",
    selected_id: str | None = None,
    name: str = "points",
    interactive: bool = True,
    chosen_focus: str | None = None,
) -> PointsLayer:
    """A layer of ``points`` (one marker per row that has finite coordinates).

    ``category_col`` holds category ids (``Category.id``); a value outside ``categories`` gets the
    "other" category. The popup shows the title, then ``category_label: <category label>`` (when
    given), then ``popup_fields`` in order; an empty text field reads as "unknown", an empty link is
    left out. ``cluster_title`` is a cluster's hover text, ``{n}`` standing for its size;
    ``point_name`` a single point's name for the keyboard, ``{title}`` standing for its title. Rows
    without coordinates are skipped: see ``PointsLayer.count`` for how many are drawn.
    ``interactive=False``: markers and clusters take no click, hover or keyboard focus (a kiosk).
    ``chosen_focus``: the id of the element of the page around the map (the map is in a frame) that
    takes the keyboard focus once the page shows a point chosen with the keyboard (the page marks
    what shows point ``id`` with ``data-enact-shows="id"``; see ``enact_dash.ui.page``).
    """
    located = points.loc[located_mask(points, lat_col, lon_col)]
    cats = list(categories)
    index = {cat.id: pos for pos, cat in enumerate(cats)}
    raw_categories = _texts(located, category_col)
    if any(value not in index for value in raw_categories):
        index[other_category(lang).id] = len(cats)
        cats.append(other_category(lang))
    codes = [index.get(value, len(cats) - 1) for value in raw_categories]

    payload: dict[str, Any] = {
        "v": 1,
        "n": len(located),
        "lat": encode_coords(pd.to_numeric(located[lat_col]).astype(float).tolist()),
        "lon": encode_coords(pd.to_numeric(located[lon_col]).astype(float).tolist()),
        "c": encode_codes(codes),
        "id": _texts(located, id_col),
        "t": _texts(located, title_col),
        "f": [encode_text_column(_texts(located, field.column)) for field in popup_fields],
    }
    options: dict[str, Any] = {
        "categories": [
            {
                "label": c.label,
                "color": c.color,
                "shape": list(SHAPES[c.shape]),
                "extent": shape_extent(c.shape),
            }
            for c in cats
        ],
        "fields": [{"label": f.label, "kind": f.kind} for f in popup_fields],
        "categoryLabel": category_label,
        "unknown": t("map.unknown", lang),
        "clusterTitle": cluster_title or t("map.cluster.title", lang),
        "clusterZoom": t("map.cluster.zoom", lang),  # a cluster's name: "{label} — zoomer"
        "clusterList": t("map.cluster.list", lang),
        "radius": MARKER_RADIUS,
        "outline": MARKER_OUTLINE,
        "highlight": HIGHLIGHT_COLOR,
        "clustering": clustering,
        "cellSize": CLUSTER_CELL_PX,
        "mergeDistance": CLUSTER_MERGE_PX,
        "moreText": t("map.cluster.more", lang),
        "pointName": point_name or t("map.point.name", lang),  # "{title} — afficher les détails"
        "chosenFocus": chosen_focus if interactive else None,
        "selected": selected_id,
        "interactive": interactive,
    }
    layer = PointsLayer(payload, options, cats, name=name)
    if clustering == "markercluster":
        layer.default_js = [("leaflet_markercluster", MARKERCLUSTER_JS)]
        layer.default_css = [("leaflet_markercluster_css", MARKERCLUSTER_CSS)]
    return layer
