"""The timeline figure: honest partial dates, today line, title, large-data mode."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from enact_dash.charts_events import PLOTLY_TEXTS, events_timeline, plotly_config
from enact_dash.dates import PartialDate
from enact_dash.events.frame import prepare

TODAY = date(2025, 11, 1)
DAY_MS = 86_400_000


def event(event_id: str, start: str, end: str = "", **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": event_id, "title_fr": event_id, "type": "workshop", "status": "planned",
        "start": PartialDate.parse(start), "end": PartialDate.parse(end) if end else None,
    }
    row.update(fields)
    return row


AGENDA = prepare(pd.DataFrame([
    event("annual-day-2025", "2025-12-12", type="annual_day"),
    event("fds-2025", "2025-10-03", "2025-10-13", type="fete_science"),
    event("workshop-2026-12", "2026-12"),
    event("summer-school-2026", "2026", type="summer_school"),
    event("hostile", "2025-11-20", title_fr="<img src=x onerror=alert(1)>", status="cancelled"),
]))


def traces_by_name(fig: go.Figure) -> dict[str, go.Bar]:
    """The bars of each precision (the legend-only entries left aside)."""
    return {
        trace.name: trace
        for trace in fig.data
        if isinstance(trace, go.Bar) and trace.showlegend is False
    }


def legend_entries(fig: go.Figure) -> list[str]:
    return [trace.name for trace in fig.data if trace.showlegend is not False]


def test_one_trace_per_precision_with_lighter_partial_dates() -> None:
    fig = events_timeline(AGENDA, "en", today=TODAY)
    traces = traces_by_name(fig)
    assert list(traces) == legend_entries(fig) == [
        "Known days", "Month only (day not published)", "Year only (date not published)",
    ]
    day, month, year = traces.values()
    assert day.marker.opacity > month.marker.opacity > year.marker.opacity
    assert day.marker.pattern.shape is None
    assert month.marker.pattern.shape == "/"
    assert year.marker.pattern.shape == "x"


def test_bars_span_the_known_period() -> None:
    traces = traces_by_name(events_timeline(AGENDA, "en", today=TODAY))
    day = traces["Known days"]
    spans = dict(zip(day.base, day.x, strict=True))
    assert spans["2025-10-03"] == 11 * DAY_MS  # 3 to 13 October inclusive
    assert spans["2025-12-12"] == DAY_MS
    month = traces["Month only (day not published)"]
    assert (month.base[0], month.x[0]) == ("2026-12-01", 31 * DAY_MS)
    year = traces["Year only (date not published)"]
    assert (year.base[0], year.x[0]) == ("2026-01-01", 365 * DAY_MS)
    assert year.y[0] == "Summer school"


def test_day_events_are_also_marked() -> None:
    fig = events_timeline(AGENDA, "en", today=TODAY)
    (markers,) = [trace for trace in fig.data if isinstance(trace, go.Scatter)]
    assert markers.showlegend is False
    assert sorted(markers.x) == [
        "2025-10-08T12:00:00", "2025-11-20T12:00:00", "2025-12-12T12:00:00",
    ]


def test_today_line_and_title_with_the_years_of_the_events() -> None:
    fig = events_timeline(AGENDA, "fr", today=TODAY)
    (line,) = fig.layout.shapes
    assert line.x0 == line.x1 == "2025-11-01"
    assert [a.text for a in fig.layout.annotations] == ["aujourd’hui"]
    assert fig.layout.title.text == "Calendrier des événements par type, 2025–2026"


def one_day(*days: str) -> pd.DataFrame:
    return prepare(pd.DataFrame([event(f"e{i}", day) for i, day in enumerate(days)]))


@pytest.mark.parametrize(
    ("events", "today", "x_range", "years"),
    [
        # 3 October 2025 to the end of 2026 (the year-only event), 4 % of the 455 days on each side:
        # not the programme's five years (to 2029), which no event of the view reaches.
        (AGENDA, TODAY, ("2025-09-15", "2027-01-19"), "2025–2026"),
        (AGENDA, date(2026, 11, 25), ("2025-09-15", "2027-01-19"), "2025–2026"),
        # One event, or events on one day: about a quarter centred on them, not a hairline.
        (one_day("2025-12-12"), TODAY, ("2025-10-28", "2026-01-28"), "2025"),
        (one_day("2025-12-12", "2025-12-12"), TODAY, ("2025-10-28", "2026-01-28"), "2025"),
        # A short span: a week at least on each side, a quarter at least in all.
        (one_day("2025-10-03", "2025-10-13"), TODAY, ("2025-08-24", "2025-11-24"), "2025"),
        # A year only: the year and its margin.
        (prepare(pd.DataFrame([event("y", "2026")])), TODAY, ("2025-12-17", "2027-01-16"), "2026"),
        # Two years apart: 4 % of 731 days (29) on each side.
        (one_day("2025-01-01", "2026-12-31"), TODAY, ("2024-12-03", "2027-01-30"), "2025–2026"),
    ],
)
def test_axis_frames_the_events_shown(events: pd.DataFrame, today: date, x_range: tuple[str, str],
                                      years: str) -> None:
    fig = events_timeline(events, "en", today=today)
    assert fig.layout.xaxis.range == x_range
    assert fig.layout.title.text == f"Events by type, {years}"


def test_axis_of_no_event_is_todays_year_and_title_names_no_year() -> None:
    fig = events_timeline(AGENDA.iloc[0:0], "de", today=date(2026, 11, 25))
    assert fig.layout.xaxis.range == ("2026-01-01", "2027-01-01")
    assert fig.layout.title.text == "Veranstaltungen nach Art"


@pytest.mark.parametrize(
    ("lang", "formats"),
    [("fr", ["%d/%m/%Y", "%m/%Y", "%Y"]), ("en", ["%d/%m/%Y", "%m/%Y", "%Y"]),
     ("de", ["%d.%m.%Y", "%m.%Y", "%Y"])],
)
def test_tick_labels_are_figures_finer_when_zoomed(lang: str, formats: list[str]) -> None:
    """Plotly's month names are English: the ticks write figures, days when zoomed in to days."""
    stops = events_timeline(AGENDA, lang, today=TODAY).layout.xaxis.tickformatstops
    assert [stop.value for stop in stops] == formats
    assert [tuple(stop.dtickrange) for stop in stops] == [(None, "M1"), ("M1", "M12"), ("M12", None)]


