"""The one sidebar, shared by every page: language, research axis, city, reset, link to the view."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from enact_dash import city_names
from enact_dash.config import app_root, get_settings
from enact_dash.data import Dataset, localized
from enact_dash.events.display import escape_markdown
from enact_dash.events.page import event_facets
from enact_dash.facets import FacetCounts
from enact_dash.filters import Filters
from enact_dash.geo import normalize_name
from enact_dash.html_table import sort_key
from enact_dash.i18n import LANG_NAMES, LANGS, format_number, t
from enact_dash.memo import IdentityMemo
from enact_dash.partners.view import partner_facets
from enact_dash.ui.page import data_notice
from enact_dash.ui.state import (
    any_narrowing,
    bound_widget,
    current_filters,
    drop_unknown,
    lazy_expander,
    multiselect_filter,
    report_left_out,
    reset_filters,
    set_filters,
)


def axis_labels(dataset: Dataset, lang: str) -> dict[str, str]:
    """Axis id -> name in ``lang`` (from data/axes.csv)."""
    axes = dataset.axes
    if axes.empty:
        return {}
    return dict(zip(axes["id"], localized(axes, "name", lang), strict=True))


# A list of thousands of cities helps nobody and costs every page (the widget sends and draws them all):
# above this many, the list offers the cities with the most partners and events, and typing any other
# known city adds it (``resolve_typed_cities``).
MAX_CITY_OPTIONS = 200
CITY_OPEN_KEY = "sidebar_city_open"
_MEMO = IdentityMemo(maxsize=8)


def _city_counts(dataset: Dataset) -> Counter[str]:
    """How often each city is named by partners and events; spellings that compare equal ("Metz",
    "METZ") count as one city, under its most used spelling."""
    def compute() -> Counter[str]:
        spellings: dict[str, Counter[str]] = {}
        for key in ("partners", "events"):
            frame = dataset.tables.get(key)
            if frame is not None and "city" in frame:
                for name, count in frame["city"].dropna().value_counts(sort=False).items():
                    if str(name).strip():
                        spellings.setdefault(normalize_name(str(name)), Counter())[str(name)] += int(count)
        return Counter({names.most_common(1)[0][0]: names.total() for names in spellings.values()})

    return _MEMO.get(dataset, "counts", compute)


def all_cities(dataset: Dataset) -> dict[str, str]:
    """Every city that a partner or an event names: comparison key (accents, case) -> name."""
    def compute() -> dict[str, str]:
        counts = _city_counts(dataset)
        return {normalize_name(name): name for name in sorted(counts, key=sort_key)}

    return _MEMO.get(dataset, "all", compute)


def city_options(dataset: Dataset, selected: Sequence[str] = (), limit: int | None = None) -> list[str]:
    """The cities the city filter offers, sorted for French readers: all of them up to ``limit``
    (default ``MAX_CITY_OPTIONS``), else the ``limit`` most named; the ``selected`` ones always."""
    limit = MAX_CITY_OPTIONS if limit is None else limit

    def compute() -> list[str]:
        counts = _city_counts(dataset)
        names = list(counts) if len(counts) <= limit else [name for name, _ in counts.most_common(limit)]
        return sorted(names, key=sort_key)

    shown = _MEMO.get(dataset, ("options", limit), compute)
    extra = [c for c in selected if c not in shown]
    return sorted([*shown, *extra], key=sort_key) if extra else shown


def resolve_typed_cities(values: Sequence[str], known: dict[str, str]) -> tuple[str, ...]:
    """The cities a visitor chose or typed, spelled as in the data; unknown names are dropped."""
    out = [city_names.resolve(v, known) for v in values]  # "Straßburg" is Strasbourg
    return tuple(dict.fromkeys(c for c in out if c))


def _chosen_cities(values: Sequence[str], known: dict[str, str], lang: str) -> tuple[str, ...]:
    unknown = [v for v in values if city_names.resolve(v, known) is None]
    if unknown:
        st.toast(escape_markdown(t("common.sidebar.city_unknown", lang, names=", ".join(unknown))),
                 icon=":material/info:")
    return resolve_typed_cities(values, known)


def share_link_html(url: str) -> str:
    """The view's address as a link that can be copied (escaped; long addresses wrap)."""
    safe = html.escape(url, quote=True)
    return f'<p class="enact-share"><a href="{safe}" target="_self">{safe}</a></p>'


def shared_facets(dataset: Dataset, page_path: str, filters: Filters) -> dict[str, FacetCounts]:
    """What the sidebar's axis and city chips count on the page ``page_path``: the partners on the
    partners page, the events on the events page, each with the page's other filters. Nothing on the
    other pages: the home page, the achievements and the about page show several kinds of things (events
    and figures, chairs and actions, sources), and no one number says what a chip would give there."""
    if page_path == "partners" and not dataset.unavailable("partners"):
        return partner_facets(dataset.partners, filters)
    if page_path == "events" and not dataset.unavailable("events"):
        return event_facets(dataset.events, filters)
    return {}


