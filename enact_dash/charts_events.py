"""The events timeline: a plotly figure by event type over the time of the events shown.

Honest about partial dates: an event known to the day is a solid bar over its days; an event
known only to the month (or the year) is a pale, hatched bar over the whole month (or year), so
that it never looks more precise than it is. A dashed line marks today when it falls in the
frame. The x axis frames the events shown (from the first day of the first to the last day of the
last, plus a margin), not the programme's five years: a view of 2025 and 2026 events does not run
to 2029, and one event, or events on one day, get about a quarter around them. Above ``max_bars``
events the figure switches to a count per month and type (a heatmap), year-only events counted
below it.

The builder takes a *prepared* frame (:func:`enact_dash.events.frame.prepare`), never calls st.*.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from enact_dash.data.vocab import EVENT_TYPES
from enact_dash.events.display import localized, type_label
from enact_dash.events.event_map import EVENT_TYPE_STYLE
from enact_dash.events.frame import FIRST, LAST, RANK, as_partial
from enact_dash.events.periods import format_when
from enact_dash.i18n import normalize_lang, plural, t

MAX_BARS = 400
# The frame around the events: a share of their span on each side, at least a week; at least about a
# quarter in all, so that one event or a single day is not a bar across the whole chart.
MARGIN_SHARE = 0.04
MIN_MARGIN = timedelta(days=7)
MIN_WINDOW = timedelta(days=92)
# Tick labels as figures (plotly's month names are English whatever the page's language), finer as
# the visitor zooms in: years, then months, then days.
_TICK_FORMATS = {
    "fr": ("%Y", "%m/%Y", "%d/%m/%Y"),
    "en": ("%Y", "%m/%Y", "%d/%m/%Y"),
    "de": ("%Y", "%m.%Y", "%d.%m.%Y"),
}
# One colour per event type, the same as on the map (readable with colour-vision deficiencies).
TYPE_COLOURS = {etype: colour for etype, (colour, _shape) in EVENT_TYPE_STYLE.items()}
DAY_MS = 86_400_000
LEGEND_COLOUR = "#6b7280"
# Plotly's tool bar writes these in English unless its config carries a dictionary (plotly's localize:
# ``config.locales[lang].dictionary``, looked up by the English text).
PLOTLY_TEXTS = {
    "Download plot as a PNG": "common.plotly.download_png",
    "Download plot": "common.plotly.download",
    "Zoom": "common.plotly.zoom",
    "Pan": "common.plotly.pan",
    "Zoom in": "common.plotly.zoom_in",
    "Zoom out": "common.plotly.zoom_out",
    "Autoscale": "common.plotly.autoscale",
    "Reset axes": "common.plotly.reset_axes",
    "Double-click to zoom back out": "common.plotly.double_click",
}
# Precision rank -> (legend key, opacity, hatch pattern)
_STYLES = {
    0: ("events.timeline.precision_day", 0.95, ""),
    1: ("events.timeline.precision_month", 0.45, "/"),
    2: ("events.timeline.precision_year", 0.35, "x"),
}


def _esc(text: str) -> str:
    """Plotly renders a subset of HTML in titles and hover labels: escape user text."""
    return html.escape(text, quote=False)


def _shifted(day: date, delta: timedelta) -> date:
    """``day + delta``, kept within the calendar (an event dated 9999 is still framed)."""
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


def events_span(events: pd.DataFrame) -> tuple[date, date] | None:
    """(first day of the first event, day after the last day of the last one) of a prepared frame,
    None without a dated event (an event without a start has no bar)."""
    if events.empty:
        return None
    dated = events[events[RANK] <= 2]
    if dated.empty:
        return None
    return dated[FIRST].min().date(), _shifted(dated[LAST].max().date(), timedelta(days=1))


def axis_range(events: pd.DataFrame, *, today: date) -> tuple[date, date]:
    """The x axis of the events shown, with a margin (see the module docstring); today's year when
    there is no dated event."""
    span = events_span(events)
    if span is None:
        return date(today.year, 1, 1), date(today.year + 1, 1, 1)
    first, end = span
    margin = max(timedelta(days=round((end - first).days * MARGIN_SHARE)), MIN_MARGIN)
    first, end = _shifted(first, -margin), _shifted(end, margin)
    short = (MIN_WINDOW - (end - first)).days
    if short > 0:  # centred on the events
        before = timedelta(days=short // 2)
        first, end = _shifted(first, -before), _shifted(end, timedelta(days=short) - before)
    return first, end


def timeline_title(events: pd.DataFrame, lang: str) -> str:
    """``Calendrier des événements par type, 2025–2026``: the years of the events shown."""
    span = events_span(events)
    if span is None:
        return t("events.timeline.title", lang)
    first, last = span[0].year, (span[1] - timedelta(days=1)).year
    return t("events.timeline.title_years", lang, years=str(first) if first == last else f"{first}–{last}")


# Axis labels, legend and title in the theme's text colour: Streamlit's chart theme greys them to
# rgb(128, 132, 149), 3.7:1 on white (WCAG AA needs 4.5:1 for 12 px text).
TEXT_COLOUR = "#1f2a37"


def _base_figure(title: str, lang: str, *, today: date, x_range: tuple[date, date]) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(
        font={"color": TEXT_COLOUR},
        title={"text": _esc(title), "x": 0, "xanchor": "left", "font": {"color": TEXT_COLOUR}},
        margin={"l": 10, "r": 10, "t": 60, "b": 72},
        barmode="overlay",
        # At the foot of the figure, below the tick labels whatever the plot's height (a share of a
        # one-type plot fell on the dates).
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0,
                "font": {"color": TEXT_COLOUR}},
        plot_bgcolor="white",
        hoverlabel={"align": "left"},
        meta={"lang": normalize_lang(lang)},
    )
    years, months, days = _TICK_FORMATS[normalize_lang(lang)]
    fig.update_xaxes(
        type="date", range=[x_range[0].isoformat(), x_range[1].isoformat()],
        showgrid=True, gridcolor="#e5e5e5", tickfont={"color": TEXT_COLOUR},
        tickformatstops=[
            {"dtickrange": [None, "M1"], "value": days},
            {"dtickrange": ["M1", "M12"], "value": months},
            {"dtickrange": ["M12", None], "value": years},
        ],
    )
    fig.update_yaxes(autorange="reversed", showgrid=False, tickfont={"color": TEXT_COLOUR})
    if x_range[0] <= today <= x_range[1]:
        fig.add_shape(
            type="line", xref="x", yref="paper", x0=today.isoformat(), x1=today.isoformat(),
            y0=0, y1=1, line={"color": "#B00020", "width": 2, "dash": "dash"},
        )
        fig.add_annotation(
            x=today.isoformat(), y=1, xref="x", yref="paper", yanchor="bottom",
            text=_esc(t("events.timeline.today", lang)), showarrow=False,
            font={"color": "#B00020"},
        )
    return fig


def _hover(row: dict[str, object], lang: str, *, today: date) -> str:
    start = as_partial(row.get("start"))
    when = format_when(start, as_partial(row.get("end")), lang, today=today) if start else ""
    title = localized(row, "title", lang)
    if row.get("status") == "cancelled":
        title = f"{t('events.cancelled_mark', lang)} {title}"
    return f"{_esc(title)}<br>{_esc(when)}"


def _bars(events: pd.DataFrame, lang: str, fig: go.Figure, *, today: date) -> None:
    labels = {etype: type_label(etype, lang) for etype in EVENT_TYPES}
    for rank, (legend_key, opacity, pattern) in _STYLES.items():
        part = events[events[RANK] == rank]
        if part.empty:
            continue
        records = part.to_dict("records")
        starts = part[FIRST]
        ends = part[LAST] + pd.Timedelta(days=1)
        fig.add_trace(
            go.Bar(
                orientation="h",
                base=[s.isoformat() for s in starts.dt.date],
                x=((ends - starts) / pd.Timedelta(milliseconds=1)).astype("int64").tolist(),
                y=[labels.get(str(e), str(e)) for e in part["type"]],
                name=t(legend_key, lang),
                marker={
                    "color": [TYPE_COLOURS.get(str(e), "#555555") for e in part["type"]],
                    "opacity": opacity,
                    "line": {"color": "#333333", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#222222", "fillmode": "overlay",
                                "solidity": 0.25}
                    if pattern else {},
                },
                hovertext=[_hover(r, lang, today=today) for r in records],
                hoverinfo="text",
                width=0.6,
                legendgroup=legend_key,
                showlegend=False,
            )
        )
        # The legend explains the style (precision), not the colour (the axis names the type).
        fig.add_trace(
            go.Bar(
                orientation="h", x=[None], y=[None], name=t(legend_key, lang),
                marker={"color": LEGEND_COLOUR, "opacity": opacity,
                        "line": {"color": "#333333", "width": 1},
                        "pattern": {"shape": pattern, "fgcolor": "#222222", "fillmode": "overlay",
                                    "solidity": 0.25} if pattern else {}},
                legendgroup=legend_key, hoverinfo="skip",
            )
        )
        if rank == 0:  # a one-day bar is a hairline over five years: mark each day event
            middles = starts + (ends - starts) / 2
            fig.add_trace(
                go.Scatter(
                    x=[m.isoformat() for m in middles.dt.to_pydatetime()],
                    y=[labels.get(str(e), str(e)) for e in part["type"]],
                    mode="markers",
                    marker={
                        "symbol": "diamond", "size": 11,
                        "color": [TYPE_COLOURS.get(str(e), "#555555") for e in part["type"]],
                        "line": {"color": "#222222", "width": 1},
                    },
                    hovertext=[_hover(r, lang, today=today) for r in records],
                    hoverinfo="text",
                    legendgroup=legend_key,
                    showlegend=False,
                )
            )


def _heatmap(events: pd.DataFrame, lang: str, fig: go.Figure) -> int:
    """Counts per month and type for day/month precision; returns the number of year-only events."""
    dated = events[events[RANK] < 2]
    months = dated[FIRST].dt.to_period("M").dt.to_timestamp()
    counts = (
        pd.DataFrame({"month": months, "type": dated["type"].astype(str)})
        .groupby(["type", "month"]).size().unstack(fill_value=0)
    )
    types = [e for e in EVENT_TYPES if e in counts.index]
    counts = counts.reindex(types)
    fig.add_trace(
        go.Heatmap(
            x=[m.date().isoformat() for m in counts.columns],
            y=[type_label(e, lang) for e in types],
            z=counts.to_numpy().tolist(),
            colorscale="Blues",
            colorbar={"title": {"text": _esc(t("events.timeline.count", lang))}},
            hovertemplate="%{y}<br>%{x|%m/%Y}<br>%{z}<extra></extra>",
        )
    )
    return int((events[RANK] == 2).sum())


def events_timeline(
    events: pd.DataFrame, lang: str, *, today: date, max_bars: int = MAX_BARS
) -> go.Figure:
    """The timeline figure of a prepared events frame (see the module docstring)."""
    lang = normalize_lang(lang)
    x_range = axis_range(events, today=today)
    if len(events) <= max_bars:
        fig = _base_figure(timeline_title(events, lang), lang, today=today, x_range=x_range)
        _bars(events, lang, fig, today=today)
        n_types = max(1, events["type"].nunique()) if len(events) else 1
        fig.update_layout(height=192 + 48 * n_types, showlegend=True)
        return fig
    fig = _base_figure(t("events.timeline.title_counts", lang), lang, today=today, x_range=x_range)
    year_only = _heatmap(events, lang, fig)
    if year_only:
        fig.add_annotation(
            xref="paper", yref="paper", x=0, y=-0.1, showarrow=False, xanchor="left", yanchor="top",
            text=_esc(
                plural("events.timeline.year_only", year_only, lang)
            ),
        )
    fig.update_layout(height=440, showlegend=False, margin={"l": 10, "r": 10, "t": 60, "b": 80})
    return fig


def plotly_config(lang: str) -> dict[str, object]:
    """The chart's plotly config: no plotly logo, the tool bar's titles in ``lang``."""
    lang = normalize_lang(lang)
    dictionary = {english: t(key, lang) for english, key in PLOTLY_TEXTS.items()}
    return {"displaylogo": False, "locale": lang, "locales": {lang: {"dictionary": dictionary}}}
