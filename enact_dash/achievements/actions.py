"""Priority actions of a year: status, pillar, target where known, and the axis filter.

Axis rule (:func:`enact_dash.achievements.common.matches_axes`): ``all`` matches every axis, as on the
partners page; an action whose axes are not specified stays visible under an axis filter and says so.

A status is what a source said on a day (``status_as_of``), not necessarily today's state: the summary
says that day unless it is today, and the status of an action whose year has begun says it where the
status may have changed since ("Prévue (au 12 déc. 2025)"), or that nobody gave it. Actions of a year to
come keep a plain status: that they have not started is what "planned" means then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from enact_dash.achievements.common import (
    as_axes,
    axis_label,
    cell,
    is_cross_axis,
    matches_axes,
    number,
    partial,
    row_text,
    when_text,
)
from enact_dash.data.vocab import ACTION_STATUSES, PILLARS, UNITS
from enact_dash.dates import PartialDate, Precision, format_span
from enact_dash.figures import format_value
from enact_dash.i18n import NBSP, format_number, plural, t
from enact_dash.sources import shown

STATUS_ICONS = {"planned": "○", "in_progress": "◐", "done": "●"}
# Statuses that may have changed since a source stated them ("done" stays done).
CHANGING = frozenset({"planned", "in_progress"})


@dataclass(frozen=True)
class ActionItem:
    """One action, plain text; ``target`` is "" when no target is known."""

    id: str
    year: int
    title: str
    pillar: str  # id
    pillar_label: str
    status: str  # id
    status_label: str  # the status alone: "Prévue"
    status_as_of: PartialDate | None  # when the source stated it; None: not given
    status_text: str  # as the card says it: "Prévue (au 12 déc. 2025)" where the date matters, else the label
    target: str
    axes: tuple[str, ...]
    axes_label: str
    cross_axis: bool  # cluster-wide or not tied to an axis: shown under any axis filter
    source: str


def target_text(value: float | None, unit: str, lang: str) -> str:
    """The target as shown: ``12``, ``30 M€``, ``50 %``; a free-text unit is appended; "" if no value."""
    if value is None:
        return ""
    if not unit or unit in UNITS:
        return format_value(value, unit or "count", "exact", lang)
    shown = format_number(int(value) if float(value).is_integer() else value, lang)
    return f"{shown}{NBSP}{unit}"  # a number and its unit never part at a line end


def known_today(as_of: PartialDate, today: date) -> bool:
    """A status stated today is today's knowledge: nothing to date. Any other day (this month's too) is
    said."""
    return as_of.precision is Precision.DAY and as_of.first_day == today


def has_begun(year: int, today: date) -> bool:
    return year <= today.year


def status_text(status: str, year: int, as_of: PartialDate | None, lang: str, *, today: date) -> str:
    """The status as a card says it: dated ("Prévue (au 12 déc. 2025)") or said undated ("Prévue (date
    de l’état non précisée)") when it may have changed since it was stated and its year has begun; the
    label alone otherwise (a status stated today, a finished action, a year to come)."""
    label = t(f"vocab.action_status.{status}", lang)
    if status not in CHANGING or not has_begun(year, today):
        return label
    if as_of is None:
        return t("achievements.actions.status_undated", lang, status=label)
    if known_today(as_of, today):
        return label
    return t(f"achievements.actions.status_as_of.{as_of.precision.value}", lang, status=label,
             date=as_of.format_short(lang))


def action_items(actions: pd.DataFrame, year: int | None, lang: str, names: dict[str, str],
                 axes: Iterable[str] = (), *, today: date) -> list[ActionItem]:
    """The actions of ``year`` matching the axis filter, ordered by pillar then file order."""
    if year is None or actions.empty:
        return []
    selected = tuple(axes)
    items = []
    for row in actions.to_dict("records"):
        row_year = number(row.get("year"))
        if row_year is None or int(row_year) != year:
            continue
        own = as_axes(row.get("axes"))
        if not matches_axes(own, selected):
            continue
        pillar = cell(row.get("pillar"))
        status = cell(row.get("status")) or "planned"
        as_of = partial(row.get("status_as_of"))
        items.append(ActionItem(
            id=cell(row.get("id")), year=year, title=row_text(row, "title", lang),
            pillar=pillar, pillar_label=t(f"vocab.pillar.{pillar}", lang),
            status=status, status_label=t(f"vocab.action_status.{status}", lang),
            status_as_of=as_of, status_text=status_text(status, year, as_of, lang, today=today),
            target=target_text(number(row.get("target_value")), cell(row.get("target_unit")), lang),
            axes=own,
            axes_label=", ".join(axis_label(a, names, lang) for a in own) if own
            else t("vocab.axis.unspecified", lang),
            cross_axis=is_cross_axis(own), source=cell(row.get("source")),
        ))
    order = {p: i for i, p in enumerate(PILLARS)}
    return sorted(items, key=lambda a: order.get(a.pillar, len(order)))


def action_years(actions: pd.DataFrame) -> list[int]:
    if actions.empty:
        return []
    return sorted({int(y) for y in (number(v) for v in actions["year"]) if y is not None})


def status_counts(items: list[ActionItem]) -> dict[str, int]:
    """Actions per status, every status listed (0 included), in vocabulary order."""
    return {s: sum(1 for a in items if a.status == s) for s in ACTION_STATUSES}


def as_of_clause(items: list[ActionItem], year: int, lang: str, *, today: date) -> str:
    """When the statuses of ``items`` were stated, for the summary: "état publié au 12 décembre 2025",
    "états publiés du … au …", "date de l’état non précisée"; "" when every one was stated today. An
    unknown date is said only for a year that has begun (a year to come is only planned)."""
    dates = sorted({a.status_as_of for a in items if a.status_as_of is not None})
    unknown = sum(1 for a in items if a.status_as_of is None) if has_begun(year, today) else 0
    if not unknown and all(known_today(d, today) for d in dates):
        return ""
    if not dates:
        return t("achievements.actions.as_of_unknown", lang)
    if len(dates) == 1:
        dated = t(f"achievements.actions.as_of.{dates[0].precision.value}", lang,
                  date=when_text(dates[0], lang))
    else:
        dated = t("achievements.actions.as_of_span", lang, span=format_span(dates[0], dates[-1], lang))
    if unknown:
        return plural("achievements.actions.as_of_some_unknown", unknown, lang, as_of=dated)
    return dated


def actions_summary(items: list[ActionItem], year: int, lang: str, *, today: date) -> str:
    """"8 actions pour 2026 — état publié au 12 décembre 2025 : 8 prévues, aucune en cours, aucune
    réalisée." (the date said unless the statuses are today's, see :func:`as_of_clause`)."""
    if not items:
        return t("achievements.actions.none", lang, year=year)
    counts = status_counts(items)
    as_of = as_of_clause(items, year, lang, today=today)
    return t("achievements.actions.summary_as_of" if as_of else "achievements.actions.summary", lang,
             year=year, as_of=as_of,
             actions=plural("achievements.actions.count", len(items), lang),
             **{status: plural(f"achievements.actions.count_{status}", count, lang)
                for status, count in counts.items()})


def actions_table(items: list[ActionItem], lang: str) -> pd.DataFrame:
    """The actions as a table (the cards' accessible alternative): the status and, beside it, when a
    source stated it ("non précisé" when none did)."""
    columns = [t(f"achievements.col.{k}", lang)
               for k in ("action", "pillar", "status", "status_as_of", "target", "axes", "source")]
    unspecified = t("common.not_specified", lang)
    rows = [[a.title, a.pillar_label, a.status_label,
             when_text(a.status_as_of, lang) if a.status_as_of else unspecified,
             a.target or t("achievements.unknown", lang), a.axes_label, shown(a.source, lang)] for a in items]
    return pd.DataFrame(rows, columns=columns)
