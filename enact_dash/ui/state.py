"""The current filters of a session, kept in step with the URL.

A new session (a shared link, a reload) takes its filters from the URL. Within a session the filters
live in ``st.session_state`` (per-user UI state) because Streamlit clears the query parameters when
the visitor changes page; after every change the URL is written again, so it always shows the view.

The session keeps every page's filters; a page sees and writes the shared filters and its own only
(``Filters.for_page``): the events page's URL has no partner type, and the partners page finds its
filters again when the visitor comes back. A link's value that is left out (malformed, or unknown to the
data) is said once, in one notice naming each parameter and value (``show_link_notice``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import streamlit as st

from enact_dash.events.display import escape_markdown
from enact_dash.facets import facet_label
from enact_dash.filters import NARROWING_FILTERS, Filters, Rejected, parse_query_params
from enact_dash.i18n import plural

logger = logging.getLogger(__name__)

_FILTERS = "_enact_filters"  # every page's filters (Filters)
_PAGE = "_enact_page"  # the page drawn (URL path; "kiosk" for the kiosk): what current_filters shows
_REJECTED = "_enact_rejected"  # values of the link left out, not said yet (list of Rejected)
_LOGGED = "_enact_logged"  # values of the kiosk's link left out and logged already (set of Rejected)
NOTICE_VALUE_MAX = 40  # characters of a left-out value that the notice quotes
WIDGET_PREFIX = "flt_"
# Up to this many options, a filter is a row of chips; above, a multiselect (see multiselect_filter).
CHIPS_MAX = 8
_KIND = "_enact_kind_"  # + filter name: whether its widget was drawn as chips
_OPEN = "_enact_open_"  # + expander key: whether the visitor left it open (lazy_expander)


def sync_from_url() -> Filters:
    """Called once per run by the entry point, before anything renders: the session's filters, taken
    from the URL in a new session (the values left out are kept for ``show_link_notice``)."""
    filters = st.session_state.get(_FILTERS)
    if not isinstance(filters, Filters):
        filters, rejected = parse_query_params(st.query_params)
        st.session_state[_FILTERS] = filters
        _reject(rejected)
    return filters


def enter_page(page: str) -> Filters:
    """Called by the entry point once it knows the page (its URL path; ``"kiosk"`` for the kiosk): from
    now on ``current_filters`` is that page's view, and the URL shows it."""
    st.session_state[_PAGE] = page
    filters = current_filters()
    _write_url(filters)
    return filters


def _stored() -> Filters:
    filters = st.session_state.get(_FILTERS)
    return filters if isinstance(filters, Filters) else Filters.from_query_params(st.query_params)


def current_filters() -> Filters:
    """The filters of the page being drawn: the shared ones and the page's own (all of them before the
    entry point has chosen the page)."""
    page = st.session_state.get(_PAGE)
    filters = _stored()
    return filters.for_page(page) if isinstance(page, str) else filters


def set_filters(new: Filters, *, edited: str = "", keep_page: bool = False) -> None:
    """Replace the filters of the page being drawn (the other pages' own filters stay): store them,
    rewrite the URL, re-seed the widgets whose value changed (but the widget ``edited``, which holds
    the visitor's value). ``keep_page``: the same view written otherwise (a city's spelling), so the
    partners list stays on its page, whichever page makes the change."""
    old = current_filters()
    page = st.session_state.get(_PAGE)
    stored = _stored()
    merged = stored.merged(new, page) if isinstance(page, str) else new
    st.session_state[_FILTERS] = replace(merged, page=stored.page) if keep_page else merged
    new = current_filters()
    for name in new.__dataclass_fields__:
        if name != edited and getattr(old, name) != getattr(new, name):
            st.session_state.pop(WIDGET_PREFIX + name, None)
    _write_url(new)


def reset_filters() -> None:
    """Every filter of every page (``NARROWING_FILTERS``) back to its default; the language, a selected
    partner or event, the list's order and the year in review stay."""
    old = current_filters()
    st.session_state[_FILTERS] = _stored().cleared(NARROWING_FILTERS)
    new = current_filters()
    for name in new.__dataclass_fields__:
        if getattr(old, name) != getattr(new, name):
            st.session_state.pop(WIDGET_PREFIX + name, None)
    _write_url(new)


def any_narrowing(filters: Filters) -> bool:
    """Whether a filter narrows the view ``filters`` (a page's: the sidebar then offers to clear them)."""
    return bool(filters.set_among(NARROWING_FILTERS))


def drop_unknown(name: str, known: Iterable[Any]) -> Any:
    """Leave out of the field ``name`` the values that the data does not know (a mistyped or outdated
    link: ``?axis=nope`` would otherwise match nothing and empty every page, unexplained), each one said
    by the link's notice. A tuple field keeps its known values; a single value (``year``, ``sort``) that
    is not known goes back to its default. Returns what is kept."""
    current = current_filters()
    value = getattr(current, name)
    allowed = set(known)
    if isinstance(value, tuple):
        kept: Any = tuple(v for v in value if v in allowed)
        unknown = [v for v in value if v not in allowed]
    else:
        default = getattr(Filters(), name)
        kept = value if value == default or value in allowed else default
        unknown = [] if kept == value else [value]
    if unknown:
        report_left_out(name, [str(v) for v in unknown])
        set_filters(current.with_(**{name: kept}))
    return kept


