"""What the events page shows: labels, one event's details, the table alternative, a text summary.

Everything returns plain text (never HTML). Text bound for Streamlit markdown goes through
:func:`escape_markdown`, so a title such as ``<img src=x onerror=alert(1)>`` or
``[x](javascript:...)`` shows as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from babel import Locale

from enact_dash.dates import PartialDate
from enact_dash.events.frame import DAYS_KNOWN, LAST, RANK, SORT, as_partial, as_tuple
from enact_dash.events.periods import format_when, is_upcoming
from enact_dash.i18n import BABEL_LOCALE, format_day, format_number, has_key, normalize_lang, pick, plural, t
from enact_dash.sources import shown

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


_BREAKING_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown syntax (and angle brackets) so user text shows verbatim.

    Runs of spaces, tabs and line ends become one space; the no-break spaces of French typography
    (U+00A0, U+202F) stay, which ``str.split()`` would not keep."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _BREAKING_SPACES.sub(" ", str(text)).strip(" "))


def _cell(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def localized(row: Mapping[str, Any], stem: str, lang: str) -> str:
    """``title_en`` in English, falling back to ``title_fr``."""
    return pick({code: _cell(row, f"{stem}_{code}") for code in ("fr", "en", "de")}, lang)


def type_label(etype: str, lang: str) -> str:
    return t(f"vocab.event_type.{etype}", lang)


def audience_label(audience: str, lang: str) -> str:
    return t(f"vocab.audience.{audience}", lang)


def status_label(status: str, lang: str) -> str:
    return t(f"vocab.event_status.{status}", lang)


def status_text(status: str, lang: str, *, past: bool) -> str:
    """The status as a page says it: an event still "planned" once its dates are over is said announced,
    not confirmed to have taken place (the data was not updated; nothing is inferred)."""
    if past and status == "planned":
        return t("events.status.past_planned", lang)
    return status_label(status, lang)


def event_status(row: Mapping[str, Any], lang: str, *, today: date) -> str:
    """An event's status as every view says it on ``today`` (:func:`status_text`): the page, the table,
    the map, the downloads."""
    start, end = as_partial(row.get("start")), as_partial(row.get("end"))
    past = start is not None and not is_upcoming(start, end, today=today)
    return status_text(_cell(row, "status") or "planned", lang, past=past)


def access_label(feature: str, lang: str) -> str:
    return t(f"vocab.accessibility.{feature}", lang)


def country_name(code: str, lang: str) -> str:
    """From the catalogue for the map countries, else from Babel's territory names."""
    code = code.upper()
    if has_key(f"vocab.country.{code}", lang):
        return t(f"vocab.country.{code}", lang)
    territories = Locale.parse(BABEL_LOCALE[normalize_lang(lang)]).territories
    return str(territories.get(code, code)) if code else ""


def place_text(row: Mapping[str, Any], lang: str) -> str:
    """``Bâtiment Ada Lovelace, Villers-lès-Nancy`` (country added outside France)."""
    parts = [_cell(row, "venue"), _cell(row, "city")]
    country = _cell(row, "country").upper()
    if country and country != "FR":
        parts.append(country_name(country, lang))
    return ", ".join(p for p in parts if p)


def _joined(labels: Iterable[str], lang: str) -> str:
    return t("events.list_separator", lang).join(labels)


@dataclass(frozen=True)
class EventView:
    """One event ready to show: plain text, URLs checked by the loader, nothing invented."""

    id: str
    title: str
    when: str
    where: str
    type: str
    status: str
    cancelled: bool
    upcoming: bool
    days_known: bool
    no_day_note: str  # why there is no calendar file ("" when the days are known)
    audience: str
    accessibility: str
    accessibility_note: str
    description: str
    registration_url: str
    source: str

    @property
    def source_is_url(self) -> bool:
        return self.source.startswith(("https://", "http://"))


def event_view(row: Mapping[str, Any], lang: str, *, today: date) -> EventView:
    start = as_partial(row.get("start"))
    end = as_partial(row.get("end"))
    status = _cell(row, "status") or "planned"
    upcoming = bool(start) and is_upcoming(start, end, today=today)
    days_known = bool(start) and start.day is not None and (end is None or end.day is not None)
    return EventView(
        id=_cell(row, "id"),
        title=localized(row, "title", lang),
        when=when_text(start, end, lang, today=today),
        where=place_text(row, lang),
        type=type_label(_cell(row, "type") or "other", lang),
        status=event_status(row, lang, today=today),
        cancelled=status == "cancelled",
        upcoming=upcoming,
        days_known=days_known,
        no_day_note="" if days_known else no_day_note(start, lang, today=today),
        audience=_joined((audience_label(a, lang) for a in as_tuple(row.get("audience"))), lang),
        accessibility=_joined(
            (access_label(a, lang) for a in as_tuple(row.get("accessibility"))), lang
        ),
        accessibility_note=localized(row, "accessibility_note", lang),
        description=localized(row, "description", lang),
        registration_url=_cell(row, "registration_url"),
        source=shown(_cell(row, "source"), lang),
    )


