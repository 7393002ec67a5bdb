"""Entry point: page config, navigation, the shared sidebar and the kiosk switch. Routes only."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from enact_dash.i18n import t
from enact_dash.ui import memory
from enact_dash.ui.data import get_dataset
from enact_dash.ui.page import inject_base_css, set_document_language
from enact_dash.ui.sidebar import render_sidebar
from enact_dash.ui.state import current_filters, enter_page, show_link_notice, sync_from_url

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
# A local icon: Streamlit fetches material and emoji favicons from a CDN, which a kiosk may not reach.
FAVICON = str(Path(__file__).resolve().parent / "static" / "favicon.png")

st.set_page_config(
    page_title=t("common.app_title"),
    page_icon=FAVICON,
    layout="wide",
    initial_sidebar_state="auto",
)
filters = sync_from_url()
lang = filters.lang

if filters.kiosk:
    navigation = st.navigation(
        [st.Page(PAGES_DIR / "kiosk.py", title=t("common.nav.kiosk", lang), url_path="kiosk",
                 default=True)],
        position="hidden",
    )
else:
    navigation = st.navigation([
        st.Page(PAGES_DIR / "home.py", title=t("common.nav.home", lang), icon=":material/home:",
                default=True),
        st.Page(PAGES_DIR / "partners.py", title=t("common.nav.partners", lang),
                icon=":material/map:", url_path="partners"),
        st.Page(PAGES_DIR / "events.py", title=t("common.nav.events", lang),
                icon=":material/event:", url_path="events"),
        st.Page(PAGES_DIR / "achievements.py", title=t("common.nav.achievements", lang),
                icon=":material/emoji_events:", url_path="achievements"),
        st.Page(PAGES_DIR / "about.py", title=t("common.nav.about", lang),
                icon=":material/info:", url_path="about"),
    ])

# From here on the filters are this page's view: the shared ones and the page's own (also in the URL).
enter_page("kiosk" if filters.kiosk else navigation.url_path)
# Each page its own browser-tab title (WCAG 2.4.2): "Partenaires · IA Grand Est ENACT".
st.set_page_config(page_title=f"{navigation.title} · {t('common.app_title', lang)}")
inject_base_css()
sidebar = None if filters.kiosk else render_sidebar(get_dataset(), navigation.url_path)
set_document_language(sidebar.filters.lang if sidebar else lang)
try:
    navigation.run()
finally:  # the link to the view, even when a page stops or fails
    if sidebar:
        sidebar.finish()
    show_link_notice(current_filters().lang)  # what the link held that the page left out, said once
    memory.settle()  # after a run with new data: out of the collector's full passes (enact_dash/ui/memory.py)
