"""Home: what ENACT is, key figures with their sources, research axes, pillars, next events."""

import streamlit as st

from enact_dash.clock import today
from enact_dash.home import home_view, upcoming_message
from enact_dash.i18n import plural, t
from enact_dash.ui.data import get_dataset
from enact_dash.ui.page import tiles_html
from enact_dash.ui.state import current_filters

filters = current_filters()
lang = filters.lang
view = home_view(get_dataset(), filters, lang, today=today())

st.title(t("home.title", lang), anchor=False)
st.markdown(t("home.intro", lang))
st.caption(t("home.intro_source", lang))

st.header(t("home.key_figures", lang), anchor=False)
st.html(tiles_html([tile.as_dict(lang) for tile in view.tiles]))

st.header(t("home.axes", lang), anchor=False)
if "axes" in view.unavailable:
    st.info(t("common.unavailable.axes", lang))
for column, (_, name, description) in zip(st.columns(max(len(view.axes), 1)), view.axes, strict=False):
    with column, st.container(border=True):
        st.subheader(name, anchor=False)
        st.write(description)

st.header(t("home.pillars", lang), anchor=False)
for column, (name, description) in zip(st.columns(len(view.pillars)), view.pillars, strict=True):
    with column, st.container(border=True):
        st.subheader(name, anchor=False)
        st.write(description)

st.header(t("home.next_events", lang), anchor=False)
if view.next_events:
    for event in view.next_events:
        st.markdown(f"**{event.when}** — {event.title}  \n{event.where}")
else:
    st.info(upcoming_message(view, lang))
if "events" not in view.unavailable:
    st.page_link("../pages/events.py", label=plural("home.link_events", view.upcoming_count, lang),
                 icon=":material/event:")

st.header(t("home.explore", lang), anchor=False)
links = st.columns(3)
links[0].page_link("../pages/partners.py", label=t("common.nav.partners", lang), icon=":material/map:")
links[1].page_link("../pages/achievements.py", label=t("common.nav.achievements", lang),
                   icon=":material/emoji_events:")
links[2].page_link("../pages/about.py", label=t("common.nav.about", lang), icon=":material/info:")
st.caption(t("common.footer", lang))
