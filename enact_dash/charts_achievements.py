"""Charts of the achievements page: chairs per research axis, and the milestones timeline.

Builders return plotly figures and never call st.*. Every text put in a figure is HTML-escaped
(plotly renders a subset of HTML in labels). The milestones timeline is honest about partial dates:
a milestone known to the day is a marker, one known only to the month or the year is a pale hatched
bar over that whole month or year. A dashed line marks ``today`` (injected, for tests).
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from enact_dash.achievements.chairs import UNPUBLISHED
from enact_dash.achievements.milestones import Milestone
from enact_dash.dates import Precision
from enact_dash.i18n import format_number, normalize_lang, t

AXIS_COLOUR = "#0072B2"  # Okabe-Ito blue
UNKNOWN_COLOUR = "#8a8a8a"
TODAY_COLOUR = "#B00020"
LABEL_WIDTH = 28
# Precision -> (legend key, opacity, hatch pattern)
_PRECISION_STYLES = {
    Precision.DAY: ("achievements.timeline.precision_day", 1.0, ""),
    Precision.MONTH: ("achievements.timeline.precision_month", 0.35, "/"),
    Precision.YEAR: ("achievements.timeline.precision_year", 0.25, "x"),
}


def wrap(text: str, width: int = LABEL_WIDTH, max_lines: int | None = None) -> str:
    """Escaped text broken into ``<br>``-separated lines for axis labels (``…`` past ``max_lines``)."""
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if max_lines is not None and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = [*lines[: max_lines - 1], textwrap.shorten(rest, width, placeholder=" …")]
    return "<br>".join(html.escape(line) for line in lines)


def short_label(text: str) -> str:
    """The head of a milestone label for an axis tick: the part before `` : ``, ``: `` or `` (``.

    The full label stays in the hover text, the summary and the table.
    """
    cut = len(text)
    for mark in (" : ", ": ", " ("):
        at = text.find(mark)
        if at >= 8:
            cut = min(cut, at)
    return text[:cut].strip()


def milestone_tick(item: Milestone) -> str:
    """``<b>20 mai 2025</b><br>Lancement officiel…`` (escaped, at most 2 lines of label)."""
    return f"<b>{html.escape(item.when_text)}</b><br>{wrap(short_label(item.label), 26, max_lines=2)}"


def _layout(fig: go.Figure, title: str, lang: str, height: int) -> None:
    fig.update_layout(
        title={"text": html.escape(title), "x": 0, "xanchor": "left"},
        margin={"l": 10, "r": 20, "t": 60, "b": 40},
        plot_bgcolor="white",
        height=height,
        hoverlabel={"align": "left"},
        meta={"lang": normalize_lang(lang)},
    )


def chairs_by_axis_chart(rows: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars: chairs per axis (``chairs_per_axis`` rows), the unknown axis in hatched grey."""
    lang = normalize_lang(lang)
    fig = go.Figure()
    _layout(fig, t("achievements.chairs.chart_title", lang), lang, 120 + 50 * max(len(rows), 1))
    for unknown in (False, True):
        part = rows[(rows["axis"] == UNPUBLISHED) == unknown]
        if part.empty:
            continue
        counts = [int(n) for n in part["chairs"]]
        fig.add_trace(go.Bar(
            orientation="h",
            x=counts,
            y=[wrap(str(label)) for label in part["label"]],
            name=html.escape(t("achievements.chairs.legend_unknown" if unknown
                               else "achievements.chairs.legend_known", lang)),
            marker={
                "color": UNKNOWN_COLOUR if unknown else AXIS_COLOUR,
                "line": {"color": "#333333", "width": 1},
                "pattern": {"shape": "/", "fgcolor": "#333333", "solidity": 0.2} if unknown else {},
            },
            text=[format_number(n, lang) for n in counts],
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
            cliponaxis=False,
        ))
    top = int(rows["chairs"].max()) if len(rows) else 0
    fig.update_xaxes(dtick=1, rangemode="tozero", range=[0, max(top, 1) * 1.15],
                     showgrid=True, gridcolor="#e5e5e5")
    fig.update_yaxes(autorange="reversed", categoryorder="array",
                     categoryarray=[wrap(str(label)) for label in rows["label"]])
    fig.update_layout(barmode="overlay", showlegend=True,
                      legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0})
    return fig


def _span(items: Sequence[Milestone], today: date) -> tuple[date, date]:
    first = min((m.when.first_day for m in items), default=today)
    last = max((m.when.last_day for m in items), default=today)
    first, last = min(first, today), max(last, today)
    pad = max(timedelta(days=60), (last - first) / 20)
    return first - pad, last + pad


def milestones_timeline(items: Sequence[Milestone], lang: str, *, today: date) -> go.Figure:
    """One row per milestone (chronological, top to bottom); a dashed line for today."""
    lang = normalize_lang(lang)
    fig = go.Figure()
    _layout(fig, t("achievements.timeline.title", lang), lang, 150 + 62 * max(len(items), 1))
    labels = [milestone_tick(m) for m in items]
    for precision, (legend_key, opacity, pattern) in _PRECISION_STYLES.items():
        picked = [(m, y) for m, y in zip(items, labels, strict=True) if m.when.precision is precision]
        if not picked:
            continue
        name = html.escape(t(legend_key, lang))
        hover = [f"{html.escape(m.label)}<br>{html.escape(m.when_text)}" for m, _ in picked]
        if precision is Precision.DAY:
            fig.add_trace(go.Scatter(
                x=[m.when.first_day.isoformat() for m, _ in picked], y=[y for _, y in picked],
                mode="markers", name=name, hovertext=hover, hoverinfo="text",
                marker={"symbol": "diamond", "size": 14, "color": AXIS_COLOUR,
                        "line": {"color": "#333333", "width": 1}},
            ))
            continue
        starts = [m.when.first_day for m, _ in picked]
        ends = [m.when.last_day + timedelta(days=1) for m, _ in picked]
        fig.add_trace(go.Bar(
            orientation="h", base=[s.isoformat() for s in starts],
            x=[(e - s).days * 86_400_000 for s, e in zip(starts, ends, strict=True)],
            y=[y for _, y in picked], name=name, hovertext=hover, hoverinfo="text", width=0.5,
            marker={"color": AXIS_COLOUR, "opacity": opacity,
                    "line": {"color": "#333333", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#333333", "solidity": 0.2}},
        ))
    first, last = _span(items, today)
    fig.update_xaxes(type="date", range=[first.isoformat(), last.isoformat()], showgrid=True,
                     gridcolor="#e5e5e5", dtick="M12", tickformat="%Y")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels,
                     showgrid=True, gridcolor="#f0f0f0")
    fig.update_layout(barmode="overlay", showlegend=True,
                      legend={"orientation": "h", "y": -0.12, "x": 0})
    fig.add_shape(type="line", xref="x", yref="paper", x0=today.isoformat(), x1=today.isoformat(),
                  y0=0, y1=1, line={"color": TODAY_COLOUR, "width": 2, "dash": "dash"})
    fig.add_annotation(x=today.isoformat(), y=1, xref="x", yref="paper", yanchor="bottom",
                       text=html.escape(t("achievements.timeline.today", lang)), showarrow=False,
                       font={"color": TODAY_COLOUR})
    return fig
