"""The events' downloads: the events of a view as a table for people and records for programs.

CSV (people, a spreadsheet): headers and values in the page's language (type, status, audience,
accessibility, country and axis names; title and description in that language, French when there is no
translation), dates as ISO text that sorts (``2025-12-12``, ``2026-05``, ``2026``: the precision the data
has) next to the date as the page writes it; what is not known is said, never an empty cell. JSON
(programs): codes under stable English keys, ``*_label`` in the page's language, every translation,
``null`` for unknown. Both keep the event's ``id``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from enact_dash.events.display import (
    access_label,
    audience_label,
    country_name,
    event_status,
    localized,
    type_label,
    when_text,
)
from enact_dash.events.frame import as_partial, as_tuple
from enact_dash.exports import Download
from enact_dash.i18n import LANGS, has_key, t
from enact_dash.partners.display import axes_label
from enact_dash.sources import shown

# Columns of the CSV, in order (headers: ``events.export.<key>``).
CSV_COLUMNS = (
    "id", "title", "type", "start", "end", "when", "status", "venue", "city", "country", "axes", "audience",
    "accessibility", "accessibility_note", "registration_url", "description", "source",
)
_TRANSLATED = ("title", "accessibility_note", "description")
# Keys of every JSON record, in order.
JSON_KEYS = (
    "id", *(f"title_{code}" for code in LANGS), "type", "type_label", "start", "end", "when_label",
    "status", "status_label", "venue", "city", "country", "country_label", "lat", "lon", "axes",
    "axes_label", "audience", "audience_labels", "accessibility", "accessibility_labels",
    *(f"accessibility_note_{code}" for code in LANGS), "registration_url",
    *(f"description_{code}" for code in LANGS), "source", "origin", "origin_label", "external_id",
)


def csv_headers(lang: str) -> dict[str, str]:
    """Column key -> header of the CSV in ``lang``."""
    return {key: t(f"events.export.{key}", lang) for key in CSV_COLUMNS}


def _text(row: Mapping[str, Any], name: str) -> str | None:
    value = row.get(name)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value).strip() or None


def _coordinate(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def event_record(row: Mapping[str, Any], lang: str, axis_names: Mapping[str, str], *,
                 today: date) -> dict[str, Any]:
    """One event for programs: codes, labels in ``lang``, every translation, None for unknown. The
    labels of its dates and status are what the page says on ``today`` (the code stays the data's)."""
    start, end = as_partial(row.get("start")), as_partial(row.get("end"))
    etype = _text(row, "type") or "other"
    status = _text(row, "status") or "planned"  # the loader's reading of an empty status
    country = (_text(row, "country") or "").upper()
    audience, access = as_tuple(row.get("audience")), as_tuple(row.get("accessibility"))
    origin = _text(row, "origin") or "manual"  # the loader's reading of an empty origin
    record: dict[str, Any] = {"id": _text(row, "id") or ""}
    record.update({f"title_{code}": _text(row, f"title_{code}") for code in LANGS})
    record.update({
        "type": etype,
        "type_label": type_label(etype, lang),
        "start": start.iso() if start else None,
        "end": end.iso() if end else None,
        "when_label": when_text(start, end, lang, today=today),
        "status": status,
        "status_label": event_status(row, lang, today=today),
        "venue": _text(row, "venue"),
        "city": _text(row, "city"),
        "country": country or None,
        "country_label": country_name(country, lang) or None,
        "lat": _coordinate(row.get("lat")),
        "lon": _coordinate(row.get("lon")),
        "axes": list(as_tuple(row.get("axes"))),
        "axes_label": axes_label(row.get("axes"), lang, axis_names),
        "audience": list(audience),
        "audience_labels": [audience_label(a, lang) for a in audience],
        "accessibility": list(access),
        "accessibility_labels": [access_label(a, lang) for a in access],
    })
    record.update({f"accessibility_note_{code}": _text(row, f"accessibility_note_{code}") for code in LANGS})
    record["registration_url"] = _text(row, "registration_url")
    record.update({f"description_{code}": _text(row, f"description_{code}") for code in LANGS})
    record.update({
        "source": _text(row, "source"),
        "origin": origin,
        "origin_label": t(f"vocab.origin.{origin}", lang) if has_key(f"vocab.origin.{origin}") else origin,
        "external_id": _text(row, "external_id"),
    })
    return record


def event_cells(record: Mapping[str, Any], row: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The CSV row of an event (keys of :data:`CSV_COLUMNS`), from its record."""
    unknown, unspecified = t("common.unknown", lang), t("common.not_specified", lang)
    separator = t("events.list_separator", lang)

    def joined(labels: list[str]) -> str:
        return separator.join(labels) or unspecified

    translated = {stem: localized(row, stem, lang) for stem in _TRANSLATED}
    return {
        "id": record["id"],
        "title": translated["title"],
        "type": record["type_label"],
        "start": record["start"] or t("events.date.unknown", lang),
        "end": record["end"] or unknown,
        "when": record["when_label"],
        "status": record["status_label"],
        "venue": record["venue"] or unknown,  # as the page's "Place: unknown"
        "city": record["city"] or unknown,
        "country": record["country_label"] or unknown,
        "axes": record["axes_label"],
        "audience": joined(record["audience_labels"]),
        "accessibility": joined(record["accessibility_labels"]),
        "accessibility_note": translated["accessibility_note"] or unspecified,
        "registration_url": record["registration_url"] or unspecified,
        "description": translated["description"] or unspecified,
        "source": shown(record["source"] or "", lang) or unknown,
    }


def events_download(events: pd.DataFrame, lang: str, axis_names: Mapping[str, str], *, today: date,
                    filters: Mapping[str, str | list[str]] | None = None) -> Download:
    """The events of a view (in the given order) as a :class:`~enact_dash.exports.Download`, their
    dates and status said as the page says them on ``today``."""
    rows = events.to_dict("records")
    records = [event_record(row, lang, axis_names, today=today) for row in rows]
    cells = [event_cells(record, row, lang) for record, row in zip(records, rows, strict=True)]
    table = pd.DataFrame(cells, columns=list(CSV_COLUMNS)).rename(columns=csv_headers(lang))
    return Download(
        dataset="events", lang=lang, table=table, records=pd.DataFrame(records, columns=list(JSON_KEYS)),
        filters=dict(filters or {}), coordinates=True,
    )
