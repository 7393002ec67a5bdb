"""Research chairs: the launched ones, those presented in detail, the rest counted honestly.

Only chairs.csv rows are shown in detail. How many chairs were launched comes from figures.csv
(metric ``chairs_launched``); the difference with the presented rows is said as "N chairs not yet
published", never filled with invented rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from enact_dash.achievements.common import axis_label, cell, matches_axes, number, row_text
from enact_dash.achievements.review import figure_for
from enact_dash.figures import Figure
from enact_dash.i18n import format_number, plural, t

LAUNCHED_METRICS = ("chairs_launched",)
INTERNATIONAL_METRICS = ("international_chairs",)
INTERNATIONAL_TARGETS = ("international-chairs",)
INTERNATIONAL_CALL = "2026-international"
UNPUBLISHED = "__unpublished__"  # the row of chairs_per_axis for chairs whose axis is unknown


@dataclass(frozen=True)
class ChairCard:
    """One presented chair, plain text; empty strings where the sources say nothing."""

    id: str
    title: str  # "" when the title is not published
    holder: str
    role: str
    institution: str  # the partner's name
    city: str
    axis: str  # axis id, "" if not published
    axis_label: str
    call: str
    status: str
    summary: str
    source: str

    def display_title(self, lang: str) -> str:
        return self.title or t("achievements.chairs.title_unpublished", lang)


@dataclass(frozen=True)
class ChairsOverview:
    """What the page says about the chairs."""

    launched: int | None  # from figures.csv; None if no figure
    launched_figure: Figure | None
    presented_total: int  # presented launched chairs, before the axis filter
    shown: tuple[ChairCard, ...]  # presented launched chairs matching the axis filter
    unpublished: int  # launched chairs not presented (0 when the count is unknown)


@dataclass(frozen=True)
class PlannedChairs:
    """The international chairs planned (second call): how many, and where that is said."""

    count: int
    year: int | None
    source: str
    presented: tuple[ChairCard, ...] = ()


def _partner_names(partners: pd.DataFrame) -> dict[str, str]:
    if partners.empty or "id" not in partners:
        return {}
    return {cell(i): cell(n) for i, n in zip(partners["id"], partners["name"], strict=True)}


def chair_cards(chairs: pd.DataFrame, partners: pd.DataFrame, names: Mapping[str, str],
                lang: str) -> list[ChairCard]:
    """Every chairs.csv row as a card, in file order."""
    institutions = _partner_names(partners)
    cards = []
    for row in chairs.to_dict("records"):
        axis = cell(row.get("axis"))
        institution = cell(row.get("institution"))
        cards.append(ChairCard(
            id=cell(row.get("id")), title=cell(row.get("title")), holder=cell(row.get("holder")),
            role=row_text(row, "holder_role", lang),
            institution=institutions.get(institution, ""),
            city=cell(row.get("city")), axis=axis,
            axis_label=axis_label(axis, names, lang) if axis else "",
            call=cell(row.get("call")), status=cell(row.get("status")),
            summary=row_text(row, "summary", lang), source=cell(row.get("source")),
        ))
    return cards


def _is_presented_launched(row: Mapping[str, object]) -> bool:
    return cell(row.get("status")) == "launched" and bool(row.get("presented"))


def chairs_overview(chairs: pd.DataFrame, figures: pd.DataFrame, partners: pd.DataFrame,
                    names: Mapping[str, str], lang: str,
                    axes: Iterable[str] = ()) -> ChairsOverview:
    """The launched chairs: the count from figures.csv, the presented rows, the rest unpublished."""
    selected = tuple(axes)
    records = chairs.to_dict("records")
    cards = chair_cards(chairs, partners, names, lang)
    presented = [c for c, r in zip(cards, records, strict=True) if _is_presented_launched(r)]
    figure = figure_for(figures, LAUNCHED_METRICS, lang)
    launched = int(figure.value) if figure is not None else None
    unpublished = max(launched - len(presented), 0) if launched is not None else 0
    shown = tuple(c for c in presented if matches_axes((c.axis,) if c.axis else (), selected))
    return ChairsOverview(launched, figure, len(presented), shown, unpublished)


def chairs_per_axis(overview: ChairsOverview, names: Mapping[str, str], lang: str,
                    axes: Iterable[str] = ()) -> pd.DataFrame:
    """Chairs per axis: the presented ones by their axis, the others in an "axis not published" row.

    Columns ``axis`` (id, or :data:`UNPUBLISHED`), ``label``, ``chairs``. Under an axis filter only
    the selected axes are listed; the "axis not published" row stays, since any of those chairs may
    belong to the selected axis.
    """
    selected = set(axes)
    counts = {axis: 0 for axis in names if not selected or axis in selected}
    unknown = overview.unpublished
    for card in overview.shown:
        if card.axis and card.axis in counts:
            counts[card.axis] += 1
        elif not card.axis:
            unknown += 1
    rows = [{"axis": a, "label": axis_label(a, names, lang), "chairs": n} for a, n in counts.items()]
    if unknown:
        rows.append({"axis": UNPUBLISHED, "label": t("achievements.chairs.axis_unpublished", lang),
                     "chairs": unknown})
    return pd.DataFrame(rows, columns=["axis", "label", "chairs"])


def per_axis_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The accessible table of the chairs-per-axis chart (localised headers)."""
    return pd.DataFrame({
        t("achievements.col.axis", lang): rows["label"].astype(object),
        t("achievements.col.chairs", lang): [format_number(int(n), lang) for n in rows["chairs"]],
    })


