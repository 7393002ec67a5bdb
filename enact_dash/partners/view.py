"""What the partners page needs for one run, computed once per (data, filters, language).

Pure (no Streamlit): ``pages/partners.py`` calls these and renders. Everything costly at 10,000
partners (filtering, counts, the list and by-city tables, the map's points and its rendered script)
is memoised on the identity of the loaded partners frame (see :mod:`enact_dash.memo`), so a rerun
with the same data and filters costs a few dictionary look-ups. Downloads are built when clicked.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from enact_dash.exports import Download, download_csv, download_json, view_filters
from enact_dash.facets import FacetCounts
from enact_dash.filters import PARTNER_FILTERS, Filters
from enact_dash.html_table import SortOrder, parse_sort, sort_frame
from enact_dash.i18n import t
from enact_dash.maps.component import FoliumComponentArgs, folium_component_args
from enact_dash.maps.partner_map import (
    RETURNED_OBJECTS,
    build_partner_map,
    build_partner_points_layer,
)
from enact_dash.memo import IdentityMemo
from enact_dash.partners.display import (
    city_choices,
    city_table,
    list_frame,
    name_choices,
)
from enact_dash.partners.export import partners_download
from enact_dash.partners.facets import facet_counts, facet_frame
from enact_dash.partners.filtering import filter_partners
from enact_dash.partners.summary import PartnerCounts, by_city, count_partners

# Rows of the list view per page: a page of a long list is read, not scrolled through; views this
# long are searched and filtered rather than read, and the downloads have them all. 50 keeps the real
# data on one page; 100 rows cost a visitor's browser about 0.05 s more (bench/, 10,000 partners).
LIST_PAGE_SIZE = 50
# Above this many partners, the "show details" chooser is replaced by a hint (10,000 names is no help).
MAX_PICK = 300

# The anchor of the detail section (its heading's id): a name's link in the list ends with it, so that
# the browser, which loads the whole page again, lands on the card rather than at the top of the page.
CARD_ANCHOR = "partner-card"

# Columns the list can be sorted on (the ``sort`` URL parameter; "-city" is Z to A).
SORTABLE = ("name", "type", "city", "country", "relation")

_MEMO = IdentityMemo(maxsize=96)
_MAPS = IdentityMemo(maxsize=24)  # points layers and rendered maps: up to a few MB each at 10,000


def filter_key(filters: Filters) -> tuple[Any, ...]:
    return tuple(getattr(filters, name) for name in PARTNER_FILTERS)


@dataclass(frozen=True)
class PartnersView:
    """The partners of one view and what the page says about them."""

    key: tuple[Any, ...]  # the filters that made it (names the view in the memo)
    shown: pd.DataFrame  # in the data's order
    counts: PartnerCounts
    cities: pd.DataFrame  # by_city of the view without its city filter (the cities to switch to)

    @property
    def list_pages(self) -> int:
        return max(1, math.ceil(len(self.shown) / LIST_PAGE_SIZE))

    @property
    def on_map(self) -> bool:
        return self.counts.partners > self.counts.unlocated


def partners_view(partners: pd.DataFrame, filters: Filters) -> PartnersView:
    key = filter_key(filters)

    def compute() -> PartnersView:
        shown = filter_partners(partners, filters)
        return PartnersView(key, shown, count_partners(shown),
                            by_city(filter_partners(partners, filters, ignore=("city",))))

    return _MEMO.get(partners, ("view", key), compute)


def partner_facets(partners: pd.DataFrame, filters: Filters) -> dict[str, FacetCounts]:
    """How many partners each value of the axis, city, type, country and relation filters would give
    (:func:`enact_dash.partners.facets.facet_counts`), once per data and filters.

    A country that the data does not know counts as not chosen: the sidebar runs before the page leaves
    such a link's value out, and would otherwise count nobody anywhere on that run."""
    known = _MEMO.get(partners, "countries", lambda: frozenset(partners["country"].dropna().astype(str)))
    if any(code not in known for code in filters.country):
        filters = filters.with_(country=tuple(code for code in filters.country if code in known))
    key = filter_key(filters)
    return _MEMO.get(partners, ("facets", key), lambda: facet_counts(
        partners, filters, _MEMO.get(partners, "facet_frame", lambda: facet_frame(partners))))


def _labels_key(axis_labels: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(axis_labels.items()))


def list_sort(filters: Filters) -> SortOrder:
    """The list's sort order from the ``sort`` URL parameter (by name by default)."""
    return parse_sort(filters.sort, SORTABLE, "name")


def list_table(partners: pd.DataFrame, view: PartnersView, lang: str,
               axis_labels: Mapping[str, str], order: SortOrder | None = None) -> pd.DataFrame:
    """The whole list view of ``view`` (see :func:`enact_dash.partners.display.list_frame`), sorted
    by ``order`` (ties by name); in the data's order when ``order`` is None."""
    unsorted = _MEMO.get(partners, ("list", view.key, lang, _labels_key(axis_labels)),
                         lambda: list_frame(view.shown, lang, axis_labels))
    if order is None:
        return unsorted
    return _MEMO.get(partners, ("list", view.key, lang, _labels_key(axis_labels), order),
                     lambda: sort_frame(unsorted, order, then="name", missing={
                         "city": t("common.site_unspecified", lang), "country": t("common.unknown", lang)}))


