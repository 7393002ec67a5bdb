"""Charts of the achievements page: chairs per research axis, and the milestones timeline.

They are small, so they are plain HTML and CSS (styles in ``enact_dash.ui.page.BASE_CSS``), built on
the server: no chart library to download (plotly was 4.7 MB of JavaScript, two thirds of this page's
load), text a screen reader reads in order, sizes that follow the page's font. Builders return HTML
and never call st.*; every text is escaped. The bars and marks are decoration (``aria-hidden``): each
row also says its value in words.

The milestones timeline is honest about partial dates: a milestone known to the day is a diamond, one
known only to the month or the year is a pale hatched bar over that whole month or year. A dashed line
marks ``today`` (injected, for tests).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd

from enact_dash.achievements.chairs import UNPUBLISHED
from enact_dash.achievements.milestones import Milestone
from enact_dash.dates import Precision
from enact_dash.i18n import NBSP, NNBSP, format_number, normalize_lang, t

_PRECISION_CLASS = {Precision.DAY: "day", Precision.MONTH: "month", Precision.YEAR: "year"}
_PRECISION_LEGEND = {
    Precision.DAY: "achievements.timeline.precision_day",
    Precision.MONTH: "achievements.timeline.precision_month",
    Precision.YEAR: "achievements.timeline.precision_year",
}


def short_label(text: str) -> str:
    """The head of a milestone label for the timeline: the part before a colon (`` : ``, ``: ``, or a
    no-break space and ``:``) or `` (``.

    The full label stays in the row's title, the summary and the table.
    """
    cut = len(text)
    for mark in (" : ", f"{NBSP}: ", f"{NNBSP}: ", ": ", " ("):
        at = text.find(mark)
        if at >= 8:
            cut = min(cut, at)
    return text[:cut].strip()


def _pct(value: float) -> str:
    return f"{max(0.0, min(100.0, value)):.2f}%"


def _legend(items: Sequence[tuple[str, str]]) -> str:
    """``(swatch class, label)`` pairs as a legend line (the swatches are decoration)."""
    parts = "".join(
        f'<span class="enact-legend-item"><span class="enact-swatch {cls}" aria-hidden="true"></span>'
        f"{html.escape(label)}</span>"
        for cls, label in items
    )
    return f'<p class="enact-chart-legend">{parts}</p>'


def chairs_by_axis_chart(rows: pd.DataFrame, lang: str) -> str:
    """Horizontal bars: chairs per axis (``chairs_per_axis`` rows), the unpublished axis hatched grey."""
    lang = normalize_lang(lang)
    counts = [int(n) for n in rows["chairs"]] if len(rows) else []
    top = max(counts, default=0) or 1
    items = []
    unknown_seen = known_seen = False
    for axis, label, count in zip(rows["axis"] if len(rows) else [], rows["label"] if len(rows) else [],
                                  counts, strict=True):
        unknown = axis == UNPUBLISHED
        unknown_seen |= unknown
        known_seen |= not unknown
        value = format_number(count, lang)
        items.append(
            f'<li><span class="enact-chart-label">{html.escape(str(label))}'
            f'<span class="enact-sr">{html.escape(t("common.colon", lang))}</span></span>'
            f'<span class="enact-chart-track" aria-hidden="true"><span class="enact-bar'
            f'{" unknown" if unknown else ""}" style="width:{_pct(100 * count / top)}"></span></span>'
            f'<span class="enact-chart-value">{html.escape(value)}</span></li>'
        )
    legend = _legend([
        *([("known", t("achievements.chairs.legend_known", lang))] if known_seen else []),
        *([("unknown", t("achievements.chairs.legend_unknown", lang))] if unknown_seen else []),
    ])
    title = html.escape(t("achievements.chairs.chart_title", lang))
    return (f'<figure class="enact-chart enact-bars"><figcaption>{title}</figcaption>'
            f'<ul>{"".join(items)}</ul>{legend}</figure>')


def timeline_span(items: Sequence[Milestone], today: date) -> tuple[date, date]:
    """The dates at the timeline's two ends: every milestone and today, with a margin."""
    first = min((m.when.first_day for m in items), default=today)
    last = max((m.when.last_day for m in items), default=today)
    first, last = min(first, today), max(last, today)
    pad = max(timedelta(days=60), (last - first) / 20)
    return first - pad, last + pad


def milestones_timeline(items: Sequence[Milestone], lang: str, *, today: date) -> str:
    """One row per milestone (chronological, top to bottom), year lines, and a dashed line for today."""
    lang = normalize_lang(lang)
    first, last = timeline_span(items, today)
    days = max((last - first).days, 1)

    def at(day: date) -> float:
        return 100 * (day - first).days / days

    years = [date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
    grid = "".join(f'<span class="enact-tick" style="left:{_pct(at(y))}"></span>' for y in years)
    today_line = f'<span class="enact-today" style="left:{_pct(at(today))}"></span>'
    rows = []
    for item in items:
        kind = _PRECISION_CLASS[item.when.precision]
        start = at(item.when.first_day)
        if item.when.precision is Precision.DAY:
            mark = f'<span class="enact-mark day" style="left:{_pct(start)}"></span>'
        else:
            width = at(item.when.last_day + timedelta(days=1)) - start
            mark = f'<span class="enact-mark {kind}" style="left:{_pct(start)};width:{_pct(width)}"></span>'
        rows.append(
            f'<li title="{html.escape(item.label)}"><span class="enact-chart-label">'
            f'<b>{html.escape(item.when_text)}</b> <span>{html.escape(short_label(item.label))}</span></span>'
            f'<span class="enact-chart-track" aria-hidden="true">{grid}{today_line}{mark}</span></li>'
        )
    today_text = html.escape(t("achievements.timeline.today", lang))
    head = (f'<div class="enact-chart-row enact-today-row" aria-hidden="true"><span></span>'
            f'<span class="enact-chart-track"><span class="enact-today-label" style="left:{_pct(at(today))}">'
            f"{today_text}</span></span></div>")
    axis = "".join(f'<span style="left:{_pct(at(y))}">{y.year}</span>' for y in years)
    foot = (f'<div class="enact-chart-row enact-axis" aria-hidden="true"><span></span>'
            f'<span class="enact-chart-track">{axis}</span></div>')
    shown = [p for p in _PRECISION_CLASS if any(m.when.precision is p for m in items)]
    legend = _legend([(_PRECISION_CLASS[p], t(_PRECISION_LEGEND[p], lang)) for p in shown])
    title = html.escape(t("achievements.timeline.title", lang))
    return (f'<figure class="enact-chart enact-timeline"><figcaption>{title}</figcaption>{head}'
            f'<ol>{"".join(rows)}</ol>{foot}{legend}</figure>')
