"""About: sources of every data set and figure, disagreements, licences, errors, accessibility."""

import streamlit as st

from enact_dash.about import disagreements, shared_filter_names, sources_html
from enact_dash.i18n import t
from enact_dash.ui.data import get_dataset
from enact_dash.ui.sidebar import axis_labels
from enact_dash.ui.state import current_filters

filters = current_filters()
lang = filters.lang
dataset = get_dataset()

st.title(t("about.title", lang), anchor=False)
st.markdown(t("about.intro", lang))
if filters.axis or filters.city:  # the sidebar's filters are on, but this page lists every source
    st.caption(t("about.filters_note", lang, names=shared_filter_names(filters, axis_labels(dataset, lang))))

st.header(t("about.sources", lang), anchor=False)
st.markdown(t("about.sources_intro", lang))
st.html(sources_html(dataset, lang))

st.header(t("about.disagreements", lang), anchor=False)
st.markdown(t("about.disagreements_intro", lang))
for item in disagreements(dataset, lang):
    st.markdown(t("about.disagreement_shown", lang, label=item.shown.label, value=item.shown.text,
                  source=item.shown.source))
    for other in item.others:
        st.markdown(t("about.disagreement_other", lang, value=other.text, label=other.label,
                      source=other.source, note=other.note or "—"))

st.header(t("about.licences", lang), anchor=False)
st.markdown(t("about.licences_body", lang))

st.header(t("about.report", lang), anchor=False)
st.markdown(t("about.report_body", lang))

st.header(t("about.accessibility", lang), anchor=False)
st.markdown(t("about.accessibility_body", lang))
