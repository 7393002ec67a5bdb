"""Kiosk: full-screen slides that rotate by themselves (``?kiosk=1&rotate=20&slides=...&langs=fr,en``).

A fragment reruns every ``rotate`` seconds; which slide it shows is derived from the time elapsed since
the kiosk started (see ``enact_dash.kiosk.schedule``), nothing else is kept between runs.
"""

import streamlit as st
from streamlit_folium import st_folium

from enact_dash.clock import today
from enact_dash.config import get_settings
from enact_dash.kiosk import CLOCK, SLIDES, parse_langs, parse_slides, slot_at
from enact_dash.kiosk.frame import HOUSEKEEPING_JS, KIOSK_CSS, NO_FOCUS_JS, body_html, head_html
from enact_dash.kiosk.schedule import anchor, public_link
from enact_dash.kiosk.slides import MAP_HEIGHT, build_slide, slides_with_content, theme_label
from enact_dash.ui.data import get_dataset
from enact_dash.ui.page import set_document_language
from enact_dash.ui.sidebar import settle_shared_filters
from enact_dash.ui.state import current_filters, drop_unknown

drop_unknown("slides", SLIDES)  # a slide name the kiosk does not have: logged, the others shown
settle_shared_filters(get_dataset(), current_filters().lang)  # no sidebar here: unknown axes, cities out
filters = current_filters()
playlist = parse_slides(filters.slides)
langs = parse_langs(filters.langs, filters.lang)
# Per-session UI state: when this screen's rotation started (re-anchored on every full run, when
# Streamlit restarts the browser's timer).
st.session_state["kiosk_started_at"] = anchor(
    st.session_state.get("kiosk_started_at"), CLOCK.now(), filters.rotate
)
st.html(KIOSK_CSS)
st.html(HOUSEKEEPING_JS + NO_FOCUS_JS, unsafe_allow_javascript=True)  # one element: one gap


@st.fragment(run_every=filters.rotate)
def show_slide() -> None:
    settings = get_settings()
    dataset = get_dataset()
    shown = slides_with_content(playlist, dataset, filters, filters.lang, today=today(),
                                data_dir=settings.data_dir)
    slot = slot_at(CLOCK.now(), st.session_state["kiosk_started_at"], rotate=filters.rotate,
                   slides=shown, langs=langs)
    view = build_slide(slot.slide, dataset, filters, slot.lang, today=today(),
                       data_dir=settings.data_dir)
    st.html(head_html(slot, view.title, public_link(filters, slot, settings.public_url), slot.lang,
                      theme=theme_label(dataset, filters, slot.lang)))
    st.html(body_html(view.body, slot.lang, slot.slide, fill=view.map is None))
    if view.map is not None:
        map_box, aside_box = st.columns([3, 2], gap="large") if view.aside else (st.container(), None)
        with map_box:
            st_folium(view.map, returned_objects=[], height=MAP_HEIGHT, use_container_width=True,
                      key="kiosk_map")
        if aside_box is not None:
            aside_box.html(view.aside)
    if langs != (filters.lang,):  # otherwise the entry point has set it already
        set_document_language(slot.lang)


show_slide()
