"""The current filters of a session, kept in step with the URL.

A new session (a shared link, a reload) takes its filters from the URL. Within a session the filters
live in ``st.session_state`` (per-user UI state) because Streamlit clears the query parameters when
the visitor changes page; after every change the URL is written again, so it always shows the view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import streamlit as st

from enact_dash.events.display import escape_markdown
from enact_dash.filters import Filters
from enact_dash.i18n import t

_FILTERS = "_enact_filters"
WIDGET_PREFIX = "flt_"
# Up to this many options, a filter is a row of chips; above, a multiselect (see multiselect_filter).
CHIPS_MAX = 8
_KIND = "_enact_kind_"  # + filter name: whether its widget was drawn as chips
_OPEN = "_enact_open_"  # + expander key: whether the visitor left it open (lazy_expander)


def sync_from_url() -> Filters:
    """Called once per run by the entry point, before anything renders."""
    filters = st.session_state.get(_FILTERS)
    if not isinstance(filters, Filters):
        filters = Filters.from_query_params(st.query_params)
        st.session_state[_FILTERS] = filters
    _write_url(filters)
    return filters


def current_filters() -> Filters:
    filters = st.session_state.get(_FILTERS)
    return filters if isinstance(filters, Filters) else Filters.from_query_params(st.query_params)


def set_filters(new: Filters, *, edited: str = "") -> None:
    """Replace the filters: store them, rewrite the URL, re-seed the widgets whose value changed
    (but the widget ``edited``, which holds the visitor's value)."""
    old = current_filters()
    st.session_state[_FILTERS] = new
    for name in new.__dataclass_fields__:
        if name != edited and getattr(old, name) != getattr(new, name):
            st.session_state.pop(WIDGET_PREFIX + name, None)
    _write_url(new)


def drop_unknown(name: str, known: Iterable[str], lang: str) -> tuple[str, ...]:
    """Leave out of the tuple field ``name`` the values that the data does not know (a mistyped or
    outdated link: ``?axis=nope`` would otherwise match nothing and empty every page, unexplained),
    with a notice naming them. Returns the values kept."""
    current = current_filters()
    values: tuple[str, ...] = getattr(current, name)
    allowed = set(known)
    kept = tuple(v for v in values if v in allowed)
    if kept != values:
        unknown = ", ".join(v for v in values if v not in allowed)
        st.toast(escape_markdown(t("common.filter.unknown", lang, names=unknown)), icon=":material/info:")
        set_filters(current.with_(**{name: kept}))
    return kept


def _write_url(filters: Filters) -> None:
    wanted = filters.to_query_params()
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)


def _on_widget_change(name: str, to_value: Callable[[Any], Any]) -> None:
    value = st.session_state.get(WIDGET_PREFIX + name)
    filters = current_filters()
    mapped = to_value(value)
    if isinstance(value, list) and list(mapped) != value:  # e.g. a typed city, spelled as in the data
        st.session_state[WIDGET_PREFIX + name] = list(mapped)
    set_filters(filters.with_(**{name: mapped}), edited=name)  # e.g. a new axis: the list's page 1


def multiselect_filter(
    name: str,
    label: str,
    options: Sequence[str],
    format_func: Callable[[str], str] = str,
    *,
    container: Any = None,
    help: str | None = None,
    placeholder: str | None = None,
    accept_new_options: bool = False,
    to_value: Callable[[Any], tuple[str, ...]] = tuple,
    chips: bool = True,
) -> tuple[str, ...]:
    """A choice of several values bound to the tuple field ``name`` of the filters (and so to the URL):
    chips (``st.pills``) for up to ``CHIPS_MAX`` options, all in view and one tap each; a multiselect
    for more, or with ``chips=False`` (a row of filters with no room for chips). No value chosen
    means every value.

    With ``accept_new_options`` (a multiselect), a visitor may type a value that the list does not show;
    ``to_value`` then maps the widget's values to the filter's (e.g. spells a typed city as the data
    does). Chips also cost a visitor's browser less: the first select-type widget of a page loads
    about 0.2 s of JavaScript (bench/widget_costs.py)."""
    box = container if container is not None else st
    key = WIDGET_PREFIX + name
    current = tuple(v for v in getattr(current_filters(), name) if v in options)
    as_chips = chips and len(options) <= CHIPS_MAX and not accept_new_options
    kind = _KIND + name  # chips and a list are two widgets: a new kind starts from the filter
    if st.session_state.get(kind) != as_chips:
        st.session_state.pop(key, None)
        st.session_state[kind] = as_chips
    if key not in st.session_state:
        st.session_state[key] = list(current)
    if as_chips:
        box.pills(
            label, list(options), selection_mode="multi", key=key, format_func=format_func,
            help=help or t("common.filter.chips_help", current_filters().lang),
            on_change=_on_widget_change, args=(name, to_value), wrap=True,
        )
    else:
        box.multiselect(
            label, list(options), key=key, format_func=format_func, help=help,
            placeholder=placeholder, on_change=_on_widget_change, args=(name, to_value),
            accept_new_options=accept_new_options,
        )
    return current


def bound_widget(name: str, widget: Callable[..., Any], label: str, *,
                 to_value: Callable[[Any], Any], from_value: Callable[[Any], Any] = lambda v: v,
                 **kwargs: Any) -> Any:
    """Any widget (e.g. ``st.sidebar.radio``) bound to the field ``name``: ``from_value`` maps the
    filter value to the widget value, ``to_value`` maps it back. Returns the current filter value."""
    key = WIDGET_PREFIX + name
    if key not in st.session_state:
        st.session_state[key] = from_value(getattr(current_filters(), name))
    widget(label, key=key, on_change=_on_widget_change, args=(name, to_value), **kwargs)
    return getattr(current_filters(), name)


def _remember_open(key: str) -> None:
    st.session_state[_OPEN + key] = bool(st.session_state.get(key))


def lazy_expander(label: str, *, key: str, open_for: str = "", icon: str | None = None,
                  container: Any = None) -> Any:
    """An expander whose content runs only once it is opened (``.open``), and that stays as the
    visitor left it.

    Streamlit 1.67 tells such expanders apart by label and ``expanded``, not by key: a new language or
    a new ``expanded`` made a new, closed expander. So ``expanded`` is never passed; the visitor's
    choice is kept under a key of its own and given back before each draw. ``open_for`` (e.g. the id
    of the event a link points to) opens the expander each time it takes a new non-empty value."""
    box = container if container is not None else st
    remembered, opened_for = _OPEN + key, _OPEN + key + "_for"
    if st.session_state.get(key):  # open now (the visitor's click; a test sets it directly)
        st.session_state[remembered] = True
    if open_for and open_for != st.session_state.get(opened_for):
        st.session_state[remembered] = True
    st.session_state[opened_for] = open_for
    st.session_state[key] = bool(st.session_state.get(remembered, False))
    return box.expander(label, key=key, on_change=_remember_open, args=(key,), icon=icon)
