"""Targets against baselines: how far the latest known value has gone from the baseline to the target.

Progress is ``(latest - baseline) / (target - baseline)`` clamped to 0..1 (an empty baseline counts as
0). Without a latest value there is no progress: the page says "no measure published yet" instead of
drawing a bar that would look like a measure.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from enact_dash.achievements.common import cell, number, partial, row_text, when_text
from enact_dash.dates import PartialDate
from enact_dash.figures import format_value
from enact_dash.i18n import format_percent_value, plural, t


@dataclass(frozen=True)
class TargetProgress:
    id: str
    label: str
    unit: str
    baseline: float | None
    baseline_date: PartialDate | None
    target: float | None
    target_date: PartialDate | None
    latest: float | None
    latest_date: PartialDate | None
    source: str
    progress: float | None  # 0..1, None without a measure or a target

    @property
    def has_measure(self) -> bool:
        return self.latest is not None

    @property
    def percent(self) -> int | None:
        return None if self.progress is None else round(self.progress * 100)


def progress_fraction(baseline: float | None, target: float | None, latest: float | None) -> float | None:
    """Share of the way from ``baseline`` (None = 0) to ``target`` reached by ``latest``, in 0..1."""
    if latest is None or target is None:
        return None
    start = baseline or 0.0
    if target == start:
        return 1.0 if latest >= target else 0.0
    share = (latest - start) / (target - start)
    return min(max(share, 0.0), 1.0)


def target_progress(targets: pd.DataFrame, lang: str) -> list[TargetProgress]:
    """Every row of targets.csv, in file order."""
    out = []
    for row in targets.to_dict("records"):
        baseline, target, latest = (number(row.get(k)) for k in
                                    ("baseline_value", "target_value", "latest_value"))
        out.append(TargetProgress(
            id=cell(row.get("id")), label=row_text(row, "label", lang),
            unit=cell(row.get("unit")) or "count",
            baseline=baseline, baseline_date=partial(row.get("baseline_date")),
            target=target, target_date=partial(row.get("target_date")),
            latest=latest, latest_date=partial(row.get("latest_date")),
            source=cell(row.get("source")),
            progress=progress_fraction(baseline, target, latest),
        ))
    return out


def value_text(value: float | None, unit: str, lang: str) -> str:
    return t("achievements.unknown", lang) if value is None else format_value(value, unit, "exact", lang)


def dated(value: float | None, when: PartialDate | None, unit: str, lang: str) -> str:
    """``2 500 (2024)``-like text; the date only when known."""
    text = value_text(value, unit, lang)
    return t("achievements.targets.dated", lang, value=text, when=when_text(when, lang)) if (
        when and value is not None) else text


def progress_text(item: TargetProgress, lang: str) -> str:
    """What the bar says, in words (also its accessible name)."""
    if not item.has_measure:
        return t("achievements.targets.no_measure", lang)
    if item.progress is None:
        return t("achievements.targets.latest_only", lang,
                 latest=dated(item.latest, item.latest_date, item.unit, lang))
    return t("achievements.targets.progress", lang,
             percent=format_percent_value(item.progress, lang),
             latest=dated(item.latest, item.latest_date, item.unit, lang),
             target=value_text(item.target, item.unit, lang))


def targets_table(items: list[TargetProgress], lang: str) -> pd.DataFrame:
    columns = [t(f"achievements.col.{k}", lang)
               for k in ("target_label", "baseline", "latest", "target", "progress", "source")]
    rows = [[
        i.label,
        dated(i.baseline, i.baseline_date, i.unit, lang),
        dated(i.latest, i.latest_date, i.unit, lang) if i.has_measure
        else t("achievements.targets.no_measure", lang),
        dated(i.target, i.target_date, i.unit, lang),
        format_percent_value(i.progress, lang) if i.progress is not None else "—",
        i.source,
    ] for i in items]
    return pd.DataFrame(rows, columns=columns)


def targets_summary(items: list[TargetProgress], lang: str) -> str:
    if not items:
        return t("achievements.targets.none", lang)
    measured = sum(1 for i in items if i.has_measure)
    return t("achievements.targets.summary", lang,
             targets=plural("achievements.targets.count", len(items), lang),
             measured=plural("achievements.targets.count_measured", measured, lang),
             unmeasured=plural("achievements.targets.count_unmeasured", len(items) - measured, lang))
