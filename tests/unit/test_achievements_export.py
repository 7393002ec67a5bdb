"""The key figures' download (enact_dash.achievements.export): CSV in the page's language (labels, ISO
dates, unknown in words, formulas neutralised), JSON with codes, labels, translations and null."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from enact_dash.achievements import figures_download
from enact_dash.achievements.export import CSV_COLUMNS, JSON_KEYS
from enact_dash.exports import download_csv, download_json
from tests.conftest import csv_rows
from tests.unit.test_achievements_review import PR, figure, frame

GENERATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
# Test data, not facts.
FIGURES = frame(
    figure("funding", "funding", 30e6, "2025-12", unit="eur", label_en="France 2030 funding"),
    figure("students", "students_trained", 2500, "2024", qualifier="min", primary=False),
    figure("share", "share", 12.5, "", unit="percent", qualifier="approx", note_fr="Selon la source."),
    figure("hostile", "m", -5, "2025", label_fr="=HYPERLINK(\"http://evil\")", source="@SUM(A1)"),
)


@pytest.mark.parametrize(
    ("lang", "sep", "headers"),
    [
        ("fr", ";", ["Identifiant", "Code de l’indicateur", "Libellé", "Valeur", "Unité", "Exactitude",
                     "Chiffre", "Date", "Chiffre principal", "Note", "Source"]),
        ("en", ",", ["ID", "Metric code", "Label", "Value", "Unit", "Accuracy", "Figure", "Date",
                     "Primary figure", "Note", "Source"]),
        ("de", ";", ["Kennung", "Kennzahl-Code", "Bezeichnung", "Wert", "Einheit", "Genauigkeit", "Zahl",
                     "Stand", "Hauptzahl", "Hinweis", "Quelle"]),
    ],
)
def test_csv_headers_are_in_the_page_language(lang: str, sep: str, headers: list[str]) -> None:
    rows = csv_rows(download_csv(figures_download(FIGURES, lang), sep=sep), sep)
    assert rows[0] == headers
    assert len(headers) == len(CSV_COLUMNS)


@pytest.mark.parametrize(
    ("lang", "row", "expected"),
    [
        ("fr", 0, ["funding", "funding", "funding", "30000000", "Euros", "Exact", "30\u00a0M€", "2025-12",
                   "oui", "", PR]),
        ("en", 0, ["funding", "funding", "France 2030 funding", "30000000", "Euros", "Exact", "€30M",
                   "2025-12", "yes", "", PR]),
        ("de", 1, ["students", "students_trained", "students", "2500", "Anzahl", "Mehr als", "mehr als 2.500",
                   "2024", "nein", "", PR]),
        # no date: said, not left empty; a decimal as the spreadsheet of ";" reads it
        ("fr", 2, ["share", "share", "share", "12,5", "Pourcentage", "Environ", "environ 12,5\u00a0%",
                   "non précisé", "oui", "Selon la source.", PR]),
    ],
)
def test_csv_values_are_labels_and_iso_dates(lang: str, row: int, expected: list[str]) -> None:
    sep = "," if lang == "en" else ";"
    rows = csv_rows(download_csv(figures_download(FIGURES, lang), sep=sep), sep)
    assert rows[row + 1] == expected


@pytest.mark.parametrize(("column", "written"), [(2, "'=HYPERLINK(\"http://evil\")"), (3, "-5"),
                                                 (10, "'@SUM(A1)")])
def test_csv_neutralises_formulas_but_not_numbers(column: int, written: str) -> None:
    rows = csv_rows(download_csv(figures_download(FIGURES, "fr"), sep=";"), ";")
    assert rows[4][column] == written


def test_json_records_have_codes_labels_and_null() -> None:
    document = json.loads(download_json(figures_download(FIGURES, "en"), generated=GENERATED))
    assert (document["dataset"], document["filters"], document["count"]) == ("figures", {}, 4)
    assert "geodata_attribution" not in document  # no coordinates in figures
    record = document["records"][2]
    assert list(record) == list(JSON_KEYS)
    assert record == {
        "id": "share", "metric": "share", "label_fr": "share", "label_en": None, "label_de": None,
        "value": 12.5, "unit": "percent", "unit_label": "Percent", "qualifier": "approx",
        "qualifier_label": "About", "shown_label": "about 12.5%", "as_of": None, "primary": True,
        "note_fr": "Selon la source.", "note_en": None, "note_de": None, "source": PR,
    }


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_no_figures_gives_an_empty_download(lang: str) -> None:
    download = figures_download(FIGURES.iloc[0:0], lang)
    assert len(download.table) == len(download.records) == 0
