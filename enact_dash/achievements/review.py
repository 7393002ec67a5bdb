"""Year in review: which years can be reviewed, the key figures of a year, the conflicting figures.

The key figures of a year are the primary figure of each metric of data/figures.csv whose ``as_of``
date falls in that year (file order). Figures given with other values by other sources are never
hidden: :func:`conflicting_figures` lists each such metric with its primary figure and the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from enact_dash.achievements.common import partial, when_text
from enact_dash.figures import Figure, figures_of
from enact_dash.i18n import t


@dataclass(frozen=True)
class Conflict:
    """One metric that sources give with different values: the one shown, and the others.

    ``primary`` is None when the primary figure is missing (its row left out): the others are then listed
    as what they are, never shown in its place."""

    metric: str
    primary: Figure | None
    others: tuple[Figure, ...]


def _years_of(values: Iterable[object]) -> set[int]:
    years: set[int] = set()
    for value in values:
        when = partial(value)
        if when is not None:
            years.add(when.year)
        elif isinstance(value, int | float) and not isinstance(value, bool) and value == value:
            years.add(int(value))
    return years


def review_years(figures: pd.DataFrame, actions: pd.DataFrame, *, today: date) -> list[int]:
    """Years that can be reviewed: those of the figures' ``as_of`` and of the actions, up to today.

    A year still to come (an action planned for 2027) is not a year in review yet.
    """
    years = set()
    if "as_of" in figures:
        years |= _years_of(figures["as_of"])
    if "year" in actions:
        years |= _years_of(actions["year"])
    return sorted(y for y in years if y <= today.year)


def default_year(years: list[int], figures: pd.DataFrame, milestones: pd.DataFrame, *,
                 today: date) -> int | None:
    """The year a visitor sees first: the latest year with key figures that a milestone already
    reached closes (the annual day closes the year's record), so that a year only planned (figures
    of 2026 "planned") is not shown as a record; else the latest year with key figures; else the
    latest year. None when nothing is dated.
    """
    with_figures = set(years) & (_years_of(figures["as_of"]) if "as_of" in figures else set())
    dates = [partial(v) for v in milestones.get("date", [])]
    reached = [when.year for when in dates if when is not None and when.last_day < today]
    if reached:
        closed = [y for y in with_figures if y <= max(reached)]
        if closed:
            return max(closed)
    if with_figures:
        return max(with_figures)
    return max(years) if years else None


def pick_year(requested: int | None, years: list[int], figures: pd.DataFrame,
              milestones: pd.DataFrame, *, today: date) -> int | None:
    """The year asked for in the URL if it can be reviewed, else the default year."""
    if requested in years:
        return requested
    return default_year(years, figures, milestones, today=today)


def _primary_per_metric(figures: list[Figure]) -> list[Figure]:
    """The figure to show for each metric: its primary one, in file order. A metric whose primary figure
    is missing has none (a secondary figure is never promoted: see :func:`conflicting_figures`)."""
    chosen: dict[str, Figure] = {}
    for fig in figures:
        if fig.primary and fig.metric not in chosen:
            chosen[fig.metric] = fig
    order = list(dict.fromkeys(f.metric for f in figures))
    return [chosen[m] for m in order if m in chosen]


def year_figures(frame: pd.DataFrame, year: int | None, lang: str) -> list[Figure]:
    """The key figures of ``year``: the shown figure of each metric dated in that year."""
    if year is None:
        return []
    return [
        f for f in _primary_per_metric(figures_of(frame, lang))
        if f.as_of is not None and f.as_of.year == year
    ]


def missing_figures(left_out: Iterable[Mapping[str, Any]], frame: pd.DataFrame, lang: str) -> tuple[str, ...]:
    """The labels (in ``lang``, else French, else the metric's id) of the figures whose row was left out
    for a bad value (``Dataset.left_out``) and that no other row gives: known to exist, not shown, so
    the page says they are missing rather than nothing."""
    given = set(frame["metric"].astype(str)) if "metric" in frame else set()
    labels: dict[str, str] = {}
    for row in left_out:
        metric = str(row.get("metric") or "").strip()
        if not metric or metric in given:
            continue
        label = next((str(row[key]).strip() for key in (f"label_{lang}", "label_fr")
                      if isinstance(row.get(key), str) and row[key].strip()), metric)
        labels.setdefault(metric, label)
    return tuple(labels.values())


def figure_for(frame: pd.DataFrame, metrics: Iterable[str], lang: str) -> Figure | None:
    """The shown figure of the first of ``metrics`` that the data gives; None if none."""
    shown = {f.metric: f for f in _primary_per_metric(figures_of(frame, lang))}
    for metric in metrics:
        if metric in shown:
            return shown[metric]
    return None


def conflicting_figures(frame: pd.DataFrame, lang: str) -> list[Conflict]:
    """Every metric given with more than one value, with its shown figure first; and every metric whose
    primary figure is missing (``primary`` None), with the figures that the other sources give."""
    figures = figures_of(frame, lang)
    shown_of = {f.metric: f for f in _primary_per_metric(figures)}
    out = []
    for metric in dict.fromkeys(f.metric for f in figures):
        shown = shown_of.get(metric)
        others = tuple(f for f in figures if f.metric == metric and f is not shown)
        if others:
            out.append(Conflict(metric, shown, others))
    return out


def conflicts_table(conflicts: list[Conflict], lang: str) -> pd.DataFrame:
    """The conflicting figures as a table: one row per figure, the shown one marked."""
    columns = [t(f"achievements.col.{k}", lang) for k in ("label", "shown", "as_of", "primary", "source")]
    rows = []
    unspecified = t("common.not_specified", lang)  # a date nobody gives is said, not an empty cell
    for conflict in conflicts:
        shown = (conflict.primary,) if conflict.primary is not None else ()
        for fig in (*shown, *conflict.others):
            rows.append([
                fig.label, fig.text, when_text(fig.as_of, lang) if fig.as_of else unspecified,
                t("achievements.yes" if fig is conflict.primary else "achievements.no", lang),
                fig.source,
            ])
    return pd.DataFrame(rows, columns=columns)


def tiles_of(figures: list[Figure], lang: str) -> list[dict[str, str]]:
    """Key figures as tiles for :func:`enact_dash.ui.page.tiles_html` (each with its source badge)."""
    return [{
        "value": f.text,
        "label": f.label,
        "source": f.source or t("achievements.source_missing", lang),
        "source_url": f.source_url,
        "source_label": t("achievements.source_label", lang),
    } for f in figures]