def report_left_out(name: str, values: Iterable[str]) -> None:
    """Values of the link's parameter ``name`` that the page left out: said by the link's notice."""
    _reject(Rejected(name, value) for value in values)


def _reject(rejected: Iterable[Rejected]) -> None:
    pending = list(st.session_state.get(_REJECTED) or [])
    st.session_state[_REJECTED] = list(dict.fromkeys([*pending, *rejected]))


def _in_field_order(rejected: Iterable[Rejected]) -> list[Rejected]:
    order = list(Filters.__dataclass_fields__)
    return sorted(rejected, key=lambda item: order.index(item.param))  # every param is a field


def link_notice_text(rejected: Sequence[Rejected], lang: str) -> str:
    """One sentence naming every left-out value as written in the link (``ptype=spaceship``), in the order
    of the filters' fields, escaped for Markdown; a long value is cut."""
    def quoted(value: str) -> str:
        return value if len(value) <= NOTICE_VALUE_MAX else value[: NOTICE_VALUE_MAX - 1] + "…"

    names = ", ".join(f"{item.param}={quoted(item.value)}" for item in _in_field_order(rejected))
    return escape_markdown(plural("common.filter.unknown", len(rejected), lang, names=names))


def show_link_notice(lang: str) -> None:
    """Called by the entry point at the end of every run: the values of the link left out since the last
    notice, in one toast, said once. The kiosk runs unattended and shows no notice: there the values
    are logged on the server instead (warning level), once per session."""
    rejected = st.session_state.pop(_REJECTED, None)
    if not rejected:
        return
    if st.session_state.get(_PAGE) == "kiosk":
        logged = set(st.session_state.get(_LOGGED) or ())
        new = [item for item in _in_field_order(rejected) if item not in logged]
        if new:
            st.session_state[_LOGGED] = logged | set(new)
            logger.warning("kiosk link: values left out: %s",
                           ", ".join(f"{item.param}={item.value!r}" for item in new))  # repr: one line
        return
    st.toast(link_notice_text(rejected, lang), icon=":material/info:")


def _write_url(filters: Filters) -> None:
    wanted = filters.to_query_params()
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised and not _same_view(current, filters):
        st.query_params.from_dict(wanted)


def _same_view(current: Mapping[str, list[str]], filters: Filters) -> bool:
    """Whether the URL's parameters already say ``filters``, written otherwise (``lang=fr``, the default,
    spelled out; ``ptype=a,b``). Such a link is left as it is: rewriting it would lose its ``#fragment``
    (``#partner-card``, where the link lands). A value left out or a parameter the app does not know
    still has the URL rewritten."""
    if not set(current) <= set(Filters.__dataclass_fields__):
        return False
    parsed = parse_query_params(current)
    return not parsed.rejected and parsed.filters == filters


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
    counts: Callable[[str], int] | None = None,
) -> tuple[str, ...]:
    """A choice of several values bound to the tuple field ``name`` of the filters (and so to the URL):
    chips (``st.pills``) for up to ``CHIPS_MAX`` options, all in view and one tap each; a multiselect
    for more, or with ``chips=False`` (a row of filters with no room for chips). No value chosen
    means every value.

    With ``accept_new_options`` (a multiselect), a visitor may type a value that the list does not show;
    ``to_value`` then maps the widget's values to the filter's (e.g. spells a typed city as the data
    does). Chips also cost a visitor's browser less: the first select-type widget of a page loads
    about 0.2 s of JavaScript (bench/widget_costs.py).

    ``counts`` (chips only; e.g. a :class:`enact_dash.facets.FacetCounts`): what each value would give,
    said in its chip, "Université (7)". The chips keep their identity when the counts change: with a
    key, Streamlit 1.67 names a pills widget by its key and selection mode only, not its labels
    (``key_as_main_identity={"click_mode"}`` in ``button_group.py``), and reads a selection sent
    under the previous labels back from the session's value. Not in a list (a multiselect): one that
    accepts typed values would take a label sent under the previous counts for a typed value."""
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
        if counts is not None:
            lang = current_filters().lang
            plain = format_func

            def format_func(value: str) -> str:
                return facet_label(plain(value), counts(value), lang)

        box.pills(
            label, list(options), selection_mode="multi", key=key, format_func=format_func,
            on_change=_on_widget_change, args=(name, to_value), wrap=True,
        )
    else:
        box.multiselect(
            label, list(options), key=key, format_func=format_func,
            placeholder=placeholder, on_change=_on_widget_change, args=(name, to_value),
            accept_new_options=accept_new_options,
        )
    # ``help`` is text under the filter, not a tooltip: Streamlit names the tooltip's button "Help for
    # <label>" in English, one more Tab stop per filter. How chips work is said once in the sidebar
    # (common.sidebar.filters_help).
    if help:
        box.caption(help)
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
