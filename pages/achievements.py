"""Achievements: the year's record and what comes next, every figure with its source. Renders only."""

from __future__ import annotations

import streamlit as st

from enact_dash import achievements as ach
from enact_dash import clock
from enact_dash.achievements import html as ach_html
from enact_dash.achievements.review import tiles_of
from enact_dash.charts_achievements import chairs_by_axis_chart, milestones_timeline
from enact_dash.events.display import escape_markdown
from enact_dash.exports import CSV_MIME, csv_separator, download_csv
from enact_dash.i18n import plural, t
from enact_dash.ui.data import get_dataset
from enact_dash.ui.page import tiles_html
from enact_dash.ui.state import WIDGET_PREFIX, bound_widget, current_filters, drop_unknown

filters = current_filters()
lang = filters.lang
dataset = get_dataset()
today = clock.today()
view = ach.build_view(dataset, filters, today=today)
drop_unknown("year", view.years)  # a year with nothing to review: said (the view shows the default year)


def data_table(frame: object, caption: str) -> None:
    """The accessible alternative of a chart or list: its data as a real table."""
    with st.expander(t("achievements.table_alternative", lang)):
        st.html(ach_html.frame_table_html(frame, caption, lang))  # type: ignore[arg-type]


st.title(t("achievements.title", lang), anchor=False)
st.markdown(t("achievements.intro", lang))
if view.axes:
    st.caption(t("achievements.axis_filter_note", lang,
                 axes=", ".join(view.axis_names.get(a, a) for a in view.axes)))
if view.cities:
    st.caption(t("achievements.city_filter_note", lang, cities=", ".join(view.cities)))

# --- year in review -------------------------------------------------------------------------------
if view.year is None:
    st.header(t("achievements.review.title_no_year", lang), anchor=False)
    st.info(t("common.unavailable.figures" if "figures" in view.unavailable else "achievements.review.none",
              lang))
else:
    st.header(t("achievements.review.title", lang, year=view.year), anchor=False)
    if st.session_state.get(WIDGET_PREFIX + "year") not in view.years:
        st.session_state.pop(WIDGET_PREFIX + "year", None)
    # A segmented control, not a selectbox: a select-type widget loads ~0.2 s more (bench/widget_costs.py).
    bound_widget("year", st.segmented_control, t("achievements.review.year", lang),
                 to_value=int, from_value=lambda v: v if v in view.years else view.year,
                 options=view.years, required=True)
    if "figures" in view.unavailable:
        st.info(t("common.unavailable.figures", lang))
    elif view.key_figures:
        st.html(tiles_html(tiles_of(view.key_figures, lang)))
    else:
        st.info(t("achievements.review.no_figures", lang, year=view.year))
    if view.missing_figures and "figures" not in view.unavailable:
        st.caption(plural("achievements.review.figures_missing", len(view.missing_figures), lang,
                          labels=", ".join(view.missing_figures)))
    if view.year_milestones:
        st.subheader(t("achievements.review.milestones", lang, year=view.year), anchor=False)
        st.html(ach_html.milestone_list_html(view.year_milestones, lang))
    if view.year_actions:
        st.subheader(t("achievements.review.actions", lang, year=view.year), anchor=False)
        st.html(ach_html.actions_html(view.year_actions, lang))

# --- chairs ---------------------------------------------------------------------------------------
st.header(t("achievements.chairs.title", lang), anchor=False)
chairs = view.chairs
if "chairs" in view.unavailable:
    st.info(t("common.unavailable.chairs", lang))
elif chairs.launched is None and not chairs.presented_total:
    st.info(t("achievements.chairs.none", lang))
else:
    chairs_text = ach.per_axis_summary(chairs, view.chairs_rows, lang)
    st.markdown(escape_markdown(chairs_text))
    st.subheader(t("achievements.chairs.presented_title", lang), anchor=False)
    cards = ach_html.chair_cards_html(list(chairs.shown), chairs.unpublished, lang)
    if cards:
        st.html(cards)
    else:
        st.info(t("achievements.chairs.none_for_axis", lang))
    if len(view.chairs_rows):
        st.html(chairs_by_axis_chart(view.chairs_rows, lang))
        data_table(ach.per_axis_table(view.chairs_rows, lang), t("achievements.chairs.title", lang))
if view.planned is not None or "chairs" not in view.unavailable:  # unreadable chairs: said once above
    st.subheader(t("achievements.chairs.international_title", lang), anchor=False)
if view.planned is None:
    if "chairs" not in view.unavailable:
        st.info(t("achievements.chairs.planned_none", lang))
else:
    st.html(ach_html.planned_html(view.planned, lang))
    if view.planned.presented:
        st.html(ach_html.chair_cards_html(list(view.planned.presented), 0, lang))

# --- priority actions -----------------------------------------------------------------------------
if view.next_year is not None:
    st.header(t("achievements.actions.title", lang, year=view.next_year), anchor=False)
    if "actions" in view.unavailable:
        st.info(t("common.unavailable.actions", lang))
    else:
        summary = ach.actions_summary(view.next_actions, view.next_year, lang, today=today)
        st.markdown(escape_markdown(summary))
    if view.axes:
        st.caption(t("achievements.actions.axis_rule", lang))
    if view.next_actions:
        st.html(ach_html.actions_html(view.next_actions, lang))
        data_table(ach.actions_table(view.next_actions, lang),
                   t("achievements.actions.title", lang, year=view.next_year))

# --- targets --------------------------------------------------------------------------------------
st.header(t("achievements.targets.title", lang), anchor=False)
if "targets" in view.unavailable:
    st.info(t("common.unavailable.targets", lang))
else:
    st.markdown(escape_markdown(ach.targets_summary(view.targets, lang)))
if view.targets:
    st.html(ach_html.targets_html(view.targets, lang))
    data_table(ach.targets_table(view.targets, lang), t("achievements.targets.title", lang))

# --- milestones -----------------------------------------------------------------------------------
st.header(t("achievements.milestones.title", lang), anchor=False)
milestones_text = ach.milestones_summary(view.milestones, lang)
if "milestones" in view.unavailable:
    st.info(t("common.unavailable.milestones", lang))
elif view.milestones:
    st.html(milestones_timeline(view.milestones, lang, today=today))
    st.caption(escape_markdown(milestones_text))
    data_table(ach.milestones_table(view.milestones, lang), t("achievements.milestones.title", lang))
else:
    st.info(escape_markdown(milestones_text))

# --- conflicting figures and download -------------------------------------------------------------
st.header(t("achievements.conflicts.title", lang), anchor=False)
if "figures" in view.unavailable:
    st.info(t("common.unavailable.figures", lang))
elif view.conflicts:
    st.markdown(t("achievements.conflicts.intro", lang))
    st.html(ach_html.conflicts_html(view.conflicts, lang))
    data_table(ach.conflicts_table(view.conflicts, lang), t("achievements.conflicts.title", lang))
else:
    st.markdown(t("achievements.conflicts.none", lang))

figures_download = ach.figures_download(dataset.figures, lang)
if len(figures_download.table):
    st.download_button(t("achievements.download_figures", lang),
                       data=download_csv(figures_download, sep=csv_separator(lang)),
                       file_name=t("achievements.download_file", lang),
                       mime=CSV_MIME, key="download_figures", icon=":material/download:")
