"""The partners' downloads: the partners of a view as a table for people and records for programs.

CSV (people, a spreadsheet): headers and values in the page's language, as the page shows them (type,
relation, country and axis names); what is not known is said ("site non précisé", "non connu"), never an
empty cell or a guess. JSON (programs): the data files' codes under stable English keys, ``*_label`` in
the page's language, ``null`` for unknown. Both keep the partner's ``id``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import pandas as pd

from enact_dash.exports import Download
from enact_dash.i18n import LANGS, pick, t
from enact_dash.partners.display import (
    axes_label,
    country_label,
    flag,
    relation_label,
    text,
    type_label,
)
from enact_dash.partners.filtering import as_ids
from enact_dash.sources import shown

# Columns of the CSV, in order (headers: ``partners.column.<key>``).
CSV_COLUMNS = (
    "id", "name", "short_name", "type", "relation", "lead", "city", "country", "lat", "lon", "on_map",
    "axes", "website", "source", "note",
)
# Keys of every JSON record, in order.
JSON_KEYS = (
    "id", "name", "short_name", "type", "type_label", "relation", "relation_label", "lead", "city",
    "country", "country_label", "lat", "lon", "on_map", "axes", "axes_label", "website", "source",
    "note_fr", "note_en", "note_de",
)


def csv_headers(lang: str) -> dict[str, str]:
    """Column key -> header of the CSV in ``lang``."""
    return {key: t(f"partners.column.{key}", lang) for key in CSV_COLUMNS}


def _coordinate(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _or_none(value: Any) -> str | None:
    return text(value).strip() or None


def _labels(lang: str, axis_names: Mapping[str, str]) -> Callable[[str, Any], Any]:
    """``label(kind, code)`` in ``lang``, computed once per distinct code (labels repeat a lot)."""
    make: dict[str, Callable[[Any], Any]] = {
        "type": lambda code: type_label(code, lang) if code else None,
        "relation": lambda code: relation_label(code, False, lang) if code else None,
        "country": lambda code: country_label(code, lang) or None,
        "axes": lambda ids: axes_label(ids, lang, axis_names),
    }
    seen: dict[tuple[str, Any], Any] = {}

    def label(kind: str, code: Any) -> Any:
        key = (kind, code if isinstance(code, Hashable) else repr(code))
        if key not in seen:
            seen[key] = make[kind](code)
        return seen[key]

    return label


def partner_record(row: Mapping[str, Any], lang: str, axis_names: Mapping[str, str],
                   label: Callable[[str, Any], Any] | None = None) -> dict[str, Any]:
    """One partner for programs: codes, labels in ``lang``, None for what is not known."""
    label = label or _labels(lang, axis_names)
    ptype, relation, country = text(row.get("type")), text(row.get("relation")), text(row.get("country"))
    lat, lon = _coordinate(row.get("lat")), _coordinate(row.get("lon"))
    axes = as_ids(row.get("axes"))
    record: dict[str, Any] = {
        "id": text(row.get("id")),
        "name": text(row.get("name")),
        "short_name": _or_none(row.get("short_name")),
        "type": ptype or None,
        "type_label": label("type", ptype),
        "relation": relation or None,
        "relation_label": label("relation", relation),
        "lead": flag(row.get("lead")),
        "city": _or_none(row.get("city")),
        "country": country or None,
        "country_label": label("country", country),
        "lat": lat,
        "lon": lon,
        "on_map": lat is not None and lon is not None,
        "axes": list(axes),
        "axes_label": label("axes", axes),
        "website": _or_none(row.get("website")),
        "source": _or_none(row.get("source")),
    }
    for code in LANGS:
        record[f"note_{code}"] = _or_none(row.get(f"note_{code}"))
    return record


def partner_cells(record: Mapping[str, Any], row: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The CSV row of a partner (keys of :data:`CSV_COLUMNS`), from its record."""
    unknown = t("common.unknown", lang)
    yes, no = t("common.yes", lang), t("common.no", lang)

    def known(value: Any) -> Any:
        return unknown if value is None else value

    return {
        "id": record["id"],
        "name": record["name"],
        "short_name": record["short_name"] or "",  # no usual short name: nothing to say
        "type": known(record["type_label"]),
        "relation": known(record["relation_label"]),
        "lead": yes if record["lead"] else no,
        "city": record["city"] or t("common.site_unspecified", lang),
        "country": known(record["country_label"]),
        "lat": known(record["lat"]),
        "lon": known(record["lon"]),
        "on_map": yes if record["on_map"] else no,
        "axes": record["axes_label"],
        "website": known(record["website"]),
        "source": shown(record["source"] or "", lang) or unknown,
        "note": pick({code: text(row.get(f"note_{code}")) for code in LANGS}, lang),
    }


def partners_download(partners: pd.DataFrame, lang: str, axis_names: Mapping[str, str], *,
                      filters: Mapping[str, str | list[str]] | None = None) -> Download:
    """The partners of a view (in the given order) as a :class:`~enact_dash.exports.Download`."""
    columns = [str(c) for c in partners.columns]
    rows = [dict(zip(columns, values, strict=True))
            for values in zip(*(partners[c].tolist() for c in partners.columns), strict=True)]
    label = _labels(lang, axis_names)
    records = [partner_record(row, lang, axis_names, label) for row in rows]
    cells = [partner_cells(record, row, lang) for record, row in zip(records, rows, strict=True)]
    headers = csv_headers(lang)
    table = pd.DataFrame(cells, columns=list(CSV_COLUMNS)).rename(columns=headers)
    return Download(
        dataset="partners", lang=lang, table=table,
        records=pd.DataFrame(records, columns=list(JSON_KEYS)), filters=dict(filters or {}),
        coordinates=True,
    )
