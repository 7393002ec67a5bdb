"""Downloads of a table: CSV that spreadsheets open safely, and JSON.

Reusable for any DataFrame of the app (partners, events, ...). Cells are made plain first:
tuples of ids become ``a|b`` in CSV (the data files' own multi-value separator) and lists in JSON
(:func:`records`); dates (also :class:`~enact_dash.dates.PartialDate`) become ISO text; NaN/None become
empty (CSV) or ``null``.

CSV safety: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(and tab / carriage return can smuggle one in), so such text cells get a leading apostrophe, which
spreadsheets show as text ("CSV injection", OWASP). Numbers are never touched (``-1.5`` stays a number).

What the pages offer is a :class:`Download`: the same rows twice, as a table for people (CSV: headers and
values in the page's language, unknown said in words) and as records for programs (JSON: stable English
keys and codes, ``*_label`` fields in the page's language, ``null`` for unknown) inside a small envelope
(:func:`envelope`; the format is documented in ``data/README.md``, "Downloads").
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd

from enact_dash.filters import Filters

BOM = "\ufeff"
CSV_MIME = "text/csv"
JSON_MIME = "application/json"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MULTI_SEPARATOR = "|"
# Spreadsheets in French or German use ";" between cells (the comma is the decimal separator).
CSV_SEPARATORS: Mapping[str, str] = {"fr": ";", "de": ";", "en": ","}


def csv_separator(lang: str) -> str:
    """The cell separator that a spreadsheet set to ``lang`` expects."""
    return CSV_SEPARATORS.get(lang, ",")


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; other text is unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def plain_value(value: Any) -> Any:
    """A JSON-ready value: str, int, float, bool, None or a list of those."""
    if _is_missing(value):
        return None
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    if isinstance(value, tuple | list | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return [plain_value(v) for v in items]
    if isinstance(value, datetime | date):
        return value.isoformat()
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        return plain_value(item())
    return str(value)


def _csv_cell(value: Any, decimal: str = ".") -> str | int | float:
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)  # 30000000, not 30000000.0
    if isinstance(value, float):
        return str(value).replace(".", decimal)
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        value = MULTI_SEPARATOR.join("" if v is None else str(v) for v in value)
    return neutralise(str(value))


def safe_csv_bytes(frame: pd.DataFrame, *, sep: str = ",") -> bytes:
    """The frame as CSV: UTF-8 with a BOM (so Excel reads the accents), CRLF line ends, header row,
    every text cell that would start a formula neutralised (header included). With ``;`` cells (a
    French or German spreadsheet), decimals are written with a comma, as that spreadsheet reads them."""
    decimal = "," if sep == ";" else "."
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_csv_cell(v, decimal) for v in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict per row, values made plain (see :func:`plain_value`)."""
    columns = [str(c) for c in frame.columns]
    return [
        dict(zip(columns, (plain_value(v) for v in row), strict=True))
        for row in frame.itertuples(index=False, name=None)
    ]


# --- downloads of a view: CSV for people, JSON for programs -------------------------------------

EXPORT_FORMAT = "enact-dashboard-download"
EXPORT_VERSION = 1
DATA_SOURCE = (
    "IA Grand Est ENACT public dashboard. Facts from public sources; each record names its own in"
    " its source field."
)
DATA_LICENCE: Mapping[str, str] = {
    "name": "Licence Ouverte 2.0 (Etalab)",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
# Coordinates resolved from a city come from the offline gazetteer (data/README.md, "Licences").
GEODATA_ATTRIBUTION = (
    "Boundaries: IGN ADMIN EXPRESS (Licence Ouverte 2.0); Natural Earth (public domain)."
    " Places: GeoNames (CC BY 4.0)."
)


@dataclass(frozen=True)
class Download:
    """The rows of one view, for both files.

    ``table`` is the CSV: one row per record, headers and values in ``lang`` (labels, not codes; ISO
    dates; an unknown value said in words). ``records`` has the same rows in the same order with stable
    English keys: codes, ``<key>_label`` in ``lang`` where a code has a label, ``None`` for unknown.
    ``filters`` are the view's own URL parameters (only those that choose the rows).
    """

    dataset: str
    lang: str
    table: pd.DataFrame
    records: pd.DataFrame
    filters: Mapping[str, str | list[str]] = field(default_factory=dict)
    coordinates: bool = False  # the records carry lat/lon (the geodata's attribution applies)

    def __post_init__(self) -> None:
        if len(self.table) != len(self.records):
            raise ValueError("a download's table and records must have the same rows")


def view_filters(filters: Filters, names: Iterable[str]) -> dict[str, str | list[str]]:
    """The URL parameters among ``names`` that differ from the defaults (as in a shared link)."""
    wanted = set(names)
    return {key: value for key, value in filters.to_query_params().items() if key in wanted}


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def envelope(download: Download, *, generated: datetime) -> dict[str, Any]:
    """The JSON document of a download: what it is, then its records (see data/README.md)."""
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "dataset": download.dataset,
        "lang": download.lang,
        "generated": _timestamp(generated),
        "filters": dict(download.filters),
        "source": DATA_SOURCE,
        "licence": dict(DATA_LICENCE),
    }
    if download.coordinates:
        document["geodata_attribution"] = GEODATA_ATTRIBUTION
    document["count"] = len(download.records)
    document["records"] = records(download.records)
    return document


def download_csv(download: Download, *, sep: str = ",") -> bytes:
    """The CSV of a download (see :func:`safe_csv_bytes`: BOM, CRLF, formulas neutralised)."""
    return safe_csv_bytes(download.table, sep=sep)


def download_json(download: Download, *, generated: datetime | None = None) -> bytes:
    """The JSON of a download: UTF-8, accents kept, the envelope of :func:`envelope`."""
    document = envelope(download, generated=generated or utc_now())
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")
