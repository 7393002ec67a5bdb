"""The events map: the shared offline base map and point layer (``enact_dash.maps``), one marker per
located event, shape and colour per event type, popups with date, place, status and links.

Events without coordinates (no city, or a city outside the map area) are listed, not mapped: see
:func:`count_located`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import folium
import pandas as pd

from enact_dash.config import BUNDLED_DATA_DIR
from enact_dash.data.vocab import EVENT_TYPES
from enact_dash.events.display import localized, place_text, status_label, type_label
from enact_dash.events.frame import as_partial
from enact_dash.events.periods import format_when
from enact_dash.geo import GEO_SUBDIR, load_boundaries
from enact_dash.i18n import t
from enact_dash.maps import Category, PopupField, build_base_map, build_boundaries_layers, build_points_layer
from enact_dash.maps.decor import Legend, legend_html

# Event type -> (colour, marker shape); also the timeline's colours. Order is the legend order.
EVENT_TYPE_STYLE: dict[str, tuple[str, str]] = dict(
    zip(
        EVENT_TYPES,
        (
            ("#0072B2", "star"),  # annual day
            ("#D55E00", "circle"),  # Fête de la Science
            ("#008B65", "square"),  # summer school
            ("#AA4499", "triangle"),  # workshop
            ("#8A6A00", "diamond"),  # launch
            ("#222222", "plus"),  # training
            ("#5A5A5A", "triangle_down"),  # other
        ),
        strict=True,
    )
)
POINT_COLUMNS = ["id", "title", "type", "lat", "lon", "when", "where", "status", "registration", "source"]


def event_categories(lang: str) -> list[Category]:
    return [
        Category(etype, type_label(etype, lang), colour, shape)
        for etype, (colour, shape) in EVENT_TYPE_STYLE.items()
    ]


def located(events: pd.DataFrame) -> pd.DataFrame:
    if events.empty or "lat" not in events or "lon" not in events:
        return events.iloc[0:0]
    lat = pd.to_numeric(events["lat"], errors="coerce")
    lon = pd.to_numeric(events["lon"], errors="coerce")
    return events[lat.notna() & lon.notna()]


def count_located(events: pd.DataFrame) -> int:
    return len(located(events))


def event_points(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Display columns of the event markers (texts in ``lang``), one row per located event."""
    rows = []
    for row in located(events).to_dict("records"):
        start = as_partial(row.get("start"))
        status = str(row.get("status") or "planned")
        title = localized(row, "title", lang)
        if status == "cancelled":
            title = f"{t('events.cancelled_mark', lang)} {title}"
        rows.append({
            "id": str(row.get("id") or ""),
            "title": title,
            "type": str(row.get("type") or "other"),
            "lat": row.get("lat"),
            "lon": row.get("lon"),
            "when": format_when(start, as_partial(row.get("end")), lang) if start else "",
            "where": place_text(row, lang),
            "status": status_label(status, lang),
            "registration": str(row.get("registration_url") or ""),
            "source": str(row.get("source") or ""),
        })
    return pd.DataFrame(rows, columns=POINT_COLUMNS)


def event_popup_fields(lang: str) -> list[PopupField]:
    return [
        PopupField("when", t("events.detail.when", lang)),
        PopupField("where", t("events.detail.where", lang)),
        PopupField("status", t("events.detail.status", lang)),
        PopupField("registration", t("events.detail.registration", lang), kind="link"),
        PopupField("source", t("events.detail.source", lang), kind="link"),
    ]


def geo_dir(data_dir: Path) -> Path:
    """``<data dir>/geo`` if present, else the bundled gazetteer (as the loaders do)."""
    own = Path(data_dir) / GEO_SUBDIR
    return own if own.is_dir() else BUNDLED_DATA_DIR / GEO_SUBDIR


def boundaries_for(data_dir: Path) -> dict[str, Any]:
    return load_boundaries(geo_dir(data_dir))


def build_events_map(
    events: pd.DataFrame,
    boundaries: dict[str, Any],
    lang: str,
    *,
    tiles: str | None = "OpenStreetMap",
    selected_id: str | None = None,
    height: int = 480,
    points: pd.DataFrame | None = None,
) -> folium.Map:
    """Boundaries, clustered event markers (shape + colour per type) and a legend with counts.

    ``points``: the result of :func:`event_points` for ``events`` and ``lang``, if already computed
    (the map itself must be built afresh for each render: streamlit-folium rewrites its ids).
    """
    fmap = build_base_map(lang, tiles=tiles, height=height)
    for layer in build_boundaries_layers(boundaries, lang):
        layer.add_to(fmap)
    markers = event_points(events, lang) if points is None else points
    if markers.empty:  # build_points_layer needs at least one row (an empty mask selects columns)
        return fmap
    layer = build_points_layer(
        markers,
        category_col="type",
        categories=event_categories(lang),
        popup_fields=event_popup_fields(lang),
        lang=lang,
        title_col="title",
        category_label=t("events.detail.type", lang),
        cluster_title=t("events.map.cluster", lang),
        selected_id=selected_id,
        name="events",
    )
    layer.add_to(fmap)
    counts = Counter(layer.category_codes())
    if counts:
        items = [(cat, counts[pos]) for pos, cat in enumerate(layer.categories) if counts[pos]]
        title = t("events.map.legend", lang)
        Legend(title, legend_html(title, items)).add_to(fmap)
    return fmap
