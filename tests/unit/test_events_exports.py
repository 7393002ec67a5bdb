"""CSV downloads (enact_dash.exports): formula-like cells neutralised, Excel-friendly bytes."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from enact_dash.dates import PartialDate
from enact_dash.exports import neutralise, safe_csv_bytes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=HYPERLINK(\"http://x\",\"clic\")", "'=HYPERLINK(\"http://x\",\"clic\")"),
        ("+33 3 83 00 00 00", "'+33 3 83 00 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Journée annuelle", "Journée annuelle"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


HOSTILE = pd.DataFrame({
    "id": ["annual-day-2025", "hostile"],
    "title_fr": ["Journée annuelle", "=cmd|' /C calc'!A0"],
    "start": [PartialDate(2025, 12, 12), PartialDate(2026)],
    "audience": [("researchers", "companies"), ()],
    "lat": [48.6653, float("nan")],
    "delta": [-1.5, 2.0],
})


def read_back(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_neutralises_text_but_not_numbers() -> None:
    rows = read_back(safe_csv_bytes(HOSTILE))
    assert rows[1]["title_fr"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["delta"] == "-1.5"  # a number is not a formula
    assert rows[0]["title_fr"] == "Journée annuelle"


def test_csv_writes_dates_and_multi_values_as_in_the_data_files() -> None:
    rows = read_back(safe_csv_bytes(HOSTILE))
    assert [(r["start"], r["audience"], r["lat"]) for r in rows] == [
        ("2025-12-12", "researchers|companies", "48.6653"), ("2026", "", ""),
    ]


def test_csv_uses_crlf() -> None:
    assert safe_csv_bytes(HOSTILE).count(b"\r\n") == 3


@pytest.mark.parametrize(
    ("sep", "values", "expected"),
    [
        (",", [30_000_000.0, 2.5, 7], ["30000000", "2.5", "7"]),
        (";", [30_000_000.0, 2.5, 7], ["30000000", "2,5", "7"]),  # as a French or German spreadsheet reads
        (";", [float("nan"), None, -0.25], ["", "", "-0,25"]),
    ],
)
def test_numbers_are_written_as_the_spreadsheet_of_the_separator_reads_them(
    sep: str, values: list[object], expected: list[str]
) -> None:
    frame = pd.DataFrame({"id": ["a", "b", "c"], "value": pd.Series(values, dtype=object)})
    lines = safe_csv_bytes(frame, sep=sep).decode("utf-8-sig").splitlines()
    rows = (f"{row}{sep}{cell}" for row, cell in zip("abc", expected, strict=True))
    assert lines == [f"id{sep}value", *rows]
