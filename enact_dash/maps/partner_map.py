"""The partner map: boundaries, one clustered marker per located partner, legend and attributions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import folium
import pandas as pd
from folium.utilities import JsCode

from enact_dash.config import MAP_BOUNDS
from enact_dash.i18n import plural, t
from enact_dash.maps.boundaries import build_boundaries_layers, country_name
from enact_dash.maps.decor import Attribution, LeafletTexts, Legend, MapBackground, legend_html
from enact_dash.maps.palette import partner_categories
from enact_dash.maps.points import Clustering, PointsLayer, PopupField, build_points_layer, located_mask
from enact_dash.maps.vendor import OfflineMap
from enact_dash.sources import readable, shown

# What st_folium should return for the partner map (see clicked_point_id).
RETURNED_OBJECTS = ["last_object_clicked_popup"]


def _axes_text(axes: object, axis_labels: Mapping[str, str], lang: str) -> str:
    if isinstance(axes, str):
        ids: Iterable[object] = [a for a in axes.split("|") if a]
    elif isinstance(axes, Iterable):
        ids = list(axes)
    else:
        ids = []
    labels = []
    for axis in ids:
        key = str(axis)
        labels.append(t("vocab.axis.all", lang) if key == "all" else axis_labels.get(key, key))
    return ", ".join(labels)


def _relation_text(relation: object, lead: object, lang: str) -> str:
    text = t(f"vocab.relation.{relation}", lang) if isinstance(relation, str) and relation else ""
    if lead is True or (isinstance(lead, bool | int) and bool(lead) and not pd.isna(lead)):
        lead_text = t("map.lead", lang)
        text = f"{text} ({lead_text})" if text else lead_text
    return text


def _safe_url(value: object) -> str:
    """An http(s) URL, or empty text (``javascript:`` and other schemes never become links)."""
    if not isinstance(value, str):
        return ""
    url = value.strip()
    parts = urlsplit(url)
    return url if parts.scheme.lower() in {"http", "https"} and parts.netloc else ""


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, str | tuple | list) and pd.isna(value)):
        return ""
    return str(value)


def _column(frame: pd.DataFrame, name: str) -> list[Any]:
    return frame[name].tolist() if name in frame else [None] * len(frame)


def partner_points(
    partners: pd.DataFrame, lang: str, axis_labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The display columns of the partner markers (texts in ``lang``), one row per partner."""
    labels = axis_labels or {}
    countries = [_cell(v) for v in _column(partners, "country")]
    country_names = {code: country_name(code, lang) for code in set(countries) if code}
    axes_texts: dict[object, str] = {}
    axes = []
    for value in _column(partners, "axes"):
        key = tuple(value) if isinstance(value, list) else value
        if key not in axes_texts:
            axes_texts[key] = _axes_text(value, labels, lang)
        axes.append(axes_texts[key])
    relations = [
        _relation_text(rel, lead, lang)
        for rel, lead in zip(_column(partners, "relation"), _column(partners, "lead"), strict=True)
    ]
    return pd.DataFrame(
        {
            "id": [_cell(v) for v in _column(partners, "id")],
            "name": [_cell(v) for v in _column(partners, "name")],
            "type": [_cell(v) for v in _column(partners, "type")],
            "lat": _column(partners, "lat"),
            "lon": _column(partners, "lon"),
            "city": [_cell(v) for v in _column(partners, "city")],
            "country": [country_names.get(code, "") for code in countries],
            "axes": axes,
            "relation": relations,
            "website": [_safe_url(v) for v in _column(partners, "website")],
            # A source that is one address is a link (its text made readable in the browser); several
            # citations are joined in the page's language, their addresses made readable here
            # ("Université", not "Universit%C3%A9").
            "source": [_safe_url(v) or readable(shown(_cell(v), lang)) for v in _column(partners, "source")],
        },
        index=partners.index,
    )


def partner_popup_fields(lang: str) -> list[PopupField]:
    return [
        PopupField("city", t("map.field.city", lang)),
        PopupField("country", t("map.field.country", lang)),
        PopupField("axes", t("map.field.axes", lang)),
        PopupField("relation", t("map.field.relation", lang)),
        PopupField("website", t("map.field.website", lang), kind="link"),
        PopupField("source", t("map.field.source", lang), kind="link"),
    ]


def count_located(partners: pd.DataFrame) -> int:
    """How many partners have coordinates (the others are listed, not mapped)."""
    return int(located_mask(partners).sum())


def build_partner_points_layer(
    partners: pd.DataFrame,
    lang: str,
    *,
    axis_labels: Mapping[str, str] | None = None,
    selected_id: str | None = None,
    clustering: Clustering = "grid",
    interactive: bool = True,
    chosen_focus: str | None = None,
) -> PointsLayer:
    """The partners as a points layer (see :func:`build_points_layer`, ``chosen_focus`` included)."""
    return build_points_layer(
        partner_points(partners, lang, axis_labels),
        category_col="type",
        categories=partner_categories(lang),
        popup_fields=partner_popup_fields(lang),
        lang=lang,
        category_label=t("map.field.type", lang),
        cluster_title=t("map.cluster.partners", lang),
        point_name=t("map.point.partner", lang),  # as the list's names: "Inria — afficher la fiche"
        selected_id=selected_id,
        clustering=clustering,
        name="partners",
        interactive=interactive,
        chosen_focus=chosen_focus,
    )


def _tile_layer(tiles: str, lang: str) -> folium.TileLayer:
    if "{z}" in tiles:  # a URL template: credit its host
        host = urlsplit(tiles.replace("{s}", "a")).netloc or tiles
        return folium.TileLayer(tiles=tiles, attr=t("map.tiles.credit", lang, host=host), control=False)
    return folium.TileLayer(tiles=tiles, control=False)