def card_link(filters: Filters) -> Callable[[Mapping[str, Any]], str]:
    """A list row -> the link to this view with that partner's card (``?…&partner=id#partner-card``).

    A plain link: it can be shared, opened in a new tab and followed without JavaScript; the
    fragment brings the reloaded page to the card (Streamlit scrolls to a heading whose anchor is the
    address's fragment)."""
    return lambda row: f"?{filters.with_(partner=str(row['id'])).query_string()}#{CARD_ANCHOR}"


def page_span(total: int, page: int) -> tuple[int, int]:
    """(first, last) row numbers, 1-based and inclusive, of page ``page`` (clamped) of ``total`` rows."""
    pages = max(1, math.ceil(total / LIST_PAGE_SIZE))
    first = (min(max(page, 1), pages) - 1) * LIST_PAGE_SIZE + 1
    return first, min(first + LIST_PAGE_SIZE - 1, total)


def list_page(table: pd.DataFrame, page: int) -> pd.DataFrame:
    """Rows of page ``page`` (1-based, clamped) of a list table, numbered from 0."""
    first, last = page_span(len(table), page)
    return table.iloc[first - 1 : last].reset_index(drop=True)


def pick_choices(partners: pd.DataFrame, view: PartnersView) -> dict[str, str] | None:
    """Partner id -> name for the "show details" chooser, or None when the view is too long."""
    if view.counts.partners > MAX_PICK:
        return None
    return _MEMO.get(partners, ("pick", view.key), lambda: name_choices(view.shown))


def export_download(partners: pd.DataFrame, view: PartnersView, filters: Filters,
                    axis_labels: Mapping[str, str]) -> Download:
    """Every partner of the view, in the list's order (``filters.sort``), for the CSV and JSON
    downloads (:func:`enact_dash.partners.export.partners_download`); the envelope names the view's
    filters."""
    lang, order = filters.lang, list_sort(filters)

    def compute() -> Download:
        ids = list_table(partners, view, lang, axis_labels, order)["id"]
        positions = pd.Index(view.shown["id"]).get_indexer(ids)
        rows = view.shown.iloc[positions] if len(positions) else view.shown
        return partners_download(rows, lang, axis_labels, filters=view_filters(filters, PARTNER_FILTERS))

    return _MEMO.get(partners, ("export", view.key, lang, _labels_key(axis_labels), order), compute)


# The page passes these as the buttons' data callables: a download is built when a visitor clicks
# (about 0.5 s at 10,000 partners), never during a page run.
def export_csv(partners: pd.DataFrame, view: PartnersView, filters: Filters,
               axis_labels: Mapping[str, str], sep: str) -> bytes:
    return download_csv(export_download(partners, view, filters, axis_labels), sep=sep)


def export_json(partners: pd.DataFrame, view: PartnersView, filters: Filters,
                axis_labels: Mapping[str, str]) -> bytes:
    return download_json(export_download(partners, view, filters, axis_labels))


def city_options(partners: pd.DataFrame, view: PartnersView, lang: str) -> dict[str, str]:
    return _MEMO.get(partners, ("city_choices", view.key, lang), lambda: city_choices(view.cities, lang))


def without_city(view: PartnersView) -> int:
    """How many partners of ``view`` the by-city view leaves out (no known city)."""
    return view.counts.partners - int(view.cities["partners"].sum())


def city_rows(partners: pd.DataFrame, view: PartnersView, lang: str) -> pd.DataFrame:
    return _MEMO.get(partners, ("city_table", view.key, lang), lambda: city_table(view.cities, lang))


def map_args(partners: pd.DataFrame, view: PartnersView, boundaries: dict[str, Any], lang: str, *,
             tiles: str | None, selected_id: str | None, height: int,
             axis_labels: Mapping[str, str], key: str) -> FoliumComponentArgs:
    """The partner map of ``view``, rendered once for the map component (``key``: its Streamlit key).

    The points layer (the costly part) is built once per (view, language) and reused for every
    selection; the map around it once per selection, tiles, height and boundaries. A partner chosen on
    the map with the keyboard takes the focus to the card's heading (``CARD_ANCHOR``) once the page
    shows its card (``detail_card_html`` marks it).
    """
    labels = _labels_key(axis_labels)

    def layer() -> Any:
        return build_partner_points_layer(view.shown, lang, axis_labels=axis_labels, chosen_focus=CARD_ANCHOR)

    def render() -> FoliumComponentArgs:
        points = _MAPS.get(partners, ("layer", view.key, lang, labels), layer)
        fmap = build_partner_map(view.shown, boundaries, lang, tiles=tiles, selected_id=selected_id,
                                 height=height, axis_labels=axis_labels, layer=points)
        return folium_component_args(fmap, key=key, returned_objects=RETURNED_OBJECTS)

    # ``boundaries`` is a cached (long-lived) object: its id names it.
    map_key = ("map", view.key, lang, labels, selected_id, tiles, height, id(boundaries), key)
    return _MAPS.get(partners, map_key, render)
