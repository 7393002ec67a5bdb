"""Partners: the map, the detail card, the list, the by-city view and the downloads of one view.

Every choice lives in the filter model (and so in the URL): the page's own filters (type, country,
relation, search), the selected partner (``partner``) and the city chosen in the by-city view.
What a view shows is computed once per data, filters and language (``enact_dash.partners.view``);
the map is rendered once per view and selection. The list is an HTML table sorted on the server (the
``sort`` URL parameter), in pages of ``LIST_PAGE_SIZE`` rows (``page``; the downloads have every
partner of the view); the by-city tab runs only once opened. A view that matches nobody is one message
and a button that clears the page's filters, nothing else.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from enact_dash import partners as pt
from enact_dash.config import get_settings
from enact_dash.empty_view import empty_view
from enact_dash.events.display import escape_markdown
from enact_dash.exports import CSV_MIME, JSON_MIME, csv_separator
from enact_dash.filters import PARTNERS_PAGE_FILTERS
from enact_dash.i18n import format_number, plural, t
from enact_dash.maps import clicked_point_id
from enact_dash.ui.data import get_dataset
from enact_dash.ui.folium_map import show_folium
from enact_dash.ui.native import native_select, page_select, search_box
from enact_dash.ui.page import show_empty_view, show_shared_filters
from enact_dash.ui.sidebar import axis_labels
from enact_dash.ui.state import current_filters, drop_unknown, multiselect_filter, set_filters

MAP_KEY = "partners_map"
TABS_KEY = "partners_tabs"
MAP_HEIGHT = 520


def select_partner(partner_id: str) -> None:
    set_filters(current_filters().with_(partner=partner_id))


def on_map_click() -> None:
    clicked = clicked_point_id(st.session_state.get(MAP_KEY))
    if clicked:
        select_partner(clicked)


dataset = get_dataset()
settings = get_settings()
filters = current_filters()
lang = filters.lang
partners = dataset.partners
axes = axis_labels(dataset, lang)

st.title(t("partners.title", lang), anchor=False)
st.markdown(t("partners.intro", lang))
shared_note = st.container()  # the sidebar's filters, said once the view is known (show_shared_filters)

# A file that could not be read: one message, no filters built from an empty table, no "nobody" view.
if dataset.unavailable("partners"):
    st.info(t("common.unavailable.partners", lang), icon=":material/info:")
else:
    # A link's country that the data does not know is left out, with a notice (not an unexplained empty
    # view); types and relations are a fixed vocabulary, checked with the URL (enact_dash.filters).
    drop_unknown("country", pt.country_options(partners))
    drop_unknown("sort", pt.sort_choices(lang, pt.SORTABLE))
    filters = current_filters()
    # What each chip would give, with the other filters (Datasette's facets); a choice that gives nobody
    # says (0) and stays, so that no chip moves.
    facets = pt.partner_facets(partners, filters)

    # Chips and the browser's own search box: no select-type widget on a first load
    # (see enact_dash.ui.native).
    row = st.container(key="filters_partners")
    multiselect_filter("ptype", t("partners.filter.type", lang), pt.type_options(),
                       lambda v: pt.type_label(v, lang), container=row, counts=facets["ptype"])
    country_col, relation_col, search_col = row.columns([1, 1, 1.2])
    countries = pt.country_options(partners, filters.country)
    multiselect_filter("country", t("partners.filter.country", lang), countries,
                       lambda c: pt.country_label(c, lang), container=country_col,
                       help=pt.country_help(countries, lang), counts=facets["country"])
    multiselect_filter("relation", t("partners.filter.relation", lang), pt.relation_options(),
                       lambda r: pt.relation_label(r, False, lang), container=relation_col,
                       counts=facets["relation"])
    search_box("q", t("partners.filter.search", lang), container=search_col,
               placeholder=t("partners.filter.search_placeholder", lang))

    filters = current_filters()
    view = pt.partners_view(partners, filters)
    counts = view.counts
    # Companies asked for and none listed: the cluster has some that no source names (said, not "nobody").
    companies = pt.unnamed_companies_note(view.shown, filters.ptype, dataset.figures, lang)
    show_shared_filters(filters, axes, lang, key="partners_shared", where=shared_note,
                        button=counts.partners > 0)
    if counts.partners == 0:
        show_empty_view(empty_view(filters, PARTNERS_PAGE_FILTERS, lang, domain="partners",
                                   selection="partner", why=companies), key="partners_clear")
    else:  # not st.stop(): the entry point writes the sidebar's link after the page
        if companies:
            st.info(escape_markdown(companies), icon=":material/info:")
        st.markdown(f"**{pt.summary_text(counts, lang)}** {pt.unlocated_text(counts, lang)}".strip())

        selected = pt.partner_row(view.shown, filters.partner)
        map_col, card_col = st.columns([2, 1], gap="medium")
        with map_col:
            if view.on_map:
                rendered = pt.map_args(
                    partners, view, pt.boundaries_for(settings.data_dir), lang, tiles=settings.tiles,
                    selected_id=selected["id"] if selected else None, height=MAP_HEIGHT, axis_labels=axes,
                    key=MAP_KEY,
                )
                show_folium(rendered, key=MAP_KEY, height=MAP_HEIGHT, on_change=on_map_click)
                st.markdown(t("partners.map.help", lang) + " " + t("map.sources", lang))
            else:
                st.info(t("partners.map.empty", lang))

        # The detail section: a heading under the page's title (its anchor is where a name's link lands), the
        # chooser, then the card (whose name is the next heading level).
        with card_col.container(key="partner_detail"):
            st.header(t("partners.detail.title", lang), anchor=pt.CARD_ANCHOR)
            choices = pt.pick_choices(partners, view)
            if choices is not None:
                native_select("partners_pick", t("partners.detail.choose", lang),
                              {"": t("partners.detail.nobody", lang), **choices},
                              selected["id"] if selected else "",
                              lambda f, chosen: f.with_(partner=chosen))
            else:
                st.markdown(t("partners.detail.too_many", lang, count=format_number(counts.partners, lang)))
            if selected:
                st.html(pt.detail_card_html(pt.partner_detail(selected, lang, axes), lang))
            elif filters.partner:  # a link to a partner that these filters leave out (or that is gone)
                st.info(t("partners.detail.not_in_view", lang))
            else:
                st.info(t("partners.detail.none", lang))

        cities = view.cities
        # Lazy tabs: only the open one runs, so the by-city view costs nothing until it is chosen. Their
        # labels carry no counts: a tab's identity follows its label, and a new label would close the
        # chosen tab.
        list_tab, city_tab = st.tabs([t("partners.tab.list", lang), t("partners.tab.cities", lang)],
                                     key=TABS_KEY, on_change="rerun")

        if list_tab.open:
            with list_tab:
                order = pt.list_sort(filters)
                native_select("sort", t("common.sort.label", lang), pt.sort_choices(lang, pt.SORTABLE),
                              order.param,
                              lambda f, chosen: f.with_(sort="" if chosen == "name" else chosen), width=320)
                page = page_select(t("partners.list.page", lang, pages=format_number(view.list_pages, lang)),
                                   view.list_pages)
                if view.list_pages > 1:
                    first, last = pt.page_span(counts.partners, page)
                    st.markdown(t("partners.list.paged", lang, first=format_number(first, lang),
                                  last=format_number(last, lang), total=format_number(counts.partners, lang)))
                st.markdown(t("partners.list.caption", lang))
                table = pt.list_page(pt.list_table(partners, view, lang, axes, order), page)
                # With the list's page: a name's link comes back to this page, and lands on the card.
                st.html(pt.list_html(table, lang, order, pt.card_link(current_filters())))
                stem = t("partners.download.file", lang)
                buttons = st.container(horizontal=True, gap="small")
                buttons.download_button(
                    t("common.download_csv", lang),
                    partial(pt.export_csv, partners, view, filters, axes, csv_separator(lang)),
                    file_name=f"{stem}.csv", mime=CSV_MIME, on_click="ignore", key="partners_csv",
                    help=t("partners.download.help", lang), icon=":material/download:",
                )
                buttons.download_button(
                    t("common.download_json", lang), partial(pt.export_json, partners, view, filters, axes),
                    file_name=f"{stem}.json", mime=JSON_MIME, on_click="ignore", key="partners_json",
                    help=t("partners.download.help", lang), icon=":material/download:",
                )

        if city_tab.open:
            with city_tab:
                st.markdown(t("partners.cities.caption", lang))
                if cities.empty:
                    st.info(t("partners.cities.none", lang))
                else:
                    city_names = pt.city_options(partners, view, lang)
                    current = filters.city[0] if len(filters.city) == 1 else ""
                    native_select("partners_city", t("partners.cities.choose", lang),
                                  {"": t("partners.cities.all", lang), **city_names}, current,
                                  lambda f, chosen: f.with_(city=(chosen,) if chosen else ()))
                    st.html(pt.city_html(pt.city_rows(partners, view, lang), lang))
                    if missing := pt.without_city(view):  # the table's total is not the page's: say why
                        st.caption(plural("partners.cities.no_city", missing, lang))
