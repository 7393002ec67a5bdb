"""Milestones (data/milestones.csv): ordered, dated honestly, past or to come relative to ``today``.

A milestone whose month or year holds today is in its period, which says nothing of its progress: it is
"période en cours", not "en cours" (the milestone "Actions prioritaires 2026" in 2026 does not say that
those actions have started; their statuses, with the day a source stated them, are the actions').
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from enact_dash.achievements.common import cell, partial, row_text, when_text
from enact_dash.dates import PartialDate, Precision, format_span
from enact_dash.i18n import plural, t
from enact_dash.sources import shown


@dataclass(frozen=True)
class Milestone:
    id: str
    when: PartialDate
    when_text: str  # "20 mai 2025", "mai 2024", "2026" (a period; ``state`` says past or to come)
    label: str
    source: str
    state: str  # "past" (its whole period is before today), "current" or "upcoming"

    @property
    def past(self) -> bool:
        return self.state == "past"

    @property
    def precise(self) -> bool:
        return self.when.precision is Precision.DAY

    @property
    def state_key(self) -> str:
        """The catalogue key of its state: a current milestone known to the day is today's."""
        return "today" if self.state == "current" and self.precise else self.state


def _state(when: PartialDate, today: date) -> str:
    if when.last_day < today:
        return "past"
    return "current" if when.first_day <= today else "upcoming"


def milestones_of(frame: pd.DataFrame, lang: str, *, today: date) -> list[Milestone]:
    """Every dated milestone in chronological order (a month before its days, ties in file order)."""
    items = []
    for row in frame.to_dict("records"):
        when = partial(row.get("date"))
        if when is None:
            continue
        items.append(Milestone(
            id=cell(row.get("id")), when=when, when_text=when_text(when, lang),
            label=row_text(row, "label", lang), source=cell(row.get("source")),
            state=_state(when, today),
        ))
    return sorted(items, key=lambda m: (m.when.first_day, m.when.last_day))


def in_year(items: list[Milestone], year: int | None) -> list[Milestone]:
    return [m for m in items if year is not None and m.when.year == year]


def milestones_table(items: list[Milestone], lang: str) -> pd.DataFrame:
    columns = [t(f"achievements.col.{k}", lang) for k in ("when", "milestone", "state", "source")]
    rows = [[m.when_text, m.label,
             t(f"achievements.milestones.{m.state_key}", lang),
             shown(m.source, lang)] for m in items]
    return pd.DataFrame(rows, columns=columns)


def milestones_summary(items: list[Milestone], lang: str) -> str:
    """Count, span, and the next milestone: the text alternative of the timeline."""
    if not items:
        return t("achievements.milestones.none", lang)
    parts = [t("achievements.milestones.summary", lang,
               milestones=plural("achievements.milestones.count", len(items), lang),
               span=format_span(items[0].when, items[-1].when, lang),
               past=plural("achievements.milestones.count_past", sum(1 for m in items if m.past), lang))]
    for current in (m for m in items if m.state == "current"):
        parts.append(t("achievements.milestones.now_today", lang, label=current.label) if current.precise
                     else t("achievements.milestones.now", lang, label=current.label, when=current.when_text))
    upcoming = [m for m in items if m.state == "upcoming"]
    if upcoming:
        parts.append(t("achievements.milestones.next", lang, label=upcoming[0].label,
                       when=upcoming[0].when_text))
    vague = sum(1 for m in items if not m.precise)
    if vague:
        parts.append(plural("achievements.milestones.vague", vague, lang))
    return " ".join(parts)