# Leaflet's handlers that a static map (a kiosk's) turns off: no panning, zooming or keyboard focus.
STATIC_MAP_OPTIONS = {
    "dragging": False, "keyboard": False, "scroll_wheel_zoom": False, "double_click_zoom": False,
    "box_zoom": False, "touch_zoom": False,
}


def build_base_map(lang: str, *, tiles: str | None = "OpenStreetMap", height: int = 560,
                   static: bool = False, title: str | None = None) -> folium.Map:
    """An offline map framed on the Grand Est and its border areas, with the geodata attribution.

    ``title`` names the map's frame for screen readers (see ``LeafletTexts``).

    ``static``: for a screen nobody touches (the kiosk): no zoom buttons, no pan or zoom, nothing that
    takes the keyboard focus, the credits as plain text (still shown: licences)."""
    (south, west), (north, east) = MAP_BOUNDS
    fmap = OfflineMap(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=7,
        tiles=None,
        # Markercluster needs the map's zoom range even when there is no tile layer.
        minZoom=5,
        maxZoom=18,
        height=height,
        prefer_canvas=True,
        zoom_snap=0.25,
        renderer=JsCode("L.canvas({tolerance: 3})"),
        zoom_control=False,  # added by LeafletTexts, with its titles in the language
        **(STATIC_MAP_OPTIONS if static else {}),
    )
    LeafletTexts(zoom_in=t("map.leaflet.zoom_in", lang), zoom_out=t("map.leaflet.zoom_out", lang),
                 library=t("map.leaflet.library", lang),
                 close_popup=t("map.leaflet.close_popup", lang), static=static, frame_title=title,
                 lang=lang).add_to(fmap)
    MapBackground().add_to(fmap)
    if tiles:
        _tile_layer(tiles, lang).add_to(fmap)
    Attribution(t("map.attribution.geodata", lang)).add_to(fmap)
    framing = folium.map.FitBounds([[south, west], [north, east]])
    # At once, not animated: a popup opened during the zoom animation (the selected partner's) was
    # panned into view for the view before it, and opened cut off by the map's edge.
    framing.options["animate"] = False
    framing.add_to(fmap)
    return fmap


def build_partner_map(
    partners: pd.DataFrame,
    boundaries: dict[str, Any],
    lang: str,
    *,
    tiles: str | None = "OpenStreetMap",
    selected_id: str | None = None,
    height: int = 560,
    axis_labels: Mapping[str, str] | None = None,
    clustering: Clustering = "grid",
    layer: PointsLayer | None = None,
    static: bool = False,
    chosen_focus: str | None = None,
) -> folium.Map:
    """The partner map: boundaries, clustered partner markers (shape + colour per type), legend.

    ``tiles``: a folium/xyzservices tile name or a URL template; ``None`` for no tile layer (the map
    then shows boundaries and markers on a plain background). ``axis_labels`` maps axis ids to their
    labels in ``lang``. ``selected_id`` is highlighted with a ring and its popup is open.
    ``layer``: :func:`build_partner_points_layer` of ``partners`` in ``lang`` if already built (it
    is reused with ``selected_id``; never add one layer to two maps).
    ``static``: a map nobody touches (the kiosk): see :func:`build_base_map`; its markers, clusters
    and boundaries take no click, no hover (no tooltip) and no focus.
    ``chosen_focus``: where the keyboard focus goes once a partner chosen on the map with the keyboard
    is shown (the id of the card's heading; see :func:`build_points_layer`).
    The legend counts the partners on the map by type, and says how many have no known place.
    Render with ``st_folium(m, returned_objects=RETURNED_OBJECTS, ...)`` (or once with
    :func:`enact_dash.maps.component.folium_component_args`) and read the clicked partner with
    :func:`clicked_point_id`.
    """
    fmap = build_base_map(lang, tiles=tiles, height=height, static=static,
                          title=t("map.frame.partners", lang))
    for boundary in build_boundaries_layers(boundaries, lang, interactive=not static):
        boundary.add_to(fmap)
    if layer is None:
        points = build_partner_points_layer(
            partners, lang, axis_labels=axis_labels, selected_id=selected_id, clustering=clustering,
            interactive=not static, chosen_focus=chosen_focus,
        )
    else:
        points = layer.with_selected(selected_id)
    points.add_to(fmap)
    legend = partner_legend(points, len(partners), lang)
    if legend is not None:
        legend.add_to(fmap)
    return fmap


def partner_legend(points: PointsLayer, partners: int, lang: str) -> Legend | None:
    """The partner map's legend: its title counts the partners on the map (the summary above the map and
    the filters count every partner of the view), a line per type with its count on the map, and how
    many more have no known place; None when the map has no partner."""
    counts = points.category_counts()
    items = [(category, counts[pos]) for pos, category in enumerate(points.categories) if counts[pos]]
    if not items:
        return None
    title = plural("map.legend.on_map", points.count, lang)
    unlocated = partners - points.count
    note = plural("map.legend.unlocated", unlocated, lang) if unlocated > 0 else None
    return Legend(title, legend_html(title, items, note), label=t("map.legend.title", lang))


def clicked_point_id(result: Mapping[str, Any] | None) -> str | None:
    """The id of the last point clicked on a map built here, from ``st_folium``'s return value.

    The points layer reports ``<id>#<click number>`` in ``last_object_clicked_popup`` (see
    points_layer.js): the number makes a second click on the same point a new value.
    """
    if not result:
        return None
    value = result.get("last_object_clicked_popup")
    if not isinstance(value, str):
        return None
    return value.split("#", 1)[0] or None
