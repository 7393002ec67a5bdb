"""Downloads (enact_dash.exports): hostile cells neutralised in CSV, plain JSON, Excel-friendly bytes."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest

from enact_dash.exports import (
    EXPORT_FORMAT,
    GEODATA_ATTRIBUTION,
    Download,
    csv_separator,
    download_json,
    envelope,
    neutralise,
    records,
    safe_csv_bytes,
    view_filters,
)
from enact_dash.filters import Filters
from tests.conftest import HOSTILE_NAME, csv_rows

read_csv = csv_rows


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://evil.example","clic")', '\'=HYPERLINK("http://evil.example","clic")'),
        ("+33 3 83 00 00 00", "'+33 3 83 00 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        (HOSTILE_NAME, HOSTILE_NAME),  # not a formula: kept as written
        ("Université de Lorraine", "Université de Lorraine"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_hostile_text_cells_are_neutralised(cell: str, written: str) -> None:
    rows = read_csv(safe_csv_bytes(pd.DataFrame({"name": [cell]})))
    assert rows == [["name"], [written]]


@pytest.mark.parametrize(
    ("value", "written"),
    [(-1.5, "-1.5"), (48.6921, "48.6921"), (np.int64(-3), "-3"), (True, "true"), (False, "false"),
     (None, ""), (math.nan, ""), (("nlp", "health"), "nlp|health"), ((), ""),
     (date(2025, 12, 12), "2025-12-12")],
)
def test_other_cells_are_written_plainly(value: object, written: str) -> None:
    rows = read_csv(safe_csv_bytes(pd.DataFrame({"v": pd.Series([value], dtype=object)})))
    assert rows[1] == [written]


def test_a_formula_header_is_neutralised_too() -> None:
    assert read_csv(safe_csv_bytes(pd.DataFrame({"=x": [1]})))[0] == ["'=x"]


def test_separator_newlines_and_quotes_survive_a_round_trip() -> None:
    frame = pd.DataFrame({"name": ['Réseau "IA"; Grand-Est', "ligne 1\nligne 2"], "n": [1, 2]})
    for sep in (",", ";"):
        data = safe_csv_bytes(frame, sep=sep)
        assert data.count(b"\r\n") == 3  # header + 2 records; the inner newline stays quoted
        assert read_csv(data, sep) == [
            ["name", "n"], ['Réseau "IA"; Grand-Est', "1"], ["ligne 1\nligne 2", "2"],
        ]


@pytest.mark.parametrize(("lang", "sep"), [("fr", ";"), ("de", ";"), ("en", ",")])
def test_csv_separator_follows_the_spreadsheet_language(lang: str, sep: str) -> None:
    assert csv_separator(lang) == sep


def test_neutralise_leaves_safe_text_alone() -> None:
    assert neutralise("Nancy") == "Nancy"


def test_json_is_utf8_with_arrays_and_nulls() -> None:
    frame = pd.DataFrame({
        "id": ["hostile"], "name": [HOSTILE_NAME], "formula": ["=1+1"], "axes": [("nlp", "all")],
        "lat": [math.nan], "lead": [True], "count": [np.int64(3)],
    })
    data = download_json(Download("test", "fr", frame, frame))
    accents = pd.DataFrame({"n": ["Université"]})
    assert "Université".encode() in download_json(Download("t", "fr", accents, accents))  # not \u00e9
    assert records(frame) == json.loads(data)["records"] == [{
        "id": "hostile", "name": HOSTILE_NAME, "formula": "=1+1", "axes": ["nlp", "all"], "lat": None,
        "lead": True, "count": 3,
    }]



@pytest.mark.parametrize(
    ("generated", "written"),
    [
        (datetime(2026, 3, 1, 9, 30, 15, 999, tzinfo=UTC), "2026-03-01T09:30:15Z"),
        (datetime(2026, 3, 1, 9, 30), "2026-03-01T09:30:00Z"),  # naive: taken as UTC
        (datetime(2026, 3, 1, 10, 30, tzinfo=timezone(timedelta(hours=1))), "2026-03-01T09:30:00Z"),
    ],
)
def test_envelope_says_when_in_utc(generated: datetime, written: str) -> None:
    frame = pd.DataFrame({"id": ["a"]})
    document = envelope(Download("partners", "de", frame, frame), generated=generated)
    assert document["generated"] == written
    assert (document["format"], document["version"], document["lang"]) == (EXPORT_FORMAT, 1, "de")
    assert "geodata_attribution" not in document
    assert envelope(Download("p", "de", frame, frame, coordinates=True), generated=generated)[
        "geodata_attribution"] == GEODATA_ATTRIBUTION


@pytest.mark.parametrize(
    ("filters", "names", "expected"),
    [
        (Filters(), ("axis", "q"), {}),
        (Filters(lang="en", axis=("nlp", "health"), q="x", sort="-name", page=3), ("axis", "q"),
         {"axis": ["nlp", "health"], "q": "x"}),
        (Filters(date_from=date(2026, 1, 1), etype=("workshop",), ptype=("company",)),
         ("etype", "date_from", "date_to"), {"etype": ["workshop"], "date_from": "2026-01-01"}),
    ],
)
def test_view_filters_are_the_links_parameters_that_choose_rows(
    filters: Filters, names: tuple[str, ...], expected: dict[str, object],
) -> None:
    assert view_filters(filters, names) == expected


def test_a_download_has_the_same_rows_in_both_files() -> None:
    with pytest.raises(ValueError, match="same rows"):
        Download("p", "fr", pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1]}))
