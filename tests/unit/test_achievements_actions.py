"""Priority actions: the axis rule, the year, status/pillar labels, targets, summary and cards."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from enact_dash.achievements.actions import (
    action_items,
    action_years,
    actions_summary,
    actions_table,
    status_counts,
    target_text,
)
from enact_dash.achievements.common import matches_axes
from enact_dash.achievements.html import actions_html

NAMES = {"nlp": "NLP", "science": "Science", "health": "Health"}


@pytest.mark.parametrize(
    ("item_axes", "selected", "shown"),
    [
        ((), (), True),  # no filter: everything
        (("nlp",), (), True),
        (("nlp",), ("nlp",), True),
        (("nlp",), ("health",), False),
        (("nlp", "health"), ("health",), True),
        (("all",), ("health",), True),  # cluster-wide: every axis (as on the partners page)
        ((), ("health",), True),  # axis not specified: stays visible, marked as such
    ],
)
def test_axis_rule(item_axes, selected, shown):
    assert matches_axes(item_axes, selected) is shown


def action(aid: str, year: int = 2026, axes: tuple[str, ...] = (), **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": aid, "year": year, "title_fr": f"Action {aid}", "title_en": f"Action {aid} (en)",
        "title_de": "", "pillar": "research", "status": "planned", "target_value": None,
        "target_unit": "", "axes": axes, "source": "Communiqué de presse",
    }
    row.update(fields)
    return row


ACTIONS = pd.DataFrame([
    action("engineers", target_value=12.0, target_unit="count"),
    action("training", pillar="training", status="in_progress", axes=("all",)),
    action("health-only", pillar="innovation", status="done", axes=("health",)),
    action("nlp-only", axes=("nlp",)),
    action("next-year", year=2027),
])


@pytest.mark.parametrize(
    ("year", "axes", "expected"),
    [
        (2026, (), ["engineers", "nlp-only", "training", "health-only"]),  # ordered by pillar
        (2026, ("health",), ["engineers", "training", "health-only"]),
        (2026, ("science",), ["engineers", "training"]),
        (2027, (), ["next-year"]),
        (2030, (), []),
        (None, (), []),
    ],
)
def test_action_items_by_year_and_axis(year, axes, expected):
    assert [a.id for a in action_items(ACTIONS, year, "fr", NAMES, axes)] == expected


def test_labels_targets_and_cross_axis_flags():
    items = {a.id: a for a in action_items(ACTIONS, 2026, "en", NAMES)}
    assert items["engineers"].target == "12"
    assert items["engineers"].status_label == "Planned"
    assert items["training"].pillar_label == "Training"
    assert items["training"].axes_label == "All axes"
    assert items["training"].cross_axis
    assert items["engineers"].cross_axis
    assert not items["health-only"].cross_axis
    assert items["health-only"].axes_label == "Health"
    assert items["engineers"].axes_label == "Axis not specified"
    assert items["nlp-only"].title == "Action nlp-only (en)"


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (12.0, "count", "fr", "12"),
        (None, "count", "fr", ""),
        (2500.0, "", "fr", "2\u202f500"),
        (30e6, "eur", "en", "€30M"),
        (50.0, "percent", "de", "50\u00a0%"),
        (50.0, "percent", "fr", "50\u00a0%"),
        (50.0, "percent", "en", "50%"),
        (9.0, "chaires", "fr", "9\u00a0chaires"),  # free-text unit kept as written, never alone on a line
    ],
)
def test_target_text(value, unit, lang, expected):
    assert target_text(value, unit, lang) == expected


def test_summary_counts_each_status():
    items = action_items(ACTIONS, 2026, "en", NAMES)
    assert status_counts(items) == {"planned": 2, "in_progress": 1, "done": 1}
    assert actions_summary(items, 2026, "en") == (
        "4 actions for 2026: 2 planned, 1 in progress, 1 done."
    )
    assert actions_summary([], 2027, "fr") == "Actions prioritaires pour 2027\u00a0: pas encore publiées."


def test_years_and_empty_table():
    assert action_years(ACTIONS) == [2026, 2027]
    assert action_years(ACTIONS.iloc[0:0]) == []
    assert action_items(ACTIONS.iloc[0:0], 2026, "fr", NAMES) == []
    assert len(actions_table([], "de")) == 0


def test_cards_say_the_status_in_words_and_escape_titles():
    hostile = pd.DataFrame([action("x", title_fr="<script>alert(1)</script>", status="done")])
    page = actions_html(action_items(hostile, 2026, "fr", NAMES), "fr")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Réalisée" in page
    assert "Axe de recherche non précisé" in page
