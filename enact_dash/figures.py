"""Key figures (data/figures.csv): pick the primary figure of a metric and say it per locale."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from enact_dash.data import localized
from enact_dash.dates import PartialDate
from enact_dash.i18n import NBSP, format_money, format_number, t
from enact_dash.sources import first_url


@dataclass(frozen=True)
class Figure:
    """One figure ready to show: text value, label, source and its date."""

    metric: str
    value: float
    text: str  # "30 M€", "plus de 2 500", "≈ 200"
    label: str
    source: str
    note: str = ""
    as_of: PartialDate | None = None
    primary: bool = True

    @property
    def source_url(self) -> str:
        return first_url(self.source)


def format_value(value: float, unit: str, qualifier: str, lang: str) -> str:
    """Per unit and qualifier: ``30 M€``, ``plus de 2 500``, ``≈ 200``, ``12 %``."""
    number = int(value) if float(value).is_integer() else value
    if unit == "eur":
        text = format_money(number, lang)
    elif unit == "percent":
        # "12 %" with a no-break space in French and German, "12%" in English.
        text = f"{format_number(number, lang)}{NBSP if lang != 'en' else ''}%"
    else:
        text = format_number(number, lang)
    if qualifier == "min":
        return t("figures.more_than", lang, value=text)
    if qualifier == "approx":
        return t("figures.about", lang, value=text)
    return text


def figures_of(frame: pd.DataFrame, lang: str) -> list[Figure]:
    """Every figure of figures.csv in file order."""
    if frame.empty:
        return []
    labels = localized(frame, "label", lang)
    notes = localized(frame, "note", lang)
    out = []
    for row, label, note in zip(frame.itertuples(index=False), labels, notes, strict=True):
        out.append(Figure(
            metric=str(row.metric), value=float(row.value),
            text=format_value(float(row.value), str(row.unit), str(row.qualifier), lang),
            label=str(label), source=str(row.source), note=str(note),
            as_of=row.as_of if isinstance(row.as_of, PartialDate) else None,
            primary=bool(row.primary),
        ))
    return out


def primary_figure(frame: pd.DataFrame, metric: str, lang: str) -> Figure | None:
    """The figure to show for ``metric``: the one marked primary; None if the data has none.

    A secondary figure is never promoted: when the primary row is missing (e.g. left out for an unreadable
    value), the metric is unavailable rather than shown with another source's figure.
    """
    return next((f for f in figures_of(frame, lang) if f.metric == metric and f.primary), None)


def has_metric(frame: pd.DataFrame, metric: str) -> bool:
    """Whether any row of figures.csv gives ``metric`` (primary or not)."""
    return not frame.empty and "metric" in frame and bool((frame["metric"] == metric).any())


def alternatives(frame: pd.DataFrame, metric: str, lang: str) -> list[Figure]:
    """The other figures given for ``metric`` by other sources (shown openly, never hidden)."""
    return [f for f in figures_of(frame, lang) if f.metric == metric and not f.primary]
