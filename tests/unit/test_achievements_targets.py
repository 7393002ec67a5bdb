"""Targets against baselines: the progress computation, and "no measure yet" instead of a bar."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from enact_dash.achievements.html import targets_html
from enact_dash.achievements.targets import (
    progress_fraction,
    progress_text,
    target_progress,
    targets_summary,
    targets_table,
)
from enact_dash.dates import PartialDate


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "expected"),
    [
        (2500, 5000, None, None),  # no measure published: no progress at all
        (2500, 5000, 2500, 0.0),
        (2500, 5000, 3750, 0.5),
        (2500, 5000, 5000, 1.0),
        (2500, 5000, 6000, 1.0),  # beyond the target: clamped
        (2500, 5000, 2000, 0.0),  # below the baseline: clamped
        (0, 9, 3, 1 / 3),
        (None, 12, 6, 0.5),  # no baseline: counted from 0
        (2500, None, 3000, None),  # no target: no progress
        (10, 10, 10, 1.0),  # target equal to baseline and reached
        (10, 10, 9, 0.0),
        (100, 50, 75, 0.5),  # a target below the baseline (a decrease)
    ],
)
def test_progress_fraction(baseline, target, latest, expected):
    result = progress_fraction(baseline, target, latest)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


def target(tid: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": tid, "label_fr": f"Objectif {tid}", "label_en": f"Target {tid}", "label_de": "",
        "unit": "count", "baseline_value": 2500.0, "baseline_date": PartialDate(2024),
        "target_value": 5000.0, "target_date": PartialDate(2029, 12, 31),
        "latest_value": None, "latest_date": None, "source": "https://example.org/source",
    }
    row.update(fields)
    return row


TARGETS = pd.DataFrame([
    target("students"),
    target("chairs", baseline_value=0.0, target_value=9.0, latest_value=3.0,
           latest_date=PartialDate(2026, 6), target_date=PartialDate(2026)),
])


def test_progress_items_and_texts():
    students, chairs = target_progress(TARGETS, "en")
    assert not students.has_measure
    assert students.progress is None
    assert progress_text(students, "en") == "No measure published yet."
    assert chairs.percent == 33
    assert progress_text(chairs, "en") == "33% of the way: 3 (June 2026), towards a target of 9."
    assert progress_text(chairs, "fr") == progress_text(target_progress(TARGETS, "fr")[1], "fr")


def test_html_draws_a_bar_only_where_a_measure_exists():
    page = targets_html(target_progress(TARGETS, "fr"), "fr")
    assert page.count("<progress") == 1
    assert "value='33'" in page
    assert "aria-label='Objectif chairs" in page
    assert "Aucune mesure publiée pour l’instant." in page
    assert "2\u202f500 (2024)" in page
    assert "5\u202f000 (31 décembre 2029)" in page
    assert 'href="https://example.org/source"' in page


def test_table_and_summary():
    items = target_progress(TARGETS, "de")
    table = targets_table(items, "de")
    assert list(table["Letzter Wert"]) == ["Noch keine Messung veröffentlicht.", "3 (Juni 2026)"]
    assert list(table["Fortschritt"]) == ["—", "33\u00a0%"]
    assert targets_summary(items, "de") == (
        "2 Ziele; 1 mit veröffentlichter Messung, 1 noch ohne veröffentlichte Messung."
    )


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_no_targets(lang):
    empty = TARGETS.iloc[0:0]
    assert target_progress(empty, lang) == []
    assert targets_html([], lang) == ""
    assert targets_summary([], lang) != ""