def test_heatmap_is_framed_on_its_events_too() -> None:
    many = prepare(pd.DataFrame([event(f"e{i}", f"2026-{1 + i % 12:02d}-01") for i in range(30)]))
    fig = events_timeline(many, "fr", today=TODAY, max_bars=10)
    assert fig.layout.xaxis.range == ("2025-12-19", "2026-12-15")  # 1 Jan to 1 Dec 2026, 13 days aside


def test_no_today_line_outside_the_range() -> None:
    fig = events_timeline(AGENDA, "fr", today=date(2031, 1, 1))
    assert fig.layout.shapes == ()


def test_hover_text_is_escaped_and_says_cancelled() -> None:
    day = traces_by_name(events_timeline(AGENDA, "fr", today=TODAY))["Jours connus"]
    hostile = [text for text in day.hovertext if "onerror" in text]
    assert hostile == ["[ANNULÉ] &lt;img src=x onerror=alert(1)&gt;<br>20 novembre 2025"]


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_many_events_become_counts_per_month(lang: str) -> None:
    many = prepare(pd.DataFrame(
        [event(f"e{i}", f"2026-{1 + i % 12:02d}-01") for i in range(30)]
        + [event("y", "2027", type="training")]
    ))
    fig = events_timeline(many, lang, today=TODAY, max_bars=10)
    (heatmap,) = fig.data
    assert isinstance(heatmap, go.Heatmap)
    assert sum(map(sum, heatmap.z)) == 30  # the year-only event is counted apart
    assert any("1" in a.text for a in fig.layout.annotations if a.xref == "paper")


def test_empty_frame_gives_an_empty_figure() -> None:
    fig = events_timeline(AGENDA.iloc[0:0], "fr", today=TODAY)
    assert fig.data == ()


def test_every_text_of_the_chart_is_dark_enough_on_white() -> None:
    """Streamlit's chart theme greys axis labels to 3.7:1; each text sets the theme's text colour."""
    from tests.unit.test_theme import contrast

    layout = events_timeline(AGENDA, "fr", today=TODAY).layout
    colours = [layout.font.color, layout.title.font.color, layout.legend.font.color,
               layout.xaxis.tickfont.color, layout.yaxis.tickfont.color]
    assert all(colour is not None and contrast(colour, "#ffffff") >= 4.5 for colour in colours), colours


@pytest.mark.parametrize(
    ("lang", "english", "expected"),
    [
        ("fr", "Download plot as a PNG", "Télécharger le graphique (PNG)"),
        ("fr", "Reset axes", "Rétablir les axes"),
        ("de", "Zoom in", "Vergrößern"),
        ("en", "Autoscale", "Fit all data"),
    ],
)
def test_plotly_tool_bar_speaks_the_language(lang: str, english: str, expected: str) -> None:
    config = plotly_config(lang)
    assert config["displaylogo"] is False
    assert config["locale"] == lang
    dictionary = config["locales"][lang]["dictionary"]  # type: ignore[index]
    assert dictionary[english] == expected
    assert set(dictionary) == set(PLOTLY_TEXTS)
