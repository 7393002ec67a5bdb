"""The events map: the shared offline base map and point layer (``enact_dash.maps``), one marker per
located event, shape and colour per event type, popups with date, place, status and links.

Events without coordinates (no city, or a city outside the map area) are listed, not mapped: see
:func:`count_located`.
"""

from __future__ import annotations

import copy
import html
from collections import Counter, OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

import folium
import pandas as pd

from enact_dash.data.vocab import EVENT_TYPES
from enact_dash.events.display import event_status, localized, place_text, type_label
from enact_dash.events.frame import as_partial
from enact_dash.events.periods import format_when
from enact_dash.i18n import t
from enact_dash.maps import (
    Category,
    PointsLayer,
    PopupField,
    build_base_map,
    build_boundaries_layers,
    build_points_layer,
)
from enact_dash.maps.decor import Legend, legend_html
from enact_dash.sources import shown

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


def event_points(events: pd.DataFrame, lang: str, *, today: date) -> pd.DataFrame:
    """Display columns of the event markers (texts in ``lang``, dates and status as the page says them
    on ``today``), one row per located event."""
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
            "when": format_when(start, as_partial(row.get("end")), lang, today=today) if start else "",
            "where": place_text(row, lang),
            "status": event_status(row, lang, today=today),
            "registration": str(row.get("registration_url") or ""),
            "source": shown(str(row.get("source") or ""), lang),
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


@dataclass(frozen=True)
class EventsLayer:
    """The marker layer of a set of events, built once (the costly part at 50,000 events) and
    reused: :meth:`fresh` gives a copy to add to a new map (streamlit-folium rewrites element ids
    when it renders a map, so neither the map nor a layer can be rendered twice)."""

    layer: PointsLayer
    legend_items: tuple[tuple[Category, int], ...]

    def fresh(self) -> PointsLayer:
        clone = copy.copy(self.layer)
        clone._children = OrderedDict()
        clone._parent = None
        clone._id = clone._generate_id()
        return clone


# The element of the page that marks the chosen event's details (``chosen_marker_html``): where the
# keyboard focus goes after an event is chosen on the map with the keyboard (enact_dash.ui.page).
CHOSEN_ANCHOR = "event-chosen"


def chosen_marker_html(event_id: str) -> str:
    """An empty, hidden element inside the chosen event's details: it tells the page's focus script
    (``FOCUS_ON_CHOICE_JS``) that they show ``event_id``, and to focus their expander's summary (the
    event's title, which a screen reader then reads with its open state)."""
    return (f'<span id="{CHOSEN_ANCHOR}" data-enact-shows="{html.escape(event_id, quote=True)}" '
            'data-enact-focus="summary" hidden></span>')


def build_events_layer(
    events: pd.DataFrame, lang: str, *, today: date, selected_id: str | None = None,
    points: pd.DataFrame | None = None,
) -> EventsLayer | None:
    """The clustered event markers (shape + colour per type), or None when no event has a place.

    ``points``: the result of :func:`event_points` for ``events`` and ``lang``, if already computed.
    """
    markers = event_points(events, lang, today=today) if points is None else points
    if markers.empty:  # build_points_layer needs at least one row (an empty mask selects columns)
        return None
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
        chosen_focus=CHOSEN_ANCHOR,
    )
    counts = Counter(layer.category_codes())
    items = tuple((cat, counts[pos]) for pos, cat in enumerate(layer.categories) if counts[pos])
    return EventsLayer(layer, items)


def build_events_map(
    events: pd.DataFrame,
    boundaries: dict[str, Any],
    lang: str,
    *,
    today: date,
    tiles: str | None = "OpenStreetMap",
    selected_id: str | None = None,
    height: int = 480,
    layer: EventsLayer | None = None,
) -> folium.Map:
    """Boundaries, clustered event markers (shape + colour per type) and a legend with counts.

    ``layer``: :func:`build_events_layer` of ``events`` (same ``lang`` and ``selected_id``) if
    already built; the map itself is always new.
    """
    fmap = build_base_map(lang, tiles=tiles, height=height, title=t("map.frame.events", lang))
    for boundary in build_boundaries_layers(boundaries, lang):
        boundary.add_to(fmap)
    if layer is None:
        layer = build_events_layer(events, lang, today=today, selected_id=selected_id)
    if layer is None:
        return fmap
    layer.fresh().add_to(fmap)
    title = t("events.map.legend", lang)
    Legend(title, legend_html(title, list(layer.legend_items))).add_to(fmap)
    return fmap
