"""Downloads of a table: CSV that spreadsheets open safely, and JSON.

Reusable for any DataFrame of the app (partners, events, ...). Cells are made plain first:
tuples of ids become ``a|b`` in CSV (the data files' own multi-value separator) and lists in
:func:`json_bytes` (:func:`to_json_bytes` keeps ``a|b`` text, as the events downloads expect); dates
(also :class:`~enact_dash.dates.PartialDate`) become ISO text; NaN/None become empty (CSV) or ``null``.

CSV safety: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(and tab / carriage return can smuggle one in), so such text cells get a leading apostrophe, which
spreadsheets show as text ("CSV injection", OWASP). Numbers are never touched (``-1.5`` stays a number).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import pandas as pd

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


def plain_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Like :func:`records`, with multi-valued cells as ``a|b`` text (the data files' form)."""
    return [
        {key: MULTI_SEPARATOR.join("" if v is None else str(v) for v in value)
         if isinstance(value, list) else value for key, value in row.items()}
        for row in records(frame)
    ]


def _dump(rows: list[dict[str, Any]]) -> bytes:
    return (json.dumps(rows, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


def json_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as a JSON array of objects, UTF-8 (no BOM), accents kept, ``null`` for unknown,
    multi-valued cells as arrays."""
    return _dump(records(frame))


def to_json_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as a JSON array of objects, multi-valued cells as ``a|b`` text (events downloads)."""
    return _dump(plain_records(frame))
