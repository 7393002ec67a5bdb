"""Milestones and the two charts: honest partial dates, an injectable today, escaped labels."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from enact_dash.achievements.chairs import UNPUBLISHED
from enact_dash.achievements.milestones import in_year, milestones_of, milestones_summary, milestones_table
from enact_dash.charts_achievements import chairs_by_axis_chart, milestones_timeline, short_label
from enact_dash.dates import PartialDate

DAY_MS = 86_400_000
TODAY = date(2026, 3, 1)
HOSTILE = "<img src=x onerror=alert(1)>"


def milestones(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        "id": [f"m{i}" for i in range(len(rows))],
        "date": [PartialDate.parse(d) for d, _ in rows],
        "label_fr": [label for _, label in rows], "label_en": ["" for _ in rows],
        "label_de": ["" for _ in rows], "source": ["CP" for _ in rows],
    })


TIMELINE = milestones(
    ("2025-12-12", "Première journée annuelle"),
    ("2024-05", "Labellisation France 2030 : lauréat"),
    ("2025-01-01", "Début des actions"),
    ("2026", "Actions prioritaires 2026"),
    ("2029-12-31", "Fin des 5 ans (date déduite)"),
)


def test_order_state_and_text_follow_today():
    items = milestones_of(TIMELINE, "fr", today=TODAY)
    assert [m.when_text for m in items] == [
        "mai 2024", "1 janvier 2025", "12 décembre 2025", "2026", "31 décembre 2029",
    ]
    assert [m.state for m in items] == ["past", "past", "past", "current", "upcoming"]
    later = milestones_of(TIMELINE, "fr", today=date(2030, 1, 1))
    assert all(m.past for m in later)


def test_summary_names_the_current_and_next_milestones():
    items = milestones_of(TIMELINE, "en", today=TODAY)
    assert milestones_summary(items, "en") == (
        "5 milestones, from May 2024 to 31 December 2029; 3 already passed. "
        "Under way: Actions prioritaires 2026 (2026). "
        "Next: Fin des 5 ans (date déduite) (31 December 2029). "
        "2 have only a known month or year."
    )
    assert milestones_summary([], "fr") == "Étapes : pas encore publiées."
    assert [m.id for m in in_year(items, 2025)] == ["m2", "m0"]


def test_table_lists_every_milestone_with_its_state():
    table = milestones_table(milestones_of(TIMELINE, "de", today=TODAY), "de")
    assert list(table.columns) == ["Datum", "Meilenstein", "Stand", "Quelle"]
    assert list(table["Stand"]) == ["erreicht", "erreicht", "erreicht", "laufend", "bevorstehend"]


def traces(fig: go.Figure) -> dict[str, go.BaseTraceType]:
    return {trace.name: trace for trace in fig.data}


def test_timeline_marks_days_and_spans_partial_dates():
    fig = milestones_timeline(milestones_of(TIMELINE, "en", today=TODAY), "en", today=TODAY)
    by_name = traces(fig)
    assert list(by_name) == ["Known day", "Month only", "Year only"]
    day, month, year = by_name.values()
    assert isinstance(day, go.Scatter)
    assert list(day.x) == ["2025-01-01", "2025-12-12", "2029-12-31"]
    assert isinstance(month, go.Bar)
    assert isinstance(year, go.Bar)
    assert list(month.base) == ["2024-05-01"]
    assert list(month.x) == [31 * DAY_MS]
    assert list(year.base) == ["2026-01-01"]
    assert list(year.x) == [365 * DAY_MS]
    assert month.marker.pattern.shape == "/"
    assert year.marker.pattern.shape == "x"
    assert month.marker.opacity > year.marker.opacity


@pytest.mark.parametrize("today", [date(2025, 6, 1), date(2027, 2, 3)])
def test_today_marker_is_injected(today):
    fig = milestones_timeline(milestones_of(TIMELINE, "fr", today=today), "fr", today=today)
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [line.x0 for line in lines] == [today.isoformat()]
    assert fig.layout.annotations[0].text == "aujourd&#x27;hui"


def test_timeline_escapes_labels_and_keeps_ticks_short():
    data = milestones(("2025-05-20", HOSTILE), ("2025-06", "Lancement officiel à Strasbourg : 360 Grand Est"))
    fig = milestones_timeline(milestones_of(data, "fr", today=TODAY), "fr", today=TODAY)
    ticks = " ".join(fig.layout.yaxis.categoryarray)
    hovers = " ".join(h for trace in fig.data for h in trace.hovertext)
    assert "<img" not in ticks
    assert "<img" not in hovers
    assert "&lt;img" in ticks
    assert "360 Grand Est" not in ticks
    assert "360 Grand Est" in hovers


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Labellisation France 2030 : ENACT lauréat", "Labellisation France 2030"),
        ("2026 priority actions: 9 international chairs", "2026 priority actions"),
        ("Fin des 5 ans du programme (date déduite : …)", "Fin des 5 ans du programme"),
        ("Début des actions du cluster", "Début des actions du cluster"),
        ("A (b)", "A (b)"),  # too short a head: kept whole
    ],
)
def test_short_label(label, expected):
    assert short_label(label) == expected


def test_empty_timeline_does_not_fail():
    fig = milestones_timeline([], "en", today=TODAY)
    assert len(fig.data) == 0
    assert fig.layout.shapes[0].x0 == TODAY.isoformat()


def test_chairs_chart_has_one_bar_per_row_and_hatches_the_unknown_axis():
    rows = pd.DataFrame({
        "axis": ["nlp", "health", UNPUBLISHED],
        "label": ["NLP", HOSTILE, "Axis not published"],
        "chairs": [1, 2, 6],
    })
    fig = chairs_by_axis_chart(rows, "en")
    known, unknown = fig.data
    assert list(known.x) == [1, 2]
    assert list(unknown.x) == [6]
    assert unknown.marker.pattern.shape == "/"
    assert not known.marker.pattern.shape
    assert "&lt;img src=x onerror=alert(1)&gt;" in known.y
    assert fig.layout.title.text == "Chairs launched per research axis"
