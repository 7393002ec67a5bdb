"""The one sidebar, shared by every page: language, research axis, city, reset, link to the view."""

from __future__ import annotations

import html

import streamlit as st

from enact_dash.config import get_settings
from enact_dash.data import Dataset, localized
from enact_dash.filters import Filters
from enact_dash.i18n import LANG_NAMES, LANGS, t
from enact_dash.ui.page import data_notice
from enact_dash.ui.state import bound_widget, current_filters, multiselect_filter, set_filters


def axis_labels(dataset: Dataset, lang: str) -> dict[str, str]:
    """Axis id -> name in ``lang`` (from data/axes.csv)."""
    axes = dataset.axes
    if axes.empty:
        return {}
    return dict(zip(axes["id"], localized(axes, "name", lang), strict=True))


def city_options(dataset: Dataset) -> list[str]:
    """Every city that a partner or an event names, sorted for French readers."""
    names: set[str] = set()
    for key in ("partners", "events"):
        frame = dataset.tables.get(key)
        if frame is not None and "city" in frame:
            names.update(str(c) for c in frame["city"].dropna().unique() if c)
    return sorted(names, key=lambda n: n.casefold())


def share_link_html(url: str) -> str:
    """The view's address as a link that can be copied (escaped; long addresses wrap)."""
    safe = html.escape(url, quote=True)
    return f'<p class="enact-share"><a href="{safe}" target="_self">{safe}</a></p>'


def render_sidebar(dataset: Dataset, page_path: str = "") -> Filters:
    """Draw the shared sidebar and return the (possibly updated) filters."""
    filters = current_filters()
    lang = filters.lang
    sb = st.sidebar
    bound_widget(
        "lang", sb.radio, t("common.sidebar.language", lang),
        to_value=lambda v: v if v in LANGS else "fr",
        options=list(LANGS), format_func=lambda code: LANG_NAMES[code], horizontal=True,
    )
    lang = current_filters().lang
    sb.subheader(t("common.sidebar.filters", lang))
    labels = axis_labels(dataset, lang)
    multiselect_filter(
        "axis", t("common.sidebar.axis", lang), list(labels), lambda a: labels.get(a, a),
        container=sb, placeholder=t("common.sidebar.all", lang),
    )
    cities = city_options(dataset)
    multiselect_filter(
        "city", t("common.sidebar.city", lang), cities, container=sb,
        placeholder=t("common.sidebar.all", lang),
    )
    filters = current_filters()
    if not filters.is_default(ignore=("lang", "kiosk", "rotate", "slides", "langs")):
        sb.button(t("common.sidebar.reset", lang), on_click=set_filters,
                  args=(Filters(lang=lang),), key="reset_filters")
    with sb.expander(t("common.sidebar.share", lang)):
        st.caption(t("common.sidebar.share_help", lang))
        # A plain link, not st.code: the code block's syntax highlighter is 1.5 MB of JavaScript that
        # every page paid for (about 0.3 s of a page's load in bench/).
        st.html(share_link_html(filters.url(get_settings().public_url, page_path)))
    data_notice(dataset, lang, container=sb)
    return current_filters()