@dataclass(frozen=True)
class Sidebar:
    """What ``render_sidebar`` drew: the filters after its widgets, and the slot of the link to the view,
    which ``finish`` fills once the page has run (a page may still correct the view, e.g. a list page
    beyond the last)."""

    filters: Filters
    page_path: str
    link_slot: Any

    def finish(self) -> None:
        # The shared filters and this page's own (current_filters is the page's view).
        settings = get_settings()
        # Without a configured public address, the one the visitor used: a shared link then opens where
        # it was copied from (not a localhost address that only the server's own machine can open).
        base = settings.public_url if settings.public_url_set else (
            app_root(st.context.url, self.page_path) or settings.public_url)
        url = current_filters().url(base, self.page_path)
        self.link_slot.html(share_link_html(url))


def settle_shared_filters(dataset: Dataset, lang: str) -> tuple[str, ...]:
    """Leave out of the shared filters the axes and cities that the data does not know (each one said
    by the link's notice; a link's "nancy" is the data's "Nancy"). Called by the sidebar, and by the
    kiosk, which has none. Returns the cities kept."""
    drop_unknown("axis", axis_labels(dataset, lang))
    known = all_cities(dataset)
    current = current_filters()
    resolved = resolve_typed_cities(current.city, known)
    report_left_out("city", [c for c in current.city if city_names.resolve(c, known) is None])
    if resolved != current.city:
        set_filters(current.with_(city=resolved), keep_page=True)  # the same cities: the same page
    return resolved


def render_sidebar(dataset: Dataset, page_path: str = "") -> Sidebar:
    """Draw the shared sidebar; call ``finish()`` on the result after the page has run."""
    filters = current_filters()
    lang = filters.lang
    sb = st.sidebar
    bound_widget(
        "lang", sb.segmented_control, t("common.sidebar.language", lang),
        to_value=lambda v: v if v in LANGS else "fr",
        options=list(LANGS), format_func=lambda code: LANG_NAMES[code], required=True,
    )
    lang = current_filters().lang
    labels = axis_labels(dataset, lang)
    resolved = settle_shared_filters(dataset, lang)
    facets = shared_facets(dataset, page_path, current_filters())
    sb.subheader(t("common.sidebar.filters", lang), anchor=False)
    # How chips work, said once for the sidebar's and the page's (and what their numbers are).
    helps = ["common.sidebar.filters_help", *(["common.sidebar.counts_help"] if facets else [])]
    sb.caption(" ".join(t(key, lang) for key in helps))
    multiselect_filter(
        "axis", t("common.sidebar.axis", lang), list(labels), lambda a: labels.get(a, a),
        container=sb, placeholder=t("common.sidebar.all", lang), counts=facets.get("axis"),
    )
    known = all_cities(dataset)
    cities = city_options(dataset, resolved)
    long_list = len(known) > len(cities)
    city_box = sb
    if long_list:
        # Thousands of places: the list runs only once opened (open when the view has cities), so the
        # pages do not load the list widget's JavaScript for every visitor (bench/widget_costs.py).
        city_box = lazy_expander(t("common.sidebar.city", lang), key=CITY_OPEN_KEY, container=sb,
                                 open_for=",".join(resolved), icon=":material/location_city:")
    if city_box is sb or city_box.open:
        if long_list:  # said in the text, not in a tooltip (its button is named "Help for …" in English)
            city_box.caption(t("common.sidebar.city_help", lang, shown=format_number(len(cities), lang),
                               total=format_number(len(known), lang)))
        multiselect_filter(
            "city", t("common.sidebar.city_choose" if long_list else "common.sidebar.city", lang), cities,
            container=city_box, placeholder=t("common.sidebar.all", lang),
            accept_new_options=long_list,
            to_value=lambda values: _chosen_cities(values, known, lang),
            counts=facets.get("city"),
        )
    filters = current_filters()
    if any_narrowing(filters):  # this page's view is narrowed: the button clears every page's filters
        sb.button(t("common.sidebar.reset", lang), on_click=reset_filters, key="reset_filters")
    with sb.expander(t("common.sidebar.share", lang)):
        st.caption(t("common.sidebar.share_help", lang))
        # A plain link, not st.code: the code block's syntax highlighter is 1.5 MB of JavaScript that
        # every page paid for (about 0.3 s of a page's load in bench/).
        slot = st.empty()
    data_notice(dataset, lang, container=sb)
    return Sidebar(current_filters(), page_path, slot)
