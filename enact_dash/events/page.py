"""What the events page needs for one run, computed once per (data, filters, language, day).

Pure (no Streamlit): ``pages/events.py`` calls these and renders. The heavy parts are memoised on the
identity of the loaded events frame (see :mod:`enact_dash.memo`), so a rerun with the same
data and filters costs a few dictionary look-ups even with 50,000 events; downloads are built only
when clicked (the page passes callables).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

import folium
import pandas as pd
import plotly.graph_objects as go

from enact_dash.charts_events import events_timeline
from enact_dash.charts_events import plotly_config as plotly_config  # the page passes it to st.plotly_chart
from enact_dash.dates import PartialDate
from enact_dash.events.display import EventView, event_view, events_table, summary_text
from enact_dash.events.event_map import (
    EventsLayer,
    build_events_layer,
    build_events_map,
    count_located,
    event_points,
)
from enact_dash.events.event_map import chosen_marker_html as chosen_marker_html  # the page shows it
from enact_dash.events.event_map import located as located_events
from enact_dash.events.export import events_download
from enact_dash.events.frame import (
    AUDIENCE_KEY,
    AXES_KEY,
    CITY_KEY,
    count_without_days,
    filter_by,
    page_count,
    page_of,
    prepare,
    split_upcoming_past,
)
from enact_dash.exports import Download, download_csv, download_json, view_filters
from enact_dash.facets import FacetCounts, axis_facet, city_facet, several_facet, value_facet
from enact_dash.filters import Filters
from enact_dash.i18n import t
from enact_dash.ics import event_to_ics, export_ics
from enact_dash.maps.component import FoliumComponentArgs, folium_component_args
from enact_dash.maps.partner_map import RETURNED_OBJECTS
from enact_dash.memo import IdentityMemo

PAGE_SIZE = 10
TABLE_LIMIT = 500  # rows of the table alternative (the CSV has them all)
# Markers on the map: the first events of the view (upcoming soonest first, then the latest past).
# Fifty thousand markers are no overview and cost seconds in the browser; the page says when it cuts.
MAP_LIMIT = 2000
FILTER_FIELDS = ("axis", "city", "etype", "audience", "date_from", "date_to")

_MEMO = IdentityMemo(maxsize=96)


def filter_key(filters: Filters) -> tuple[Any, ...]:
    return tuple(getattr(filters, name) for name in FILTER_FIELDS)


def prepared(events: pd.DataFrame) -> pd.DataFrame:
    """The prepared frame of a loaded events frame, computed once per frame."""
    return _MEMO.get(events, "prepared", lambda: prepare(events))


@dataclass(frozen=True)
class EventsSelection:
    """The events of one view: filtered, then split into upcoming (soonest first) and past."""

    key: tuple[Any, ...]  # (filters, today): names this selection in the memo
    today: date  # the day it was made for: upcoming and past, and how dates and status are said
    all_count: int
    filtered: pd.DataFrame  # chronological
    upcoming: pd.DataFrame
    past: pd.DataFrame
    without_days: int  # not in the calendar file
    located: int  # events with a place (the map shows at most MAP_LIMIT of them)

    @property
    def count(self) -> int:
        return len(self.filtered)

    @property
    def on_map(self) -> pd.DataFrame:
        """The located events the map shows: the first MAP_LIMIT of the view's order."""
        return located_events(self.filtered).head(MAP_LIMIT)

    @property
    def map_capped(self) -> bool:
        return self.located > MAP_LIMIT


def select_events(events: pd.DataFrame, filters: Filters, *, today: date) -> EventsSelection:
    key = (filter_key(filters), today)

    def compute() -> EventsSelection:
        ready = prepared(events)
        shown = filter_by(ready, filters)
        upcoming, past = split_upcoming_past(shown, today=today)
        return EventsSelection(
            key=key,
            today=today,
            all_count=len(ready),
            filtered=pd.concat([upcoming, past]) if len(past) else upcoming,
            upcoming=upcoming,
            past=past,
            without_days=count_without_days(shown),
            located=count_located(shown),
        )

    return _MEMO.get(events, ("selection", key), compute)