def headline(view: EventView, lang: str) -> str:
    """One line for a list or an expander label: ``12 décembre 2025 · Journée annuelle · Title``.

    Markdown-escaped; cancelled events say so in words, not only with a style.
    """
    parts = [view.when, view.type, view.title]
    if view.where:
        parts.append(view.where)
    text = " · ".join(escape_markdown(p) for p in parts if p)
    if view.cancelled:
        text = f"{escape_markdown(t('events.cancelled_mark', lang))} ~~{text}~~"
    return text


def events_table(events: pd.DataFrame, lang: str, *, today: date) -> pd.DataFrame:
    """The table alternative of the timeline: one row per event, localised plain text."""
    columns = {
        "when": t("events.col.when", lang),
        "title": t("events.col.title", lang),
        "type": t("events.col.type", lang),
        "where": t("events.col.where", lang),
        "audience": t("events.col.audience", lang),
        "status": t("events.col.status", lang),
    }
    rows = []
    for row in events.to_dict("records"):
        start, end = as_partial(row.get("start")), as_partial(row.get("end"))
        rows.append({
            columns["when"]: format_when(start, end, lang, today=today) if start else "",
            columns["title"]: localized(row, "title", lang),
            columns["type"]: type_label(_cell(row, "type") or "other", lang),
            columns["where"]: place_text(row, lang),
            columns["audience"]: _joined(
                (audience_label(a, lang) for a in as_tuple(row.get("audience"))), lang
            ),
            columns["status"]: event_status(row, lang, today=today),
        })
    return pd.DataFrame(rows, columns=list(columns.values()))


def summary_text(events: pd.DataFrame, lang: str, *, today: date) -> str:
    """A short text alternative of the timeline (counts, next event, undated events)."""
    total = len(events)
    if total == 0:
        return t("events.summary.none", lang)
    upcoming_mask = events[LAST] >= pd.Timestamp(today.year, today.month, today.day)
    n_upcoming = int(upcoming_mask.sum())
    parts = [
        t(
            "events.summary.counts",
            lang,
            events=plural("events.summary.events", total, lang),
            upcoming=format_number(n_upcoming, lang),
            past=plural("events.summary.past", total - n_upcoming, lang),
        )
    ]
    if n_upcoming:
        upcoming = events[upcoming_mask].sort_values([SORT, RANK], kind="stable")
        first = upcoming.iloc[0].to_dict()
        start = as_partial(first.get("start"))
        if start is not None:
            parts.append(
                t(
                    "events.summary.next",
                    lang,
                    when=format_when(start, as_partial(first.get("end")), lang, today=today),
                    title=localized(first, "title", lang),
                )
            )
    undated = int((~events[DAYS_KNOWN]).sum())
    if undated:
        parts.append(t("events.summary.undated", lang, count=format_number(undated, lang)))
    return " ".join(parts)


def when_text(start: PartialDate | None, end: PartialDate | None, lang: str, *, today: date) -> str:
    """An event's dates as every view says them on ``today`` (:func:`format_when`), or "date unknown"."""
    return format_when(start, end, lang, today=today) if start else t("events.date.unknown", lang)


def no_day_note(start: PartialDate | None, lang: str, *, today: date) -> str:
    """Why an event without known days has no calendar file: its day is still to be announced, or, once
    its month or year has begun, was not published (the same turn as :func:`format_when`)."""
    unpublished = start is not None and start.has_begun(today)
    return t("events.detail.no_day_unpublished" if unpublished else "events.detail.no_day", lang)


def period_label(date_from: date | None, date_to: date | None, lang: str) -> str:
    """The label of the date-range filter, saying the range chosen ("Période : du 1 mars 2026 au ...")."""
    start = format_day(date_from, lang) if date_from else ""
    end = format_day(date_to, lang) if date_to else ""
    if start and end:
        key = "events.filter.period_between"
    elif start:
        key = "events.filter.period_from"
    elif end:
        key = "events.filter.period_to"
    else:
        key = "events.filter.period_all"
    return t(key, lang, start=start, end=end)
