"""Native form controls drawn in the page: a search box, a drop-down list and a date bound to the filters.

Streamlit's own text input and selectbox load about 0.2 s of JavaScript on a page's first load
(``bench/widget_costs.py``; the first select-type widget of a page pays it). These are the browser's
own ``<input type="search">`` and ``<select>``, with a real ``<label>``, drawn by one small
components-v2 component (``assets/native_field.js``): no iframe, no extra bundle, keyboard and screen
readers as the browser gives them. The chosen value comes back as a trigger and goes into the
filters (and so into the URL) like any other filter's widget.

The date is the browser's ``<input type="date">``: its calendar and its day, month and year speak the
visitor's own language (Streamlit's date picker is in English whatever the page's language, and loads
its own bundle).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import nullcontext
from datetime import date
from importlib import resources
from typing import Any

import streamlit as st

from enact_dash.filters import MAX_TEXT, Filters, clean_text, parse_date
from enact_dash.ui.state import current_filters, report_left_out, set_filters

KEY_PREFIX = "nat_"
_ASSETS = resources.files("enact_dash") / "assets"
_FIELD = st.components.v2.component(
    "enact_native_field",
    js=(_ASSETS / "native_field.js").read_text(encoding="utf-8"),
    css=(_ASSETS / "native_field.css").read_text(encoding="utf-8"),
)


def submitted(key: str) -> Any:
    """The value a native field of ``key`` sent in this run (None if it sent nothing)."""
    state = st.session_state.get(key)
    return state.get("submit") if isinstance(state, Mapping) else None


def offered(value: Any, options: Mapping[str, str]) -> bool:
    """Whether a value sent by a list is one of its options (a forged trigger may send anything)."""
    return isinstance(value, str) and value in options


def _on_submit(key: str, apply: Callable[[Filters, Any], Filters]) -> None:
    value = submitted(key)
    if value is not None:
        set_filters(apply(current_filters(), value))


def search_box(name: str, label: str, *, placeholder: str = "", container: Any = None) -> str:
    """A search box bound to the string field ``name`` of the filters. Returns the filter's value."""
    value = str(getattr(current_filters(), name))
    key = KEY_PREFIX + name
    with container if container is not None else nullcontext():
        _FIELD(key=key, data={"kind": "search", "label": label, "value": value, "placeholder": placeholder,
                              "maxLength": MAX_TEXT},
               on_submit_change=lambda: _on_submit(key, lambda f, v: f.with_(**{name: clean_text(v)})))
    return value


def native_select(key: str, label: str, options: Mapping[str, str], value: str,
                  on_choose: Callable[[Filters, str], Filters], *, container: Any = None,
                  width: int | str = "stretch") -> None:
    """A drop-down list of ``options`` (value -> label, in order) showing ``value``; a choice replaces
    the filters by ``on_choose(filters, chosen)``. An unknown value shows the first option."""
    shown = value if value in options else next(iter(options), "")

    def choose(filters: Filters, chosen: Any) -> Filters:
        return on_choose(filters, chosen) if offered(chosen, options) else filters

    with container if container is not None else nullcontext():
        _FIELD(key=KEY_PREFIX + key,
               data={"kind": "select", "label": label, "value": shown, "options": list(options.items())},
               width=width,
               on_submit_change=lambda: _on_submit(KEY_PREFIX + key, choose))


def date_field(name: str, label: str, *, first: date, last: date, container: Any = None) -> date | None:
    """A date bound to the date field ``name`` of the filters (``date_from`` or ``date_to``), offered
    between ``first`` and ``last``, and on the right side of the other end of the period (the start's
    calendar stops at the end, the end's starts at the start). A date typed outside is brought to the
    nearest it allows (the year 0002 typed on the way to 2026, a start after the end); a cleared field
    clears the filter; a value that is not a day is ignored. Returns the filter's value."""
    filters = current_filters()
    value = getattr(filters, name)
    if name == "date_from" and filters.date_to is not None:
        last = max(first, min(last, filters.date_to))
    if name == "date_to" and filters.date_from is not None:
        first = min(last, max(first, filters.date_from))
    key = KEY_PREFIX + name

    def choose(filters: Filters, sent: Any) -> Filters:
        if not isinstance(sent, str):
            return filters
        day = parse_date(sent) if sent else None
        if sent and day is None:
            return filters
        return filters.with_(**{name: min(max(day, first), last) if day else None})

    with container if container is not None else nullcontext():
        _FIELD(key=key, data={"kind": "date", "label": label, "value": value.isoformat() if value else "",
                              "min": first.isoformat(), "max": last.isoformat()},
               on_submit_change=lambda: _on_submit(key, choose))
    return value


def page_select(label: str, pages: int, *, container: Any = None) -> int:
    """The page of a list of ``pages`` pages, bound to the field ``page`` (and so to the URL): a list of
    the pages when there is more than one. A page beyond the last (an old link, a shorter view) becomes
    the last, said by the link's notice. Returns the page to show."""
    filters = current_filters()
    page = min(filters.page, max(pages, 1))
    if page != filters.page:
        report_left_out("page", [str(filters.page)])
        set_filters(filters.with_(page=page))
    if pages > 1:
        numbers = {str(n): str(n) for n in range(1, pages + 1)}
        native_select("page", label, numbers, str(page), lambda f, chosen: f.with_(page=int(chosen)),
                      container=container, width=240)
    return page
