"""Priority actions of a year: status, pillar, target where known, and the axis filter.

Axis rule (:func:`enact_dash.achievements.common.matches_axes`): ``all`` matches every axis, as on the
partners page; an action whose axes are not specified stays visible under an axis filter and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from enact_dash.achievements.common import (
    as_axes,
    axis_label,
    cell,
    is_cross_axis,
    matches_axes,
    number,
    row_text,
)
from enact_dash.data.vocab import ACTION_STATUSES, PILLARS, UNITS
from enact_dash.figures import format_value
from enact_dash.i18n import NBSP, format_number, plural, t
from enact_dash.sources import shown

STATUS_ICONS = {"planned": "○", "in_progress": "◐", "done": "●"}


@dataclass(frozen=True)
class ActionItem:
    """One action, plain text; ``target`` is "" when no target is known."""

    id: str
    year: int
    title: str
    pillar: str  # id
    pillar_label: str
    status: str  # id
    status_label: str
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


def action_items(actions: pd.DataFrame, year: int | None, lang: str, names: dict[str, str],
                 axes: Iterable[str] = ()) -> list[ActionItem]:
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
        items.append(ActionItem(
            id=cell(row.get("id")), year=year, title=row_text(row, "title", lang),
            pillar=pillar, pillar_label=t(f"vocab.pillar.{pillar}", lang),
            status=status, status_label=t(f"vocab.action_status.{status}", lang),
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


def actions_summary(items: list[ActionItem], year: int, lang: str) -> str:
    if not items:
        return t("achievements.actions.none", lang, year=year)
    counts = status_counts(items)
    return t("achievements.actions.summary", lang, year=year,
             actions=plural("achievements.actions.count", len(items), lang),
             **{status: plural(f"achievements.actions.count_{status}", count, lang)
                for status, count in counts.items()})


def actions_table(items: list[ActionItem], lang: str) -> pd.DataFrame:
    columns = [t(f"achievements.col.{k}", lang)
               for k in ("action", "pillar", "status", "target", "axes", "source")]
    rows = [[a.title, a.pillar_label, a.status_label, a.target or t("achievements.unknown", lang),
             a.axes_label, shown(a.source, lang)] for a in items]
    return pd.DataFrame(rows, columns=columns)
