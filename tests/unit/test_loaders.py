"""Loaders fed hostile inputs: every bad row is reported with file, line and field, and nothing crashes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from enact_dash.data import Level, load_dataset
from enact_dash.data.schemas import PARTNERS
from tests.conftest import HOSTILE_NAME, MINIMAL, csv_text

HEADER = ",".join(PARTNERS.column_names)


def partner(**cells: str) -> dict[str, str]:
    row = {"id": "p1", "name": "Inria", "type": "research_organisation", "relation": "member",
           "city": "Villers-lès-Nancy", "country": "FR", "source": "test"}
    row.update(cells)
    return row


def problems_of(data_dir: Path, file: str = "partners.csv") -> list[tuple[int, str, str, str]]:
    dataset = load_dataset(data_dir)
    return [(p.line, p.field, p.code, p.level.value) for p in dataset.problems if p.file == file]


def test_minimal_directory_is_clean(make_data_dir):
    dataset = load_dataset(make_data_dir())
    assert dataset.problems == ()
    assert list(dataset.partners["id"]) == ["ul", "hus"]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"type": "startup"}, (2, "type", "not_allowed", "error")),
        ({"relation": "membre"}, (2, "relation", "not_allowed", "error")),
        ({"name": ""}, (2, "name", "required", "error")),
        ({"id": "Bad Id!"}, (2, "id", "bad_id", "error")),
        ({"city": "Nanci"}, (2, "city", "city_not_found", "warning")),
        ({"lat": "abc", "lon": "6.2"}, (2, "lat", "not_a_number", "warning")),
        ({"lat": "6.18", "lon": "48.69"}, (2, "lat", "outside_map", "warning")),
        ({"lat": "48.69"}, (2, "lon", "coordinate_half", "warning")),
        ({"website": "www.inria.fr"}, (2, "website", "bad_url", "warning")),
        ({"website": "javascript:alert(1)"}, (2, "website", "bad_url", "warning")),
        ({"lead": "peut-être"}, (2, "lead", "not_a_boolean", "warning")),
        ({"country": "France"}, (2, "country", "bad_country", "warning")),
        ({"axes": "nlp|robotics"}, (2, "axes", "unknown_axis", "warning")),
    ],
)
def test_bad_cells_are_located(make_data_dir, cells, expected):
    found = problems_of(make_data_dir(partners=[partner(**cells)]))
    assert expected in found


@pytest.mark.parametrize(
    ("cells", "kept"),
    [({"type": "startup"}, False), ({"city": "Nanci"}, True), ({"website": "www.x"}, True)],
)
def test_errors_leave_the_row_out_and_warnings_keep_it(make_data_dir, cells, kept):
    dataset = load_dataset(make_data_dir(partners=[partner(**cells)]))
    assert (len(dataset.partners) == 1) is kept


def test_city_is_resolved_with_the_gazetteer(make_data_dir):
    dataset = load_dataset(make_data_dir(partners=[partner(city="vandoeuvre-les-nancy")]))
    row = dataset.partners.iloc[0]
    assert row["lat"] == pytest.approx(48.66, abs=0.05)
    assert row["lon"] == pytest.approx(6.17, abs=0.05)


def test_a_partner_without_a_site_is_valid_and_unlocated(make_data_dir):
    data_dir = make_data_dir(partners=[partner(city="", country="FR")])
    assert problems_of(data_dir) == []
    dataset = load_dataset(data_dir)
    assert math.isnan(dataset.partners.iloc[0]["lat"])


def test_duplicate_id_names_the_first_line(make_data_dir):
    data_dir = make_data_dir(partners=[partner(), partner(name="Inria bis")])
    dataset = load_dataset(data_dir)
    (problem,) = [p for p in dataset.problems if p.code == "duplicate_id"]
    assert (problem.line, problem.params) == (3, (("line", "2"),))
    assert problem.format("en") == 'partners.csv:3: id: the id "p1" already exists on line 2'
    assert len(dataset.partners) == 1


def test_french_excel_csv_loads_like_utf8(make_data_dir):
    text = csv_text([partner(name="Université de Lorraine", city="Nancy", lat="48,6921", lon="6,1844")],
                    PARTNERS.column_names, sep=";").replace("\n", "\r\n")
    excel = make_data_dir(partners=text.encode("cp1252"))
    libre = make_data_dir(partners=("\ufeff" + text.replace(";", ",").replace("48,6921", "48.6921")
                                    .replace("6,1844", "6.1844")).encode("utf-8"))
    assert problems_of(excel) == problems_of(libre) == []
    a, b = load_dataset(excel), load_dataset(libre)
    assert a.partners.iloc[0]["name"] == b.partners.iloc[0]["name"] == "Université de Lorraine"
    assert a.partners.iloc[0]["lat"] == pytest.approx(48.6921)


def test_hostile_text_is_kept_verbatim(make_data_dir):
    dataset = load_dataset(make_data_dir(partners=[partner(name=HOSTILE_NAME)]))
    assert dataset.partners.iloc[0]["name"] == HOSTILE_NAME


def test_quoted_cell_with_newline_keeps_spreadsheet_line_numbers(make_data_dir):
    text = (HEADER + "\n"
            + 'p1,"Inria\nNancy",,research_organisation,member,,,FR,,,,,test,,,\n'
            + "p2,X,,bad,member,,,FR,,,,,test,,,\n")
    assert (3, "type", "not_allowed", "error") in problems_of(make_data_dir(partners=text))


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "file_empty"),
        (b"   \r\n", "file_empty"),
        (b"PK\x03\x04 fake workbook", "file_xlsx"),
        (b"\x00\x01\x02binary", "file_binary"),
        ("nom,ville\nInria,Nancy\n", "column_missing"),
    ],
)
def test_unusable_files_give_one_clear_problem(make_data_dir, content, code):
    found = problems_of(make_data_dir(partners=content))
    assert any(c == code for _, _, c, _ in found)
    dataset = load_dataset(make_data_dir(partners=content))
    assert dataset.partners.empty


def test_missing_file_and_missing_directory(make_data_dir, tmp_path):
    data_dir = make_data_dir()
    (data_dir / "events.csv").unlink()
    dataset = load_dataset(data_dir)
    assert [(p.file, p.code) for p in dataset.problems] == [("events.csv", "file_missing")]
    assert "events.csv" in dataset.unreadable
    empty = load_dataset(tmp_path / "nowhere")
    assert any(p.code == "dir_missing" for p in empty.problems)
    assert all(frame.empty for frame in empty.tables.values())


def test_unknown_column_is_a_warning_on_line_one(make_data_dir):
    text = HEADER + ",commentaire\n" + "p1,Inria,,research_organisation,member,,,FR,,,,,test,,,,hello\n"
    assert (1, "commentaire", "column_unknown", "warning") in problems_of(make_data_dir(partners=text))


def test_references_between_files(make_data_dir):
    chairs = [dict(MINIMAL["chairs.csv"][0], institution="nobody", axis="robotics")]
    dataset = load_dataset(make_data_dir(chairs=chairs))
    codes = {(p.field, p.code) for p in dataset.problems if p.file == "chairs.csv"}
    assert codes == {("institution", "unknown_partner"), ("axis", "unknown_axis")}


def test_event_end_before_start(make_data_dir):
    events = [dict(MINIMAL["events.csv"][0], start="2025-12-12", end="2025-12-01")]
    found = problems_of(make_data_dir(events=events), "events.csv")
    assert (2, "end", "end_before_start", "warning") in found


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_every_problem_has_a_message_in_every_language(make_data_dir, lang):
    dataset = load_dataset(make_data_dir(partners=[partner(type="x", city="Nanci", website="w")]))
    for problem in dataset.problems:
        message = problem.message(lang)
        assert message
        assert not message.startswith("problems.")
        assert "{" not in message
    assert all(p.level in (Level.ERROR, Level.WARNING) for p in dataset.problems)


def test_a_gazetteer_point_outside_the_map_is_reported(make_data_dir):
    # The shared communes file places Betting (57) at lon 49.1: a source quirk, reported, not drawn.
    data_dir = make_data_dir(partners=[partner(city="Betting")])
    assert (2, "city", "outside_map", "warning") in problems_of(data_dir)
    assert math.isnan(load_dataset(data_dir).partners.iloc[0]["lon"])
