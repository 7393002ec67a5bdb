"""iCalendar (RFC 5545) export of events, built with the ``icalendar`` library.

* one VEVENT per event, UID ``<id>@cluster-ia-enact.ai`` (stable: the same event keeps its UID from
  one download to the next, so calendar apps update instead of duplicating);
* all-day events as DATE values, DTEND exclusive (the day after the last day, RFC 5545 3.6.1);
* SUMMARY, LOCATION, GEO, URL, DESCRIPTION, CATEGORIES, STATUS (CANCELLED, CONFIRMED, TENTATIVE);
* events with no known day ("décembre 2026", "2026 — date à venir") cannot be calendar entries:
  they are left out and counted in :attr:`IcsExport.left_out`, so the page can say so.

``dtstamp`` is a parameter (no clock is read here), which keeps the output reproducible in tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from icalendar import Calendar, Event, vGeo

from enact_dash.events.display import access_label, localized, place_text, type_label
from enact_dash.events.frame import as_partial, as_tuple
from enact_dash.events.periods import calendar_days, exclusive_end
from enact_dash.i18n import normalize_lang, t
from enact_dash.sources import first_url, shown

UID_DOMAIN = "cluster-ia-enact.ai"
PRODID = "-//IA Grand Est ENACT//enact-dash//FR"
ICS_MIME = "text/calendar"
_STATUS = {"cancelled": "CANCELLED", "confirmed": "CONFIRMED", "planned": "TENTATIVE"}


@dataclass(frozen=True)
class IcsExport:
    data: bytes  # the .ics file
    included: int  # events written
    left_out: int  # events without a known day, not written


def event_uid(event_id: str) -> str:
    return f"{event_id}@{UID_DOMAIN}"


def _text(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def _field(label_key: str, value: str, lang: str) -> str:
    """``Accessibilité : ...`` (French puts a space before the colon)."""
    return t("events.field", lang, label=t(label_key, lang), value=value)


def _description(row: Mapping[str, Any], lang: str) -> str:
    lines = []
    description = localized(row, "description", lang)
    if description:
        lines.append(description)
    access = [access_label(a, lang) for a in as_tuple(row.get("accessibility"))]
    note = localized(row, "accessibility_note", lang)
    if access or note:
        detail = t("events.list_separator", lang).join(access)
        if note:
            detail = f"{detail} — {note}" if detail else note
        lines.append(_field("events.detail.accessibility", detail, lang))
    registration = _text(row, "registration_url")
    if registration:
        lines.append(_field("events.detail.registration", registration, lang))
    source = _text(row, "source")
    if source:
        lines.append(_field("events.detail.source", shown(source, lang), lang))
    return "\n\n".join(lines)


def _vevent(row: Mapping[str, Any], lang: str, dtstamp: datetime) -> Event | None:
    start = as_partial(row.get("start"))
    if start is None:
        return None
    days = calendar_days(start, as_partial(row.get("end")))
    if days is None:
        return None
    first, last = days
    status = _text(row, "status") or "planned"
    title = localized(row, "title", lang)
    if status == "cancelled":
        title = f"{t('events.cancelled_mark', lang)} {title}"
    event = Event()
    event.add("uid", event_uid(_text(row, "id")))
    event.add("dtstamp", dtstamp)
    event.add("dtstart", first)
    event.add("dtend", exclusive_end(last))
    event.add("summary", title)
    event.add("status", _STATUS.get(status, "TENTATIVE"))
    event.add("transp", "TRANSPARENT")  # an all-day agenda entry does not block the day
    location = place_text(row, lang)
    if location:
        event.add("location", location)
    lat, lon = _float(row.get("lat")), _float(row.get("lon"))
    if lat is not None and lon is not None:
        event.add("geo", vGeo((lat, lon)))
    url = _text(row, "registration_url") or first_url(_text(row, "source"))
    if url.startswith(("https://", "http://")):
        event.add("url", url)
    description = _description(row, lang)
    if description:
        event.add("description", description)
    etype = _text(row, "type")
    if etype:
        event.add("categories", [type_label(etype, lang)])
    return event


def _stamp(dtstamp: datetime) -> datetime:
    """DTSTAMP must be UTC (RFC 5545 3.8.7.2); a naive value is taken as UTC."""
    if dtstamp.tzinfo is None:
        return dtstamp.replace(tzinfo=UTC)
    return dtstamp.astimezone(UTC)


def export_ics(events: pd.DataFrame, lang: str, *, dtstamp: datetime) -> IcsExport:
    """All events of ``events`` that have known days, as one calendar."""
    lang = normalize_lang(lang)
    stamp = _stamp(dtstamp)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("events.ics.calendar_name", lang))
    included = left_out = 0
    for row in events.to_dict("records"):
        event = _vevent(row, lang, stamp)
        if event is None:
            left_out += 1
            continue
        calendar.add_component(event)
        included += 1
    return IcsExport(calendar.to_ical(), included, left_out)


def events_to_ics(events: pd.DataFrame, lang: str, *, dtstamp: datetime) -> bytes:
    """The .ics file of ``events`` (see :func:`export_ics` for the counts)."""
    return export_ics(events, lang, dtstamp=dtstamp).data


def event_to_ics(event: Mapping[str, Any], lang: str, *, dtstamp: datetime) -> bytes | None:
    """The .ics file of one event (a row as a mapping), or None if it has no known day."""
    result = export_ics(pd.DataFrame([dict(event)]), lang, dtstamp=dtstamp)
    return result.data if result.included else None


def ics_filename(lang: str, event_id: str | None = None) -> str:
    """``agenda-ia-enact.ics`` / ``agenda-ia-enact-<id>.ics``: named like the page's other downloads, in its
    language (it was English on every page)."""
    stem = t("events.download.file", lang)
    return f"{stem}-{event_id}.ics" if event_id else f"{stem}.ics"
