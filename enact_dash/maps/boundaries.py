"""Boundaries layers: the Grand Est région outline, its départements and the neighbouring areas."""

from __future__ import annotations

import html
from functools import cache
from typing import Any

import folium
from babel import Locale

from enact_dash.i18n import BABEL_LOCALE, normalize_lang

# Style per feature kind. Neighbours are greyer and dashed; the région is a bold outline on top.
KIND_STYLE: dict[str, dict[str, Any]] = {
    "neighbour": {
        "color": "#8c8c8c",
        "weight": 1,
        "dashArray": "4 3",
        "fillColor": "#d9d9d9",
        "fillOpacity": 0.4,
    },
    "departement": {"color": "#5c5c5c", "weight": 1, "fillColor": "#ffffff", "fillOpacity": 0.35},
    "region": {"color": "#2b2b2b", "weight": 2.5, "fill": False},
}
_KIND_ORDER = {"neighbour": 0, "departement": 1, "region": 2}


@cache
def country_name(code: str, lang: str) -> str:
    """Localised name of an ISO 3166-1 alpha-2 country (the code itself if Babel does not know it)."""
    locale = Locale.parse(BABEL_LOCALE[normalize_lang(lang)])
    return str(locale.territories.get(code.upper(), code))


def boundary_label(properties: dict[str, Any], lang: str) -> str:
    """``Meurthe-et-Moselle (54) — France``, ``Saarland — Allemagne``."""
    name = str(properties.get("name", ""))
    code = properties.get("code")
    if properties.get("kind") == "departement" and code:
        name = f"{name} ({code})"
    country = properties.get("country")
    return f"{name} — {country_name(str(country), lang)}" if country else name


def _localised(features: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    out = []
    for feature in sorted(features, key=lambda f: _KIND_ORDER.get(f["properties"].get("kind"), 0)):
        properties = dict(feature["properties"])
        properties["label_html"] = html.escape(boundary_label(properties, lang))
        out.append({**feature, "properties": properties})
    return out


def _style(feature: dict[str, Any]) -> dict[str, Any]:
    return KIND_STYLE.get(feature["properties"].get("kind"), KIND_STYLE["neighbour"])


def build_boundaries_layers(boundaries: dict[str, Any], lang: str, *,
                            interactive: bool = True) -> list[folium.GeoJson]:
    """Two GeoJson layers: the areas with a tooltip (name — country), then the région outline.

    The outline is not interactive, so the départements under it keep their tooltips. The features
    keep their properties, plus ``label_html`` (the tooltip text, HTML-escaped).
    ``interactive=False`` (a map nobody touches, the kiosk's): no tooltip, nothing reacts to a hover
    or a tap (a tooltip left over a cluster by a passing hand stayed there).
    """
    features = _localised(list(boundaries.get("features", [])), lang)
    areas = [f for f in features if f["properties"].get("kind") != "region"]
    outline = [f for f in features if f["properties"].get("kind") == "region"]
    layers = []
    if areas:
        layers.append(
            folium.GeoJson(
                {"type": "FeatureCollection", "features": areas},
                name="boundaries",
                style_function=_style,
                tooltip=(folium.GeoJsonTooltip(fields=["label_html"], labels=False, sticky=True)
                         if interactive else None),
                control=False,
                interactive=interactive,
            )
        )
    if outline:
        layers.append(
            folium.GeoJson(
                {"type": "FeatureCollection", "features": outline},
                name="region",
                style_function=_style,
                control=False,
                interactive=False,
            )
        )
    return layers
