"""Events: upcoming then past events, timeline, map, filters (in the URL) and calendar/CSV downloads.

A view that matches no event is one message and a button that clears the page's filters, nothing else.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from enact_dash.clock import today as clock_today
from enact_dash.config import get_settings
from enact_dash.data.vocab import AUDIENCES, EVENT_TYPES
from enact_dash.empty_view import empty_view
from enact_dash.events import page as ev
from enact_dash.events.display import (
    EventView,
    audience_label,
    escape_markdown,
    headline,
    period_label,
    type_label,
)
from enact_dash.exports import CSV_MIME, csv_separator
from enact_dash.filters import EVENTS_PAGE_FILTERS
from enact_dash.geo import boundaries_for
from enact_dash.i18n import format_number, plural, t
from enact_dash.ics import ICS_MIME, ics_filename
from enact_dash.maps.partner_map import clicked_point_id
from enact_dash.ui.data import get_dataset
from enact_dash.ui.folium_map import show_folium
from enact_dash.ui.native import date_field
from enact_dash.ui.page import show_empty_view, show_shared_filters
from enact_dash.ui.sidebar import axis_labels
from enact_dash.ui.state import (
    current_filters,
    lazy_expander,
    multiselect_filter,
    set_filters,
)

MAP_KEY = "events_map"
MAP_OPEN_KEY = "events_map_open"
TIMELINE_KEY = "events_timeline_open"
TABLE_KEY = "events_table_open"
DATES_KEY = "events_dates_open"
MAP_HEIGHT = 460


def n(value: int) -> str:
    return format_number(value, lang)


def note(text: str, container: Any = st) -> None:
    """Secondary text, escaped. (st.caption's grey is 4.0:1 on white: below WCAG AA.)"""
    container.markdown(escape_markdown(text))


def on_map_click() -> None:
    clicked = clicked_point_id(st.session_state.get(MAP_KEY))
    if clicked:
        set_filters(current_filters().with_(event=clicked))


def show_event(view: EventView, row: dict[str, Any], *, key: str, expanded: bool) -> None:
    """One event as an expander whose details run only once it is opened: a page of closed
    expanders costs the browser much less than the same expanders filled."""
    box = st.expander(headline(view, lang), expanded=expanded, key=f"{key}_open", on_change="rerun")
    if not box.open:
        return
    with box:
        if expanded:  # the chosen event: where the focus lands after a choice on the map with the keyboard
            st.html(ev.chosen_marker_html(view.id))
        st.markdown("  \n".join(
            t("events.field", lang, label=f"**{escape_markdown(label)}**", value=escape_markdown(value))
            for label, value in ev.detail_lines(view, lang)
        ))
        if view.description:
            st.markdown(escape_markdown(view.description))
        buttons = st.columns(3)
        if view.registration_url:
            buttons[0].link_button(t("events.detail.register", lang), view.registration_url,
                                   icon=":material/how_to_reg:")
        if view.days_known:
            buttons[1].download_button(
                t("events.download.event_ics", lang), partial(ev.event_ics_bytes, row, lang),
                file_name=ics_filename(lang, view.id), mime=ICS_MIME, on_click="ignore", key=f"{key}_ics",
                icon=":material/event:",
            )
        else:
            note(view.no_day_note, buttons[1])
        if view.source_is_url:
            buttons[2].link_button(t("events.detail.source", lang), view.source, icon=":material/link:")
        elif view.source:
            note(t("events.field", lang, label=t("events.detail.source", lang), value=view.source),
                 buttons[2])


def turn_page(key: str, step: int) -> None:
    st.session_state[key] = int(st.session_state.get(key, 1)) + step  # event_list keeps it in range


def event_list(frame: Any, name: str, empty_key: str) -> None:
    """A list in pages of ``ev.PAGE_SIZE`` events, turned by two buttons (a number input loaded about
    0.2 s of JavaScript with every visit to the page; bench/widget_costs.py)."""
    total_pages = ev.pages(frame)
    key = f"events_{name}_page"
    page = min(max(int(st.session_state.get(key, 1)), 1), max(total_pages, 1))
    st.session_state[key] = page  # a shorter list (new filters): its last page at most
    if total_pages > 1:
        pager = st.container(horizontal=True, vertical_alignment="center", key=f"{key}r")
        pager.button(t("events.list.previous", lang), key=f"{key}_prev", icon=":material/chevron_left:",
                     disabled=page <= 1, on_click=turn_page, args=(key, -1))
        pager.markdown(t("events.list.page_of", lang, page=n(page), pages=n(total_pages)))
        pager.button(t("events.list.next", lang), key=f"{key}_next", icon=":material/chevron_right:",
                     disabled=page >= total_pages, on_click=turn_page, args=(key, 1))
    items = ev.page_items(frame, page, lang, today=today)
    if not items:
        st.info(t(empty_key, lang))
    for view, row in items:
        show_event(view, row, key=f"events_{name}_{view.id}", expanded=False)


dataset = get_dataset()
settings = get_settings()
filters = current_filters()
lang = filters.lang
today = clock_today()
everyone = t("common.sidebar.all", lang)

st.title(t("events.title", lang), anchor=False)
note(t("events.intro", lang))
shared_note = st.container()  # the sidebar's filters, said once the view is known (show_shared_filters)

type_col, audience_col = st.container(key="filters_events").columns(2)
facets = ev.event_facets(dataset.events, filters)  # what each chip would give, "Atelier (3)"
multiselect_filter("etype", t("events.filter.type", lang), list(EVENT_TYPES),
                   lambda v: type_label(v, lang), container=type_col, placeholder=everyone,
                   counts=facets["etype"])
multiselect_filter("audience", t("events.filter.audience", lang), list(AUDIENCES),
                   lambda v: audience_label(v, lang), container=audience_col, placeholder=everyone,
                   counts=facets["audience"])
# The dates (the browser's own date fields, in the visitor's language) run only once their expander is
# opened (open already when the link has dates): Streamlit's picker, used before, was a sixth of the
# page's load. A fixed label (an expander's identity follows its label); the count below says the range.
dates_box = lazy_expander(t("events.filter.period", lang), key=DATES_KEY,
                          open_for=f"{filters.date_from or ''}/{filters.date_to or ''}".strip("/"),
                          icon=":material/date_range:")
if dates_box.open:
    first_day, last_day = ev.date_bounds(dataset.events, filters, today=today)
    from_col, to_col = dates_box.columns(2)
    for name, column in (("date_from", from_col), ("date_to", to_col)):
        date_field(name, t(f"events.filter.{name}", lang), first=first_day, last=last_day, container=column)

filters = current_filters()
selection = ev.select_events(dataset.events, filters, today=today)
show_shared_filters(filters, axis_labels(dataset, lang), lang, key="events_shared", where=shared_note,
                    button=selection.count > 0)
if dataset.unavailable("events"):  # the file could not be read: no list, no "no event" view
    st.info(t("common.unavailable.events", lang), icon=":material/info:")
elif selection.count == 0:
    show_empty_view(empty_view(filters, EVENTS_PAGE_FILTERS, lang, domain="events", selection="event",
                               why=ev.outside_period(dataset.events, filters, lang)), key="events_clear")
else:  # not st.stop(): the entry point writes the sidebar's link after the page
    summary = ev.summary(dataset.events, selection, lang, today=today)
    st.markdown(escape_markdown(summary))
    note(plural("events.count", selection.count, lang, total=n(selection.all_count))
         + " " + period_label(filters.date_from, filters.date_to, lang) + ".")

    ics_col, csv_col = st.columns(2)
    ics_col.download_button(
        t("events.download.ics", lang), partial(ev.ics_bytes, selection, lang), file_name=ics_filename(lang),
        mime=ICS_MIME, on_click="ignore", key="events_ics", icon=":material/calendar_add_on:",
        help=t("events.download.ics_help", lang), disabled=selection.count == selection.without_days,
    )
    csv_col.download_button(
        t("common.download_csv", lang),
        partial(ev.csv_bytes, selection, filters, axis_labels(dataset, lang), csv_separator(lang)),
        file_name=f"{t('events.download.file', lang)}.csv", mime=CSV_MIME, on_click="ignore",
        key="events_csv", icon=":material/download:", disabled=selection.count == 0,
    )
    if selection.without_days:
        st.info(plural("events.notice.no_day", selection.without_days, lang), icon=":material/info:")

    selected = ev.find_event(selection, filters.event)
    if selected is not None:
        st.subheader(t("events.selected", lang), anchor=False)
        show_event(ev.event_view(selected, lang, today=today), selected,
                   key=f"events_selected_{selected['id']}", expanded=True)
    elif filters.event:  # a link to an event that these filters leave out (or that is gone), as on partners
        st.info(t("events.selected_not_in_view", lang), icon=":material/info:")
    if filters.event:
        st.button(t("events.selected_clear" if selected is not None else "events.selected_clear_link", lang),
                  on_click=set_filters, args=(filters.with_(event=""),),
                  key="events_clear_selected", icon=":material/close:")

    st.header(t("events.upcoming", lang, count=n(len(selection.upcoming))), anchor=False)
    event_list(selection.upcoming, "upcoming", "events.list.none_upcoming")

    st.header(t("events.past", lang, count=n(len(selection.past))), anchor=False)
    event_list(selection.past, "past", "events.list.none_past")

    # The chart and its table run only once opened (lazy expanders): the chart library is 4.7 MB of
    # JavaScript, and loading it took a visitor's browser longer than the whole rest of the page.
    st.header(t("events.timeline.heading", lang), anchor=False)
    chart_box = lazy_expander(t("events.timeline.title", lang), key=TIMELINE_KEY, icon=":material/timeline:")
    if chart_box.open:
        chart_box.plotly_chart(ev.timeline(dataset.events, selection, lang, today=today), width="stretch",
                               config=ev.plotly_config(lang), key="events_timeline")
    table_box = lazy_expander(t("events.table.expander", lang), key=TABLE_KEY, icon=":material/table:")
    if table_box.open:
        table_box.markdown(escape_markdown(summary))
        table_box.dataframe(ev.table(dataset.events, selection, lang, today=today), hide_index=True)
        if selection.count > ev.TABLE_LIMIT:
            note(t("events.table.limited", lang, limit=n(ev.TABLE_LIMIT), total=n(selection.count)),
                 table_box)

    # The map runs only once opened (open already for a link to one event): below the list, it was a
    # quarter of the page's load for every visitor (bench/).
    st.header(t("events.map.heading", lang), anchor=False)
    map_box = lazy_expander(t("events.map.open", lang), key=MAP_OPEN_KEY,
                           open_for=selected["id"] if selected else "", icon=":material/map:")
    if map_box.open:
        with map_box:
            events_map = ev.map_args(dataset.events, selection, boundaries_for(settings.data_dir), lang,
                                     tiles=settings.tiles, selected_id=selected["id"] if selected else None,
                                     height=MAP_HEIGHT, key=MAP_KEY)
            show_folium(events_map, key=MAP_KEY, height=MAP_HEIGHT, on_change=on_map_click)
            note(t("events.map.help", lang) + " " + t("map.sources", lang))
            if selection.map_capped:
                note(t("events.map.capped", lang, shown=n(ev.MAP_LIMIT), total=n(selection.located)))
    if selection.count > selection.located:
        note(plural("events.map.unlocated", selection.count - selection.located, lang))
