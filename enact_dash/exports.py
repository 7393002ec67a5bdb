"""Downloads of tables: CSV that spreadsheets open safely, and JSON.

CSV: UTF-8 with a BOM (so Excel detects the encoding), ``,`` separator, CRLF line ends, and every text
cell that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) gets a leading apostrophe (OWASP "CSV injection"). Numbers stay numbers.
Multi-valued cells (tuples) are written ``a|b`` as in the data files; dates as ISO text.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_MIME = "text/csv"
JSON_MIME = "application/json"


def neutralise(text: str) -> str:
    """``=HYPERLINK(...)`` -> ``'=HYPERLINK(...)``; other text unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _plain(value: Any) -> Any:
    """A cell as JSON-able plain data: tuples -> ``a|b``, dates -> ISO text, NaN -> None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, tuple | list | set | frozenset):
        return "|".join(str(v) for v in value)
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def plain_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def safe_csv_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as a CSV download (see the module docstring)."""
    out = pd.DataFrame(
        {
            str(col): [
                neutralise(v) if isinstance(v, str) else v
                for v in (_plain(x) for x in df[col])
            ]
            for col in df.columns
        },
        columns=[str(c) for c in df.columns],
    )
    text = out.to_csv(index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def to_json_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as a JSON list of records (UTF-8, no ASCII escaping)."""
    return json.dumps(plain_records(df), ensure_ascii=False, indent=1).encode("utf-8")
