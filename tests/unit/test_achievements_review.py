"""Year in review: which years, the default year, key figures, conflicting figures."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from enact_dash.achievements.review import (
    conflicting_figures,
    conflicts_table,
    pick_year,
    review_years,
    tiles_of,
    year_figures,
)
from enact_dash.dates import PartialDate

TODAY = date(2026, 3, 1)
PR = "Communiqué de presse, journée annuelle, déc. 2025"


def figure(fid: str, metric: str, value: float, as_of: str = "", *, primary: bool = True,
           unit: str = "count", qualifier: str = "exact", **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": fid, "metric": metric, "value": value, "unit": unit, "qualifier": qualifier,
        "as_of": PartialDate.parse(as_of) if as_of else None, "primary": primary,
        "label_fr": fields.pop("label_fr", fid), "label_en": fields.pop("label_en", ""),
        "label_de": "", "note_fr": "", "note_en": "", "note_de": "", "source": PR,
    }
    row.update(fields)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


FIGURES_2025 = frame(
    figure("funding", "funding", 30e6, "2025-12", unit="eur", label_en="France 2030 funding"),
    figure("funding-50", "funding", 50e6, primary=False, unit="eur",
           source="https://international.grandestdeveloppement.fr/fr/cluster-enact/"),
    figure("funding-60", "funding", 60e6, "2025-05", primary=False, unit="eur", qualifier="approx"),
    figure("chairs", "chairs_launched", 9, "2025"),
    figure("theses", "theses", 17, "2025"),
    figure("students", "students_trained", 2500, "2024", qualifier="min"),
    figure("intl", "international_chairs", 9, "2026"),
    figure("labs", "labs", 21),
)
ACTIONS_2026 = pd.DataFrame({"year": [2026, 2026, 2027]})


def milestones(*dates: str) -> pd.DataFrame:
    return pd.DataFrame({"date": [PartialDate.parse(d) for d in dates]})


@pytest.mark.parametrize(
    ("figures", "actions", "today", "expected"),
    [
        (FIGURES_2025, ACTIONS_2026, TODAY, [2024, 2025, 2026]),
        (FIGURES_2025, ACTIONS_2026, date(2025, 12, 13), [2024, 2025]),  # 2026 not a year in review yet
        (FIGURES_2025.iloc[0:0], pd.DataFrame({"year": []}), TODAY, []),
        (pd.DataFrame(), pd.DataFrame(), TODAY, []),  # no columns at all
    ],
    ids=["figures-and-actions", "future-years-left-out", "empty-tables", "no-columns"],
)
def test_review_years(figures, actions, today, expected):
    assert review_years(figures, actions, today=today) == expected


@pytest.mark.parametrize(
    ("requested", "milestone_dates", "today", "expected"),
    [
        (None, ("2025-05-20", "2025-12-12", "2026"), TODAY, 2025),  # 2026 only planned: 2025 first
        (None, ("2025-12-12", "2026-12-10"), date(2026, 12, 11), 2026),  # 2026 annual day reached
        (None, (), TODAY, 2026),  # no milestone: the latest year with figures
        (2024, ("2025-12-12",), TODAY, 2024),  # a valid year in the URL wins
        (2031, ("2025-12-12",), TODAY, 2025),  # a year with nothing to show falls back
    ],
    ids=["planned-year-not-default", "closed-by-milestone", "no-milestones", "url-year", "bad-url-year"],
)
def test_pick_year(requested, milestone_dates, today, expected):
    years = review_years(FIGURES_2025, ACTIONS_2026, today=today)
    assert pick_year(requested, years, FIGURES_2025, milestones(*milestone_dates), today=today) == expected


def test_pick_year_without_any_date_is_none():
    assert pick_year(None, [], FIGURES_2025.iloc[0:0], milestones(), today=TODAY) is None


@pytest.mark.parametrize(
    ("year", "lang", "expected"),
    [
        (2025, "fr", [("funding", "30\u00a0M€"), ("chairs_launched", "9"), ("theses", "17")]),
        (2025, "en", [("funding", "€30M"), ("chairs_launched", "9"), ("theses", "17")]),
        (2024, "fr", [("students_trained", "plus de 2\u202f500")]),
        (2026, "fr", [("international_chairs", "9")]),
        (2023, "fr", []),
        (None, "fr", []),
    ],
)
def test_year_figures_are_the_primary_figures_dated_that_year(year, lang, expected):
    shown = [(f.metric, f.text) for f in year_figures(FIGURES_2025, year, lang)]
    assert shown == expected


# A metric whose primary figure is missing (its row left out for an unreadable value) is not shown with a
# secondary figure in its place: it has no key figure, and the conflicts list its other figures as such.
@pytest.mark.parametrize(
    ("rows", "shown", "conflicts"),
    [
        ([("a", "m", 1, False), ("b", "m", 2, False)], [], [("m", None, [1, 2])]),
        ([("a", "m", 1, False)], [], [("m", None, [1])]),
        ([("a", "m", 1, False), ("b", "m", 2, True)], [2], [("m", 2, [1])]),
        ([("a", "m", 1, True), ("b", "m", 2, True)], [1], [("m", 1, [2])]),
        ([("a", "m", 1, True), ("c", "n", 3, False)], [1], [("n", None, [3])]),
        ([("a", "m", 1, True)], [1], []),
    ],
)
def test_a_secondary_figure_is_never_promoted(rows, shown, conflicts):
    data = frame(*(figure(fid, metric, value, "2025", primary=primary)
                   for fid, metric, value, primary in rows))
    assert [f.value for f in year_figures(data, 2025, "fr")] == shown
    found = conflicting_figures(data, "fr")
    assert [(c.metric, c.primary.value if c.primary else None, [o.value for o in c.others])
            for c in found] == conflicts


def test_key_figure_tiles_carry_their_source():
    tiles = tiles_of(year_figures(FIGURES_2025, 2025, "en"), "en")
    assert [tile["value"] for tile in tiles] == ["€30M", "9", "17"]
    assert all(tile["source"] == PR and tile["source_label"] == "Source:" for tile in tiles)


def test_conflicting_figures_show_the_primary_and_every_other_source():
    conflicts = conflicting_figures(FIGURES_2025, "fr")
    assert [c.metric for c in conflicts] == ["funding"]
    funding = conflicts[0]
    assert funding.primary.text == "30\u00a0M€"
    assert [o.text for o in funding.others] == ["50\u00a0M€", "environ 60\u00a0M€"]
    assert funding.others[0].source_url.startswith("https://international.grandestdeveloppement.fr")
    table = conflicts_table(conflicts, "en")
    assert list(table["Primary figure"]) == ["yes", "no", "no"]
    assert list(table["Date"]) == ["December 2025", "not specified", "May 2025"]  # never an empty cell


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_no_figures_no_conflict_no_error(lang):
    empty = FIGURES_2025.iloc[0:0]
    assert conflicting_figures(empty, lang) == []
    assert year_figures(empty, 2025, lang) == []

