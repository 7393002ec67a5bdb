"""Milestones and the two charts: honest partial dates, an injectable today, escaped labels."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from enact_dash.achievements.chairs import UNPUBLISHED
from enact_dash.achievements.milestones import in_year, milestones_of, milestones_summary, milestones_table
from enact_dash.charts_achievements import (
    chairs_by_axis_chart,
    milestones_timeline,
    short_label,
    timeline_span,
)
from enact_dash.dates import PartialDate

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
        "mai 2024", "1er janvier 2025", "12 décembre 2025", "2026", "31 décembre 2029",
    ]
    assert [m.state for m in items] == ["past", "past", "past", "current", "upcoming"]
    later = milestones_of(TIMELINE, "fr", today=date(2030, 1, 1))
    assert all(m.past for m in later)


def test_summary_names_the_current_and_next_milestones():
    items = milestones_of(TIMELINE, "en", today=TODAY)
    assert milestones_summary(items, "en") == (
        "5 milestones, from May 2024 to 31 December 2029; 3 already passed. "
        "Current period: Actions prioritaires 2026 (2026). "
        "Next: Fin des 5 ans (date déduite) (31 December 2029). "
        "2 have only a known month or year."
    )
    assert milestones_summary(items, "fr").startswith("5 étapes, de mai 2024 au 31 décembre 2029\u202f; ")
    assert milestones_summary(items, "de").startswith(
        "5 Meilensteine, von Mai 2024 bis zum 31. Dezember 2029; ")
    assert milestones_summary([], "fr") == "Étapes\u00a0: pas encore publiées."
    assert [m.id for m in in_year(items, 2025)] == ["m2", "m0"]


def test_table_lists_every_milestone_with_its_state():
    table = milestones_table(milestones_of(TIMELINE, "de", today=TODAY), "de")
    assert list(table.columns) == ["Datum", "Meilenstein", "Stand", "Quelle"]
    assert list(table["Stand"]) == ["erreicht", "erreicht", "erreicht", "laufender Zeitraum", "bevorstehend"]


# A milestone whose month or year holds today is in its period: that says nothing of its progress (the
# milestone "Actions prioritaires 2026" in 2026 does not say the actions are under way; their statuses do).
@pytest.mark.parametrize(
    ("when", "today", "lang", "state", "sentence"),
    [
        ("2026", date(2026, 11, 25), "fr", "période en cours", "Période en cours\u00a0: M (2026)."),
        ("2026", date(2026, 11, 25), "en", "current period", "Current period: M (2026)."),
        ("2026-11", date(2026, 11, 25), "de", "laufender Zeitraum", "Laufender Zeitraum: M (November 2026)."),
        ("2026-11-25", date(2026, 11, 25), "fr", "aujourd’hui", "Aujourd’hui\u00a0: M."),
        ("2026-11-25", date(2026, 11, 25), "en", "today", "Today: M."),
        ("2026", date(2027, 1, 1), "en", "passed", "1 already passed."),
    ],
)
def test_a_milestone_of_the_current_period_is_not_said_under_way(when, today, lang, state, sentence):
    items = milestones_of(milestones((when, "M")), lang, today=today)
    assert list(milestones_table(items, lang).iloc[:, 2]) == [state]
    summary = milestones_summary(items, lang)
    assert sentence in summary
    for words in ("En cours", "Under way", "Laufend:"):
        assert words not in summary


def marks(figure: str) -> list[tuple[str, float, float | None]]:
    """(precision class, left %, width % or None) of each milestone row's mark, top to bottom."""
    found = re.findall(r'class="enact-mark (\w+)" style="left:([\d.]+)%(?:;width:([\d.]+)%)?"', figure)
    return [(kind, float(left), float(width) if width else None) for kind, left, width in found]


def position(day: date, today: date, items) -> float:
    first, last = timeline_span(items, today)
    return round(100 * (day - first).days / (last - first).days, 2)


