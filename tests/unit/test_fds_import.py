"""The Fête de la science importer: selection, mapping, idempotent merge, dialect, report, command.

Every test works on a temporary data directory (never the real data/). The fixture files in
tests/fixtures/fds/ hold seven synthetic records (see their README).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from enact_dash.data.loaders import load_table
from enact_dash.data.problems import Level
from enact_dash.data.schemas import EVENTS
from enact_dash.events.fds import (
    RecordRejectedError,
    accessibility,
    audiences,
    coordinates,
    days_of,
    event_id,
    is_cancelled,
    is_grand_est,
)
from enact_dash.fds_import import cli_main, report, run_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fds"
FDS_CSV = FIXTURES / "fr-esr-fete-de-la-science-25.csv"
FDS_JSON = FIXTURES / "fr-esr-fete-de-la-science-25.json"
HEADER = list(EVENTS.column_names)


def write_events(path: Path, rows: list[dict[str, str]], *, encoding: str = "utf-8",
                 separator: str = ",", newline: str = "\n") -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, HEADER, delimiter=separator, lineterminator=newline)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in HEADER})
    path.write_bytes(buffer.getvalue().encode(encoding))


def read_events(path: Path, encoding: str = "utf-8-sig", separator: str = ",") -> list[dict[str, str]]:
    text = path.read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=separator))


ANNUAL_DAY = {
    "id": "annual-day-2025", "title_fr": "Première journée annuelle", "type": "annual_day",
    "start": "2025-12-12", "city": "Villers-lès-Nancy", "country": "FR", "status": "confirmed",
    "source": "Communiqué de presse", "origin": "manual",
}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    write_events(folder / "events.csv", [ANNUAL_DAY])
    return folder


# --- selection and mapping ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "kept"),
    [
        ({"region": "Grand Est"}, True),
        ({"region": "GRAND-EST"}, True),
        ({"region": "Île-de-France", "code_postal": "54000"}, False),  # the region decides
        ({"departement": "54"}, True),
        ({"departement": "88 - Vosges"}, True),
        ({"departement": "Haute-Marne"}, True),
        ({"departement": "Haute-Saône"}, False),
        ({"departement": "70"}, False),
        ({"code_postal": "67000"}, True),
        ({"code_postal": "08 000"}, True),
        ({"code_postal": "75005"}, False),
        ({}, False),  # nowhere said: not kept
    ],
)
def test_is_grand_est(fields: dict[str, str], kept: bool) -> None:
    assert is_grand_est(fields) is kept


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"dates": "2025-10-03"}, [date(2025, 10, 3)]),
        ({"dates": ["2025-10-12", "2025-10-11", "2025-10-12"]}, [date(2025, 10, 11), date(2025, 10, 12)]),
        ({"dates": "11/10/2025"}, [date(2025, 10, 11)]),
        ({"dates": "", "horaires_iso": "2019-10-12T14:00:00+02:00 - 2019-10-12T18:00:00+02:00"},
         [date(2019, 10, 12)]),
    ],
)
def test_days_of(fields: dict[str, Any], expected: list[date]) -> None:
    assert days_of(fields) == expected


@pytest.mark.parametrize(
    ("fields", "code"),
    [({"dates": "2025-02-30"}, "bad_date"), ({"dates": "début octobre"}, "bad_date"), ({}, "no_date")],
)
def test_days_of_rejects(fields: dict[str, Any], code: str) -> None:
    with pytest.raises(RecordRejectedError) as info:
        days_of(fields)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("48.6565, 6.1713", (48.6565, 6.1713)),
        ({"lat": 48.58, "lon": 7.74}, (48.58, 7.74)),
        ([48.58, 7.74], (48.58, 7.74)),
        ({"type": "Point", "coordinates": [7.74, 48.58]}, (48.58, 7.74)),
        ('{"lat": 48.58, "lon": 7.74}', (48.58, 7.74)),
        ("48.8462, 2.3447", None),  # Paris: outside the map area
        ("not a point", None),
        (None, None),
    ],
)
def test_coordinates(value: Any, expected: tuple[float, float] | None) -> None:
    assert coordinates(value) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"publics_concernes": "Tout public, Scolaires"}, ("public", "schools")),
        ({"grandpublic_reservation_email": "a@example.org"}, ("public",)),
        ({"scolaire_reservation_lien_d_inscription": "https://x"}, ("schools",)),
        ({"publics_concernes": "Chercheurs et entreprises"}, ("researchers", "companies")),
        ({}, ()),  # nothing said, nothing invented
    ],
)
def test_audiences(fields: dict[str, str], expected: tuple[str, ...]) -> None:
    assert audiences(fields) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interprètes en langue des signes française (LSF)", ("sign_language",)),
        ("Accessible aux personnes à mobilité réduite, LSF", ("sign_language", "wheelchair")),
        ("Accès PMR", ("wheelchair",)),
        ("Boucle magnétique", ()),
        ("", ()),
    ],
)
def test_accessibility(text: str, expected: tuple[str, ...]) -> None:
    assert accessibility(text) == expected


@pytest.mark.parametrize(
    ("value", "cancelled"),
    [("oui", True), ("Annulé", True), (True, True), ("1", True), ("non", False), ("", False),
     (None, False), (False, False)],
)
def test_is_cancelled(value: Any, cancelled: bool) -> None:
    assert is_cancelled(value) is cancelled


@pytest.mark.parametrize(
    ("identifiant", "expected"),
    [("test-0001", "fds-test-0001"), ("ABC 12/34", "fds-abc-12-34"), ("x" * 100, "fds-" + "x" * 60)],
)
def test_event_id_is_a_valid_id(identifiant: str, expected: str) -> None:
    assert event_id(identifiant) == expected


# --- the import --------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [FDS_CSV, FDS_JSON])
def test_first_import_adds_the_grand_est_events(data_dir: Path, source: Path) -> None:
    summary = run_import(source, data_dir)
    assert (summary.read, summary.kept, summary.added, summary.updated) == (7, 6, 4, 0)
    assert sorted((r.position, r.code) for r in summary.rejected) == (
        [(5, "bad_date"), (8, "missing_title")] if source == FDS_CSV
        else [(4, "bad_date"), (7, "missing_title")]
    )
    rows = {r["id"]: r for r in read_events(data_dir / "events.csv")}
    assert list(rows) == [
        "annual-day-2025", "fds-test-0001", "fds-test-0002", "fds-test-0005", "fds-test-0006",
    ]
    nuit = rows["fds-test-0001"]
    assert {k: nuit[k] for k in ("type", "start", "end", "city", "lat", "lon", "audience",
                                 "accessibility", "registration_url", "status", "source",
                                 "origin", "external_id", "description_fr")} == {
        "type": "fete_science", "start": "2025-10-03", "end": "", "city": "Vandœuvre-lès-Nancy",
        "lat": "48.6565", "lon": "6.1713", "audience": "public", "accessibility": "sign_language",
        "registration_url": "https://example.org/inscription/1", "status": "confirmed",
        "source": "https://example.org/evenement/test-0001", "origin": "fds",
        "external_id": "test-0001", "description_fr": "Soirée d'essai pour les tests.",
    }
    village = rows["fds-test-0002"]
    assert (village["start"], village["end"], village["audience"]) == ("2025-10-11", "2025-10-12", "schools")
    assert village["source"] == "fr-esr-fete-de-la-science-25"  # no canonical link: the data set
    assert rows["fds-test-0006"]["start"] == "2025-10-09"  # from horaires_iso
    assert rows["annual-day-2025"] == {k: ANNUAL_DAY.get(k, "") for k in HEADER}


def test_hostile_title_is_kept_as_text_and_loads(data_dir: Path) -> None:
    run_import(FDS_CSV, data_dir)
    rows = {r["id"]: r for r in read_events(data_dir / "events.csv")}
    hostile = rows["fds-test-0005"]
    assert hostile["title_fr"] == '<img src=x onerror=alert(1)>; "=HYPERLINK(""x"")" sur deux lignes'
    assert hostile["status"] == "cancelled"
    result = load_table(data_dir, EVENTS)
    assert [p for p in result.problems if p.level is Level.ERROR] == []
    assert len(result.frame) == 5


@pytest.mark.parametrize("second", [FDS_CSV, FDS_JSON])
def test_running_twice_adds_nothing_and_does_not_rewrite(data_dir: Path, second: Path) -> None:
    run_import(FDS_CSV, data_dir)
    before = (data_dir / "events.csv").read_bytes()
    summary = run_import(second, data_dir)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 4)
    assert (data_dir / "events.csv").read_bytes() == before


def test_changed_source_updates_only_the_owned_columns(data_dir: Path, tmp_path: Path) -> None:
    run_import(FDS_CSV, data_dir)
    events = data_dir / "events.csv"
    rows = read_events(events)
    for row in rows:  # the staff add an axis and an English title to an imported row
        if row["id"] == "fds-test-0001":
            row.update(axes="nlp", title_en="Science night")
    write_events(events, rows)
    changed = json.loads(FDS_JSON.read_text(encoding="utf-8"))
    changed["results"][0]["titre_fr"] = "Nuit de la science (titre modifié)"
    source = tmp_path / "fr-esr-fete-de-la-science-25.json"
    source.write_text(json.dumps(changed), encoding="utf-8")
    summary = run_import(source, data_dir)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 3)
    row = next(r for r in read_events(events) if r["id"] == "fds-test-0001")
    assert (row["title_fr"], row["axes"], row["title_en"]) == (
        "Nuit de la science (titre modifié)", "nlp", "Science night",
    )


def test_hand_edited_rows_are_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    edited = {**ANNUAL_DAY, "id": "nuit-science-2025", "title_fr": "Nuit de la science (corrigée)",
              "type": "fete_science", "start": "2025-10-03", "origin": "manual",
              "external_id": "test-0001"}
    taken = {**ANNUAL_DAY, "id": "fds-test-0002", "title_fr": "Saisie à la main", "origin": ""}
    write_events(folder / "events.csv", [edited, taken])
    summary = run_import(FDS_CSV, folder)
    assert (summary.added, summary.protected) == (2, 2)
    rows = {r["id"]: r for r in read_events(folder / "events.csv")}
    assert rows["nuit-science-2025"]["title_fr"] == "Nuit de la science (corrigée)"
    assert rows["fds-test-0002"]["title_fr"] == "Saisie à la main"
    assert "fds-test-0001" not in rows


@pytest.mark.parametrize(
    ("origin", "imported"),
    [
        ("fds", True),
        (" FDS ", True),
        ("Import Fête de la science", True),  # the label, as the loader reads it
        ("import fete de la science", True),
        ("manual", False),
        ("Saisie manuelle", False),
        ("", False),  # empty: manual
        ("importé", False),  # unreadable: protected, never overwritten
    ],
)
def test_origin_is_read_as_the_loader_reads_it(data_dir: Path, origin: str, imported: bool) -> None:
    run_import(FDS_CSV, data_dir)
    events = data_dir / "events.csv"
    rows = read_events(events)
    for row in rows:
        if row["id"] == "fds-test-0001":
            row.update(origin=origin, title_fr="Titre corrigé à la main")
    write_events(events, rows)
    summary = run_import(FDS_CSV, data_dir)
    assert (summary.updated, summary.protected) == ((1, 0) if imported else (0, 1))
    row = next(r for r in read_events(events) if r["id"] == "fds-test-0001")
    assert (row["title_fr"] == "Titre corrigé à la main") is not imported


def test_french_excel_file_keeps_its_dialect(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_events(folder / "events.csv", [ANNUAL_DAY], encoding="cp1252", separator=";",
                 newline="\r\n")
    summary = run_import(FDS_CSV, folder)
    assert summary.added == 4
    assert not summary.reencoded
    data = (folder / "events.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")
    rows = read_events(folder / "events.csv", encoding="cp1252", separator=";")
    assert rows[0]["title_fr"] == "Première journée annuelle"
    assert rows[1]["city"] == "Vandœuvre-lès-Nancy"  # œ exists in Windows-1252


def test_cp1252_file_is_reencoded_when_it_cannot_hold_a_character(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    write_events(folder / "events.csv", [ANNUAL_DAY], encoding="cp1252", separator=";")
    source = tmp_path / "fds.json"
    source.write_text(json.dumps([{"identifiant": "t1", "titre_fr": "Łódź ⚛ atelier",
                                   "dates": "2025-10-04", "region": "Grand Est"}]), encoding="utf-8")
    summary = run_import(source, folder)
    assert summary.reencoded
    assert "UTF-8" in report(summary, "en", dry_run=False)
    rows = read_events(folder / "events.csv", encoding="utf-8-sig", separator=";")
    assert rows[1]["title_fr"] == "Łódź ⚛ atelier"
    assert rows[0]["title_fr"] == "Première journée annuelle"


def test_missing_events_file_is_created(tmp_path: Path) -> None:
    summary = run_import(FDS_CSV, tmp_path)
    assert summary.added == 4
    assert read_events(tmp_path / "events.csv")[0]["id"] == "fds-test-0001"


def test_report_lists_rejections_with_line_numbers() -> None:
    summary = run_import(FDS_CSV, FIXTURES / "no-such-dir", dry_run=True)
    assert report(summary, "en", dry_run=True).splitlines() == [
        "Read: 7; Grand Est: 6; added: 4; updated: 0; unchanged: 0; rejected: 2; "
        "left alone (hand-edited): 0.",
        '  line 5: invalid date “2025-02-30”',
        "  line 8: title (titre_fr) missing",
        "Dry run (--dry-run): no file changed.",
    ]


def test_progress_bar_for_large_files(data_dir: Path) -> None:
    stream = io.StringIO()
    run_import(FDS_CSV, data_dir, progress_stream=stream, progress_min=5)
    assert stream.getvalue().endswith("[" + "#" * 30 + "] 100% 7/7\n")
    quiet = io.StringIO()
    run_import(FDS_CSV, data_dir, progress_stream=quiet)  # 7 records: too few for a bar
    assert quiet.getvalue() == ""


# --- the command -------------------------------------------------------------------------------


def test_cli_dry_run_writes_nothing(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (data_dir / "events.csv").read_bytes()
    status = cli_main([str(FDS_CSV), "--data-dir", str(data_dir), "--dry-run"])
    assert status == 1  # rows were rejected
    assert (data_dir / "events.csv").read_bytes() == before
    out = capsys.readouterr().out
    assert "ajoutés\u00a0: 4" in out
    assert "ligne 5\u00a0: date invalide «\u202f2025-02-30\u202f»" in out


def test_cli_success_without_rejections(data_dir: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps({"results": [{"identifiant": "t1", "titre_fr": "Atelier",
                                              "dates": ["2025-10-04"], "departement": "57"}]}))
    assert cli_main([str(clean), "--data-dir", str(data_dir), "--lang", "de"]) == 0
    assert [r["id"] for r in read_events(data_dir / "events.csv")] == ["annual-day-2025", "fds-t1"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"total_count": 0}', "a list of records was expected"),
        ("a;b;c\n1;2;3\n", "is this a Fête de la science export?"),
    ],
)
def test_cli_unusable_file(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           content: str, message: str) -> None:
    source = tmp_path / "export.txt"
    source.write_text(content, encoding="utf-8")
    assert cli_main([str(source), "--data-dir", str(data_dir), "--lang", "en"]) == 2
    assert message in capsys.readouterr().err


def test_cli_missing_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main([str(FDS_CSV), "--data-dir", str(tmp_path / "nope"), "--lang", "en"]) == 2
    assert "Data directory not found" in capsys.readouterr().err


def test_fixture_files_are_not_modified(data_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in FIXTURES.iterdir()}
    run_import(FDS_CSV, data_dir)
    shutil.copy(FDS_JSON, data_dir / "copy.json")
    run_import(data_dir / "copy.json", data_dir)
    assert {p.name: p.read_bytes() for p in FIXTURES.iterdir()} == before