def event_span(events: pd.DataFrame) -> tuple[PartialDate, PartialDate] | None:
    """The first event's start and the latest end (or start) of the data, or None without a dated event;
    computed once per events frame (the date pickers and the empty view read it on every run)."""
    def compute() -> tuple[PartialDate, PartialDate] | None:
        ready = prepared(events)
        if "start" not in ready:
            return None
        starts = [start for start in ready["start"] if start is not None]
        if not starts:
            return None
        ends = [end if end is not None else start
                for start, end in zip(ready["start"], ready["end"], strict=True) if start is not None]
        return min(starts), max(ends, key=lambda day: day.last_day)

    return _MEMO.get(events, "span", compute)


def date_bounds(events: pd.DataFrame, filters: Filters, *, today: date) -> tuple[date, date]:
    """The date pickers' range: whole years from the first event to the last, a year either side of
    today, and the link's own dates, so that a period written in a link (``?date_to=2035-01-01``) is
    shown as written, never refused by the picker."""
    years = {today.year - 1, today.year + 1}
    span = event_span(events)
    if span is not None:
        years.update(day.year for day in span)
    years.update(day.year for day in (filters.date_from, filters.date_to) if day is not None)
    return date(min(years), 1, 1), date(max(years), 12, 31)


def outside_period(events: pd.DataFrame, filters: Filters, lang: str) -> str:
    """Why a period matches nothing, when it lies wholly before or after every event of the data
    (``?date_from=2099-01-01``): "ceux des données vont de mai 2025 à 2026"; "" otherwise (the other
    filters may be the cause, and the empty view says so)."""
    span = event_span(events) if filters.date_from or filters.date_to else None
    if span is None:
        return ""
    first, last = span
    after = filters.date_from is not None and filters.date_from > last.last_day
    before = filters.date_to is not None and filters.date_to < first.first_day
    if not (after or before):
        return ""
    return t("events.empty.period", lang, first=first.period(lang), last=last.period(lang))


def event_facets(events: pd.DataFrame, filters: Filters) -> dict[str, FacetCounts]:
    """How many events each research axis, city, type and audience would give, with every other
    filter of the view (:mod:`enact_dash.facets`): the sidebar's chips and the page's own on the events
    page. Upcoming and past together, as the page's count. Once per data and filters."""
    def compute() -> dict[str, FacetCounts]:
        ready = prepared(events)
        return {
            "axis": axis_facet(filter_by(ready, replace(filters, axis=()))[AXES_KEY]),
            "city": city_facet(filter_by(ready, replace(filters, city=()))[CITY_KEY]),
            "etype": value_facet(filter_by(ready, replace(filters, etype=()))["type"]),
            "audience": several_facet(filter_by(ready, replace(filters, audience=()))[AUDIENCE_KEY]),
        }

    return _MEMO.get(events, ("facets", filter_key(filters)), compute)


def page_items(frame: pd.DataFrame, page: int, lang: str, *, today: date,
               size: int | None = None) -> list[tuple[EventView, dict[str, Any]]]:
    """The events of one page of a list (``PAGE_SIZE`` events by default): (view ready to show, row
    for its calendar file)."""
    rows = page_of(frame, page, size or PAGE_SIZE).to_dict("records")
    return [(event_view(row, lang, today=today), row) for row in rows]


def detail_lines(view: EventView, lang: str) -> list[tuple[str, str]]:
    """(label, value) lines of an event's detail view; unknown values say so."""
    unknown = t("common.unknown", lang)
    lines = [
        (t("events.detail.when", lang), view.when),
        (t("events.detail.where", lang), view.where or unknown),
        (t("events.detail.type", lang), view.type),
        (t("events.detail.status", lang), view.status),
        (t("events.detail.audience", lang), view.audience or unknown),
    ]
    if view.accessibility or view.accessibility_note:
        access = " — ".join(x for x in (view.accessibility, view.accessibility_note) if x)
        lines.append((t("events.detail.accessibility", lang), access))
    return lines


def pages(frame: pd.DataFrame, size: int | None = None) -> int:
    return page_count(len(frame), size or PAGE_SIZE)


