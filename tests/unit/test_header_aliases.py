"""A file saved from the site's own CSV download: its headers are read as the columns they stand for."""

from __future__ import annotations

from pathlib import Path

import pytest

from enact_dash.data import load_dataset
from enact_dash.data.aliases import DOWNLOAD_HEADERS
from enact_dash.data.problems import Outcome
from enact_dash.data.schemas import PARTNERS
from enact_dash.events import export as events_export
from enact_dash.exports import csv_separator, safe_csv_bytes
from enact_dash.partners import export as partners_export
from tests.conftest import MINIMAL, REPO, csv_text
from tests.unit.test_staff_mistakes import with_header


@pytest.mark.parametrize(
    ("module", "file", "derived"),
    [(partners_export, "partners.csv", {"on_map"}), (events_export, "events.csv", {"when"})],
)
def test_every_download_column_but_the_derived_ones_has_its_data_column(module, file, derived):
    assert set(DOWNLOAD_HEADERS[file][1]) == set(module.CSV_COLUMNS) - derived


@pytest.mark.parametrize(
    ("renamed", "lang", "message"),
    [
        ({"city": "Ville"}, "fr", "partners.csv:1: Ville: en-tête du téléchargement CSV du site, lu comme la "
                                  "colonne «\u202fcity\u202f»"),
        ({"city": " VILLE "}, "fr", "VILLE: en-tête du téléchargement CSV du site"),
        ({"note_fr": "Remarque"}, "en", "Remarque: header of the site’s CSV download, read as the column "
                                        "“note_fr”"),
        ({"city": "Ort"}, "de",
         "Ort: Spaltenkopf des CSV-Downloads der Website, gelesen als Spalte „city“"),
    ],
)
def test_a_download_header_is_read_as_its_column(make_data_dir, renamed, lang, message):
    dataset = load_dataset(make_data_dir(partners=with_header(PARTNERS.column_names, MINIMAL["partners.csv"],
                                                               **renamed)))
    (problem,) = [p for p in dataset.problems if p.file == "partners.csv"]
    assert (problem.code, problem.outcome) == ("column_alias", Outcome.COLUMN_READ)
    assert message in problem.format(lang)
    assert list(dataset.partners["city"]) == ["Nancy", "Strasbourg"]
    assert dataset.partners["lat"].notna().all()  # on the map


def test_an_alias_never_hides_the_column_itself(make_data_dir):
    text = csv_text(MINIMAL["partners.csv"], (*PARTNERS.column_names, "Ville"))
    dataset = load_dataset(make_data_dir(partners=text))
    assert [p.code for p in dataset.problems if p.file == "partners.csv"] == ["column_unknown"]


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_the_partners_download_saved_as_partners_csv_reads_back(tmp_path: Path, make_data_dir, lang):
    bundled = load_dataset(REPO / "data")
    names = dict(zip(bundled.axes["id"], bundled.axes[f"name_{lang}"], strict=True))
    download = partners_export.partners_download(bundled.partners, lang, names)
    data_dir = make_data_dir(partners=safe_csv_bytes(download.table, sep=csv_separator(lang)))
    again = load_dataset(data_dir).partners
    assert list(again["id"]) == list(bundled.partners["id"])
    differ = {
        column: [row_id for row_id, a, b
                 in zip(again["id"], again[column], bundled.partners[column], strict=True) if a != b]
        for column in ("name", "type", "relation", "lead", "city", "country", "axes", "website")
    }
    # Only a country outside the map (EU) has no name that the data reads: reported, read as unknown.
    assert {column: ids for column, ids in differ.items() if ids} == {"country": ["feder"]}