def per_axis_summary(overview: ChairsOverview, rows: pd.DataFrame, lang: str) -> str:
    """One or two sentences saying what the chart shows."""
    if overview.launched is None and not overview.presented_total:
        return t("achievements.chairs.none", lang)
    parts = []
    if overview.launched is not None:
        parts.append(t("achievements.chairs.summary_launched", lang,
                       launched=plural("achievements.chairs.launched", overview.launched, lang),
                       presented=plural("achievements.chairs.presented", overview.presented_total, lang)))
    known = [t("achievements.chairs.axis_count", lang, axis=r.label,
               count=format_number(int(r.chairs), lang))
             for r in rows.itertuples() if r.axis != UNPUBLISHED]
    if known:
        parts.append(t("achievements.chairs.summary_axes", lang,
                       axes=t("achievements.list_separator", lang).join(known)))
    unknown = rows.loc[rows["axis"] == UNPUBLISHED, "chairs"]
    if len(unknown):
        parts.append(t("achievements.chairs.summary_unknown_axis", lang,
                       count=format_number(int(unknown.iloc[0]), lang)))
    return " ".join(parts)


def planned_international(chairs: pd.DataFrame, figures: pd.DataFrame, targets: pd.DataFrame,
                          partners: pd.DataFrame, names: Mapping[str, str],
                          lang: str) -> PlannedChairs | None:
    """The international chairs of the second call: from figures.csv, else from targets.csv.

    Rows of chairs.csv from that call are attached (and counted when no figure gives the number).
    None when no source gives anything.
    """
    records = chairs.to_dict("records")
    cards = chair_cards(chairs, partners, names, lang)
    presented = tuple(c for c, r in zip(cards, records, strict=True)
                      if cell(r.get("call")) == INTERNATIONAL_CALL)
    figure = figure_for(figures, INTERNATIONAL_METRICS, lang)
    if figure is not None:
        year = figure.as_of.year if figure.as_of else None
        return PlannedChairs(int(figure.value), year, figure.source, presented)
    for row in targets.to_dict("records"):
        if cell(row.get("id")) in INTERNATIONAL_TARGETS:
            value = number(row.get("target_value"))
            if value is not None:
                when = row.get("target_date")
                year = getattr(when, "year", None)
                return PlannedChairs(int(value), year, cell(row.get("source")), presented)
    if presented:
        return PlannedChairs(len(presented), None, presented[0].source, presented)
    return None