def test_timeline_marks_days_and_spans_partial_dates():
    items = milestones_of(TIMELINE, "en", today=TODAY)
    figure = milestones_timeline(items, "en", today=TODAY)
    found = marks(figure)
    assert [kind for kind, _, _ in found] == ["month", "day", "day", "year", "day"]  # May 2024 first
    assert [left for _, left, _ in found] == sorted(left for _, left, _ in found)
    assert found[1] == ("day", position(date(2025, 1, 1), TODAY, items), None)
    first, last = timeline_span(items, TODAY)
    assert found[0][2] == pytest.approx(100 * 31 / (last - first).days, abs=0.01)  # the whole of May
    assert found[3][2] == pytest.approx(100 * 365 / (last - first).days, abs=0.01)  # the whole of 2026
    assert figure.count("<li ") == 5
    assert ">Known day<" in figure
    assert ">Month only<" in figure
    assert ">Year only<" in figure
    assert [int(y) for y in re.findall(r'<span style="left:[\d.]+%">(\d{4})</span>', figure)] == list(
        range(2025, 2031))  # each 1 January inside the span


@pytest.mark.parametrize("today", [date(2025, 6, 1), date(2027, 2, 3)])
def test_today_marker_is_injected(today):
    items = milestones_of(TIMELINE, "fr", today=today)
    figure = milestones_timeline(items, "fr", today=today)
    lines = set(re.findall(r'class="enact-today" style="left:([\d.]+)%"', figure))
    assert lines == {f"{position(today, today, items):.2f}"}
    assert "aujourd’hui</span>" in figure


def test_timeline_escapes_labels_and_keeps_rows_short():
    data = milestones(("2025-05-20", HOSTILE), ("2025-06", "Lancement officiel à Strasbourg : 360 Grand Est"))
    figure = milestones_timeline(milestones_of(data, "fr", today=TODAY), "fr", today=TODAY)
    assert "<img" not in figure
    assert "&lt;img src=x onerror=alert(1)&gt;" in figure
    assert "<span>Lancement officiel à Strasbourg</span>" in figure  # the row shows the head
    assert 'title="Lancement officiel à Strasbourg : 360 Grand Est"' in figure  # the whole label


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Labellisation France 2030 : ENACT lauréat", "Labellisation France 2030"),
        ("Labellisation France 2030\u00a0: ENACT lauréat", "Labellisation France 2030"),
        ("2026 priority actions: 9 international chairs", "2026 priority actions"),
        ("Fin des 5 ans du programme (date déduite : …)", "Fin des 5 ans du programme"),
        ("Début des actions du cluster", "Début des actions du cluster"),
        ("A (b)", "A (b)"),  # too short a head: kept whole
    ],
)
def test_short_label(label, expected):
    assert short_label(label) == expected


def test_empty_timeline_does_not_fail():
    figure = milestones_timeline([], "en", today=TODAY)
    assert "<li" not in figure
    assert "enact-today-label" in figure


def test_chairs_chart_has_one_bar_per_row_and_hatches_the_unknown_axis():
    rows = pd.DataFrame({
        "axis": ["nlp", "health", UNPUBLISHED],
        "label": ["NLP", HOSTILE, "Axis not published"],
        "chairs": [1, 2, 6],
    })
    figure = chairs_by_axis_chart(rows, "en")
    bars = re.findall(r'class="enact-bar( unknown)?" style="width:([\d.]+)%"', figure)
    assert bars == [("", "16.67"), ("", "33.33"), (" unknown", "100.00")]
    assert re.findall(r'class="enact-chart-value">(\d+)<', figure) == ["1", "2", "6"]
    assert "<img" not in figure
    assert "&lt;img src=x onerror=alert(1)&gt;" in figure
    assert "<figcaption>Chairs launched per research axis</figcaption>" in figure
    assert ">Axis published<" in figure
    assert ">Axis not yet published<" in figure


def test_chairs_chart_without_the_unknown_axis_has_no_hatched_legend():
    rows = pd.DataFrame({"axis": ["nlp"], "label": ["NLP"], "chairs": [0]})
    figure = chairs_by_axis_chart(rows, "fr")
    assert 'style="width:0.00%"' in figure
    assert "unknown" not in figure