def find_event(selection: EventsSelection, event_id: str) -> dict[str, Any] | None:
    """The row of the selected event (``?event=<id>``) if it is in the view."""
    if not event_id:
        return None
    match = selection.filtered[selection.filtered["id"] == event_id]
    return match.iloc[0].to_dict() if len(match) else None


def summary(events: pd.DataFrame, selection: EventsSelection, lang: str, *, today: date) -> str:
    return _MEMO.get(events, ("summary", selection.key, lang),
                     lambda: summary_text(selection.filtered, lang, today=today))


def timeline(events: pd.DataFrame, selection: EventsSelection, lang: str, *, today: date) -> go.Figure:
    return _MEMO.get(events, ("timeline", selection.key, lang),
                     lambda: events_timeline(selection.filtered, lang, today=today))


def table(events: pd.DataFrame, selection: EventsSelection, lang: str, *, today: date) -> pd.DataFrame:
    return _MEMO.get(events, ("table", selection.key, lang),  # the key holds today
                     lambda: events_table(selection.filtered.head(TABLE_LIMIT), lang, today=today))


def events_map(events: pd.DataFrame, selection: EventsSelection, boundaries: dict[str, Any], lang: str,
               *, tiles: str | None, selected_id: str | None, height: int) -> folium.Map:
    """A new map each call (streamlit-folium rewrites a map's ids when it renders it) around a
    memoised marker layer (built once per view and language, whatever the selected event)."""
    today = selection.today
    shown = _MEMO.get(events, ("on_map", selection.key), lambda: selection.on_map)
    points = _MEMO.get(events, ("points", selection.key, lang),
                       lambda: event_points(shown, lang, today=today))
    layer = _MEMO.get(events, ("layer", selection.key, lang),
                      lambda: build_events_layer(shown, lang, today=today, points=points))
    if layer is not None and selected_id:
        layer = EventsLayer(layer.layer.with_selected(selected_id), layer.legend_items)
    return build_events_map(shown, boundaries, lang, today=today, tiles=tiles, selected_id=selected_id,
                            height=height, layer=layer)


def map_args(events: pd.DataFrame, selection: EventsSelection, boundaries: dict[str, Any], lang: str,
             *, tiles: str | None, selected_id: str | None, height: int, key: str) -> FoliumComponentArgs:
    """:func:`events_map` rendered once for the map component (``key``: its Streamlit key), per
    view, language, selection, tiles, height and boundaries (a cached object, named by its id)."""
    return _MEMO.get(
        events, ("map_args", selection.key, lang, selected_id, tiles, height, id(boundaries), key),
        lambda: folium_component_args(
            events_map(events, selection, boundaries, lang, tiles=tiles, selected_id=selected_id,
                       height=height),
            key=key, returned_objects=RETURNED_OBJECTS,
        ),
    )


def export_download(selection: EventsSelection, filters: Filters, axis_names: Mapping[str, str]) -> Download:
    """The events of the view, upcoming then past as the page lists them, for the downloads
    (:func:`enact_dash.events.export.events_download`: dates and status as the page says them on the
    selection's day); the envelope names the view's filters."""
    return events_download(selection.filtered, filters.lang, axis_names, today=selection.today,
                           filters=view_filters(filters, FILTER_FIELDS))


def csv_bytes(selection: EventsSelection, filters: Filters, axis_names: Mapping[str, str],
              sep: str = ",") -> bytes:
    """The CSV of the view (built when the visitor clicks)."""
    return download_csv(export_download(selection, filters, axis_names), sep=sep)


def json_bytes(selection: EventsSelection, filters: Filters, axis_names: Mapping[str, str]) -> bytes:
    """The JSON of the view (built when the visitor clicks)."""
    return download_json(export_download(selection, filters, axis_names))


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def ics_bytes(selection: EventsSelection, lang: str) -> bytes:
    """The calendar file of the view (built when the visitor clicks; DTSTAMP = that moment)."""
    return export_ics(selection.filtered, lang, dtstamp=_now()).data


def event_ics_bytes(row: Mapping[str, Any], lang: str) -> bytes:
    return event_to_ics(row, lang, dtstamp=_now()) or b""
