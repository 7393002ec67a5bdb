"""Priority actions: the axis rule, the year, status/pillar labels, targets, summary and cards, and the
day each status was stated (said unless it is today's; today injected)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from enact_dash.achievements.actions import (
    action_items,
    action_years,
    actions_summary,
    actions_table,
    status_counts,
    status_text,
    target_text,
)
from enact_dash.achievements.common import matches_axes
from enact_dash.achievements.html import actions_html
from enact_dash.dates import PartialDate

NAMES = {"nlp": "NLP", "science": "Science", "health": "Health"}
TODAY = date(2026, 11, 25)  # a year after the press release that stated the 2026 statuses
BEFORE_2026 = date(2025, 12, 20)


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
    assert [a.id for a in action_items(ACTIONS, year, "fr", NAMES, axes, today=TODAY)] == expected


def test_labels_targets_and_cross_axis_flags():
    items = {a.id: a for a in action_items(ACTIONS, 2026, "en", NAMES, today=TODAY)}
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
    items = action_items(ACTIONS, 2026, "en", NAMES, today=BEFORE_2026)
    assert status_counts(items) == {"planned": 2, "in_progress": 1, "done": 1}
    assert actions_summary(items, 2026, "en", today=BEFORE_2026) == (
        "4 actions for 2026: 2 planned, 1 in progress, 1 done."
    )
    assert actions_summary([], 2027, "fr", today=TODAY) == (
        "Actions prioritaires pour 2027\u00a0: pas encore publiées.")


def test_years_and_empty_table():
    assert action_years(ACTIONS) == [2026, 2027]
    assert action_years(ACTIONS.iloc[0:0]) == []
    assert action_items(ACTIONS.iloc[0:0], 2026, "fr", NAMES, today=TODAY) == []
    assert len(actions_table([], "de")) == 0


def test_cards_say_the_status_in_words_and_escape_titles():
    hostile = pd.DataFrame([action("x", title_fr="<script>alert(1)</script>", status="done")])
    page = actions_html(action_items(hostile, 2026, "fr", NAMES, today=TODAY), "fr")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Réalisée" in page
    assert "Axe de recherche non précisé" in page


# --- when each status was stated ----------------------------------------------------------------------

DEC_12 = PartialDate(2025, 12, 12)  # the press release of the first annual day


@pytest.mark.parametrize(
    ("status", "year", "as_of", "today", "lang", "expected"),
    [
        # A year that has begun, a status stated before today: dated.
        ("planned", 2026, DEC_12, TODAY, "fr", "Prévue (au 12\u00a0déc.\u00a02025)"),
        ("planned", 2026, DEC_12, TODAY, "en", "Planned (as of 12\u00a0Dec\u00a02025)"),
        ("planned", 2026, DEC_12, TODAY, "de", "Geplant (Stand: 12.12.2025)"),
        ("planned", 2026, DEC_12, date(2026, 1, 1), "fr", "Prévue (au 12\u00a0déc.\u00a02025)"),  # day 1
        ("in_progress", 2026, PartialDate(2026, 3, 1), TODAY, "fr", "En cours (au 1er\u00a0mars\u00a02026)"),
        ("planned", 2026, PartialDate(2026, 11), TODAY, "fr", "Prévue (état de novembre\u00a02026)"),
        ("planned", 2026, PartialDate(2026, 11), TODAY, "de", "Geplant (Stand: November\u00a02026)"),
        ("planned", 2025, PartialDate(2024), TODAY, "fr", "Prévue (état de 2024)"),  # a year gone by
        ("planned", 2026, None, TODAY, "fr", "Prévue (date de l’état non précisée)"),
        ("planned", 2026, None, TODAY, "en", "Planned (status date not given)"),
        ("in_progress", 2025, None, TODAY, "de", "Laufend (Stand ohne Datum)"),
        # Nothing to add: stated today, done (it stays done), or a year still to come.
        ("planned", 2026, PartialDate(2026, 11, 25), TODAY, "fr", "Prévue"),
        ("done", 2026, DEC_12, TODAY, "fr", "Réalisée"),
        ("done", 2025, None, TODAY, "en", "Done"),
        ("planned", 2026, DEC_12, BEFORE_2026, "fr", "Prévue"),
        ("planned", 2027, DEC_12, TODAY, "fr", "Prévue"),
        ("planned", 2027, None, TODAY, "fr", "Prévue"),
    ],
)
def test_a_status_says_when_it_was_stated_where_it_may_have_changed(status, year, as_of, today, lang,
                                                                     expected):
    assert status_text(status, year, as_of, lang, today=today) == expected


def dated(*as_of: str, year: int = 2026, status: str = "planned") -> pd.DataFrame:
    """Actions of ``year``, one per ``status_as_of`` cell ("" for none given)."""
    return pd.DataFrame([action(f"a{i}", year=year, status=status,
                                status_as_of=PartialDate.parse(cell) if cell else None)
                         for i, cell in enumerate(as_of)])


@pytest.mark.parametrize(
    ("frame", "year", "today", "lang", "expected"),
    [
        (dated(*["2025-12-12"] * 8), 2026, TODAY, "fr",
         "8 actions pour 2026 — état publié au 12 décembre 2025\u00a0: 8 prévues, aucune en cours, "
         "aucune réalisée."),
        (dated(*["2025-12-12"] * 8), 2026, TODAY, "en",
         "8 actions for 2026 — status as of 12 December 2025: 8 planned, none in progress, none done."),
        (dated(*["2025-12-12"] * 8), 2026, TODAY, "de",
         "8 Maßnahmen für 2026 — Stand vom 12. Dezember 2025: 8 geplant, keine laufend, "
         "keine abgeschlossen."),
        # Before the year: still said (a plan of a year ago is not today's).
        (dated("2025-12-12"), 2026, BEFORE_2026, "fr",
         "1 action pour 2026 — état publié au 12 décembre 2025\u00a0: 1 prévue, aucune en cours, "
         "aucune réalisée."),
        (dated("2025-12"), 2026, TODAY, "fr",
         "1 action pour 2026 — état publié en décembre 2025\u00a0: 1 prévue, aucune en cours, "
         "aucune réalisée."),
        (dated("2026-03-01", "2025-12-12"), 2026, TODAY, "fr",
         "2 actions pour 2026 — états publiés du 12 décembre 2025 au 1er mars 2026\u00a0: 2 prévues, "
         "aucune en cours, aucune réalisée."),
        (dated("2026-03-01", "2025-12-12"), 2026, TODAY, "en",
         "2 actions for 2026 — statuses published from 12 December 2025 to 1 March 2026: 2 planned, "
         "none in progress, none done."),
        (dated("2025-12-12", "", ""), 2026, TODAY, "fr",
         "3 actions pour 2026 — état publié au 12 décembre 2025, date non précisée pour 2 actions\u00a0: "
         "3 prévues, aucune en cours, aucune réalisée."),
        (dated("2025-12-12", ""), 2026, TODAY, "de",
         "2 Maßnahmen für 2026 — Stand vom 12. Dezember 2025, bei 1 Maßnahme ohne Datum: 2 geplant, "
         "keine laufend, keine abgeschlossen."),
        (dated("", "", year=2025, status="done"), 2025, TODAY, "fr",
         "2 actions pour 2025 — date de l’état non précisée\u00a0: aucune prévue, aucune en cours, "
         "2 réalisées."),
        # Nothing to say: stated today; unknown dates of a year still to come.
        (dated("2026-11-25", "2026-11-25"), 2026, TODAY, "fr",
         "2 actions pour 2026\u00a0: 2 prévues, aucune en cours, aucune réalisée."),
        (dated("", "", year=2027), 2027, TODAY, "en",
         "2 actions for 2027: 2 planned, none in progress, none done."),
        (dated("2025-12-12", "", year=2027), 2027, TODAY, "en",
         "2 actions for 2027 — status as of 12 December 2025: 2 planned, none in progress, none done."),
        # Some stated today, others not given (a year begun): today's date is said, with the others.
        (dated("2026-11-25", ""), 2026, TODAY, "en",
         "2 actions for 2026 — status as of 25 November 2026, date not given for 1 action: 2 planned, "
         "none in progress, none done."),
    ],
)
def test_the_summary_says_when_the_statuses_were_stated(frame, year, today, lang, expected):
    items = action_items(frame, year, lang, NAMES, today=today)
    assert actions_summary(items, year, lang, today=today) == expected


def test_the_cards_and_the_table_carry_the_date():
    items = action_items(dated("2025-12-12", ""), 2026, "fr", NAMES, today=TODAY)
    page = actions_html(items, "fr")
    assert "○ Prévue (au 12\u00a0déc.\u00a02025)</span>" in page
    assert "○ Prévue (date de l’état non précisée)</span>" in page
    table = actions_table(items, "fr")
    assert list(table["Statut"]) == ["Prévue", "Prévue"]
    assert list(table["Date du statut"]) == ["12 décembre 2025", "non précisé"]
    assert list(actions_table(items, "en").columns) == [
        "Action", "Area", "Status", "Status date", "Target", "Axes", "Source"]
