"""Loaders fed hostile inputs: every bad row is reported with file, line and field, and nothing crashes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from enact_dash.data import Level, load_dataset
from enact_dash.data.problems import Outcome
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
        ({"relation": "adhérent"}, (2, "relation", "not_allowed", "error")),
        ({"name": ""}, (2, "name", "required", "error")),
        ({"id": "Bad Id!"}, (2, "id", "bad_id", "error")),
        ({"city": "Nanci"}, (2, "city", "city_not_found", "warning")),
        ({"lat": "abc", "lon": "6.2"}, (2, "lat", "not_a_number", "warning")),
        ({"lat": "6.18", "lon": "48.69"}, (2, "lat", "outside_map", "warning")),
        ({"lat": "48.69"}, (2, "lon", "coordinate_half", "warning")),
        ({"website": "www.inria.fr"}, (2, "website", "bad_url", "warning")),
        ({"website": "javascript:alert(1)"}, (2, "website", "bad_url", "warning")),
        ({"lead": "peut-être"}, (2, "lead", "not_a_boolean", "warning")),
        ({"country": "Italie"}, (2, "country", "bad_country", "warning")),
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


@pytest.mark.parametrize(
    ("source", "expected", "problems"),
    [
        ("Communiqué", "Communiqué", []),
        ("https://x.fr/a", "https://x.fr/a", []),
        ("Communiqué ; https://x.fr/a", "Communiqué ; https://x.fr/a", []),
        ("Communiqué;  https://x.fr/a ;", "Communiqué ; https://x.fr/a", []),  # spaces tidied, empty dropped
        ("Communiqué ; site : https://x.fr/a", "Communiqué ; site : https://x.fr/a",
         [(2, "source", "url_in_citation", "warning")]),  # a role word around an address: kept, reported
        ("Communiqué (https://x.fr/a)", "Communiqué (https://x.fr/a)",
         [(2, "source", "url_in_citation", "warning")]),
        ("", None, [(2, "source", "required", "error")]),
    ],
)
def test_a_source_is_citations_separated_by_semicolons(make_data_dir, source, expected, problems):
    data_dir = make_data_dir(partners=[partner(source=source)])
    assert problems_of(data_dir) == problems
    read = list(load_dataset(data_dir).partners["source"])
    assert read == ([expected] if expected is not None else [])


def test_the_bundled_sources_are_citations_without_role_words():
    dataset = load_dataset(Path(__file__).parents[2] / "data")
    assert [p for p in dataset.problems if p.code == "url_in_citation"] == []


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
    assert problem.format("en") == 'partners.csv:3: id: the id “p1” already exists on line 2'
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


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Appel « IA Cluster » : lauréat", "Appel «\u202fIA Cluster\u202f»\u00a0: lauréat"),
        ("Qui ? Quoi ! Où ; quand", "Qui\u202f? Quoi\u202f! Où\u202f; quand"),
        ("Journée  annuelle\u00a0: bilan", "Journée annuelle\u00a0: bilan"),  # spaces as the staff typed
        ("Atelier 10:30", "Atelier 10:30"),
        ("https://example.org/?q=1", "https://example.org/?q=1"),
    ],
)
def test_french_texts_keep_their_punctuation_on_its_line(make_data_dir, written, read):
    # A spreadsheet types plain spaces: a line of the page began with ":" or "»". The English text is
    # left as written, and so is the file.
    events = [dict(MINIMAL["events.csv"][0], title_fr=written, title_en=written)]
    data = make_data_dir(events=events)
    dataset = load_dataset(data)
    assert dataset.events.iloc[0]["title_fr"] == read
    assert dataset.events.iloc[0]["title_en"] == " ".join(written.split())
    assert written in (data / "events.csv").read_text(encoding="utf-8")


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
        ("nom complet,commune\nInria,Nancy\n", "column_missing_renamed"),
        ("nom,ville\nInria,Nancy\n", "column_missing"),  # the download's headers, but no id
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
    assert codes == {("institution", "unknown_partner_far"), ("axis", "unknown_axis")}


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


# --- rows whose cells do not match the first line ---------------------------------------------


SPLIT = "p1,Inria,,research_organisation,member,,,FR,48,6733,6.15,all,,test,n,e,d\n"  # 48.6733: 17 cells
FULL = "p0,Inria,,research_organisation,member,,,FR,48.6,6.1,all,,test,n,e,d\n"


@pytest.mark.parametrize(
    "text",
    [
        HEADER + "\n" + SPLIT,
        # The extra cell is empty, but the other rows have the first line's 16 cells: still shifted.
        HEADER + "\n" + FULL + SPLIT.replace(",n,e,d", ",,,"),
    ],
)
def test_a_decimal_comma_splits_a_row_and_leaves_it_out(make_data_dir, text):
    dataset = load_dataset(make_data_dir(partners=text))
    (problem,) = [p for p in dataset.problems if p.file == "partners.csv"]
    line = 3 if "p0" in text else 2
    assert (problem.line, problem.code, problem.level) == (line, "cells_more", Level.ERROR)
    message = problem.message("en")
    assert "17 cells" in message
    assert "the first line 16" in message
    assert "quotes" in message
    assert "48,6733" in message
    assert "point" in message
    assert list(dataset.partners["id"]) == (["p0"] if "p0" in text else [])


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("p1,Inria,,research_organisation,member,,,FR,,,,,test,,\n", [(2, "", "cells_fewer", "error")]),
        ("p1,Inria,,research_organisation,member,,,FR,,,,,test,,,,,\n", []),  # empty trailing cells
        ("p1,Inria,,research_organisation,member,,,FR,,,,,test,,,\n", []),
    ],
)
def test_a_row_must_have_the_cells_of_the_first_line(make_data_dir, row, expected):
    data_dir = make_data_dir(partners=HEADER + "\n" + row)
    assert problems_of(data_dir) == expected
    assert len(load_dataset(data_dir).partners) == (0 if expected else 1)


@pytest.mark.parametrize("cells", ["1", "15"])  # said without a plural to agree: a row of 1 cell happens
def test_a_short_row_message_counts_the_cells(cells):
    from enact_dash.data.problems import Problem

    message = Problem("partners.csv", 2, "", "cells_fewer", params=(("cells", cells), ("header", "16"),
                                                                      ("sep", ";"))).message("fr")
    assert message.startswith(f"cellules\u00a0: {cells} sur cette ligne, 16 sur la première ligne. ")
    assert "«\u202f;\u202f»" in message


def test_the_bundled_files_have_no_short_rows():
    """Why a short row is an error: spreadsheets write every cell, and so do the bundled files."""
    from enact_dash.config import BUNDLED_DATA_DIR
    from enact_dash.data.schemas import ALL_TABLES
    from enact_dash.data.tables import read_table

    for spec in ALL_TABLES:
        raw = read_table(BUNDLED_DATA_DIR / spec.name)
        assert all(len(cells) == len(raw.header) for cells in raw.rows), spec.name


def test_cell_count_errors_keep_spreadsheet_line_numbers(make_data_dir):
    text = (HEADER + "\n"
            + 'p1,"Inria\nNancy",,research_organisation,member,,,FR,,,,,test,,,\n'
            + "p2,X,,university,member,,,FR,48,6,6.1,,,test,n,e,d\n")
    assert problems_of(make_data_dir(partners=text)) == [(3, "", "cells_more", "error")]


# --- encodings ----------------------------------------------------------------------------------


def test_one_windows_1252_line_in_a_utf8_file_is_located_and_the_rest_stays_utf8(make_data_dir):
    rows = [partner(id="p1", name="Société A"), partner(id="p2", name="Université B"),
            partner(id="p3", name="Hôpital C")]
    text = csv_text(rows, PARTNERS.column_names)
    first, second, third = text.splitlines(keepends=True)[1:]
    head = text.splitlines(keepends=True)[0]
    data = (head + first).encode("utf-8") + second.encode("cp1252") + third.encode("utf-8")
    dataset = load_dataset(make_data_dir(partners=data))
    assert list(dataset.partners["name"]) == ["Société A", "Université B", "Hôpital C"]
    (problem,) = [p for p in dataset.problems if p.file == "partners.csv"]
    assert (problem.line, problem.code, problem.level) == (3, "line_cp1252", Level.WARNING)
    assert "CSV UTF-8" in problem.message("fr")
    assert problem.status("en") == "warning — value kept"


def test_a_windows_1252_line_after_a_multiline_cell_gets_its_spreadsheet_line(make_data_dir):
    data = ((HEADER + "\n" + 'p1,"Société\nA",,university,member,,,FR,,,,,test,,,\n').encode("utf-8")
            + "p2,Université,,university,member,,,FR,,,,,test,,,\n".encode("cp1252"))
    dataset = load_dataset(make_data_dir(partners=data))
    assert [(p.line, p.code) for p in dataset.problems if p.file == "partners.csv"] == [(3, "line_cp1252")]
    assert list(dataset.partners["name"]) == ["Société A", "Université"]


def test_a_file_wholly_in_windows_1252_loads_without_a_note(make_data_dir):
    text = csv_text([partner(name="Université de Lorraine", note_fr="Établissement porteur")],
                    PARTNERS.column_names, sep=";")
    dataset = load_dataset(make_data_dir(partners=text.encode("cp1252")))
    assert problems_of(make_data_dir(partners=text.encode("cp1252"))) == []
    assert dataset.partners.iloc[0]["note_fr"] == "Établissement porteur"


def test_excel_unicode_text_utf16_tab_separated_loads(make_data_dir):
    text = csv_text([partner(name="Université de Lorraine")], PARTNERS.column_names, sep="\t")
    data_dir = make_data_dir(partners=text.replace("\n", "\r\n").encode("utf-16"))
    assert problems_of(data_dir) == []
    assert load_dataset(data_dir).partners.iloc[0]["name"] == "Université de Lorraine"


# --- enumerations in the staff's language ------------------------------------------------------


def event(**cells: str) -> dict[str, str]:
    return dict(MINIMAL["events.csv"][0], **cells)


@pytest.mark.parametrize(
    ("cells", "column", "expected"),
    [
        ({"status": "annulé"}, "status", "cancelled"),
        ({"status": " ANNULE "}, "status", "cancelled"),
        ({"status": "Cancelled"}, "status", "cancelled"),
        ({"status": "abgesagt"}, "status", "cancelled"),
        ({"status": "Confirmé"}, "status", "confirmed"),
        ({"type": "Journée annuelle"}, "type", "annual_day"),
        ({"type": "ecole d'ete"}, "type", "summer_school"),
        ({"type": "summer-school"}, "type", "summer_school"),
        ({"audience": "Grand public|scolaires"}, "audience", ("public", "schools")),
        ({"accessibility": "Interprètes en langue des signes"}, "accessibility", ("sign_language",)),
    ],
)
def test_events_accept_the_labels_the_app_shows(make_data_dir, cells, column, expected):
    dataset = load_dataset(make_data_dir(events=[event(**cells)]))
    assert [p for p in dataset.problems if p.file == "events.csv"] == []
    assert dataset.events.iloc[0][column] == expected


@pytest.mark.parametrize(
    ("cells", "column", "expected"),
    [({"type": "Université"}, "type", "university"), ({"type": "organisme de recherche"}, "type",
                                                       "research_organisation"),
     ({"relation": "Membre"}, "relation", "member"), ({"relation": "Kooperation"}, "relation",
                                                      "cooperation")],
)
def test_partners_accept_the_labels_the_app_shows(make_data_dir, cells, column, expected):
    dataset = load_dataset(make_data_dir(partners=[partner(**cells)]))
    assert problems_of(make_data_dir(partners=[partner(**cells)])) == []
    assert dataset.partners.iloc[0][column] == expected


def test_every_label_names_one_id_of_its_vocabulary():
    from enact_dash.data import columns, vocab
    from enact_dash.i18n import LANGS, t

    kinds = {"partner_type": vocab.PARTNER_TYPES, "relation": vocab.RELATIONS,
             "event_type": vocab.EVENT_TYPES, "audience": vocab.AUDIENCES,
             "accessibility": vocab.ACCESSIBILITY, "event_status": vocab.EVENT_STATUSES,
             "chair_status": vocab.CHAIR_STATUSES, "pillar": vocab.PILLARS,
             "action_status": vocab.ACTION_STATUSES}
    for kind, ids in kinds.items():
        for value in ids:
            for lang in LANGS:
                label = t(f"vocab.{kind}.{value}", lang)
                assert columns.choice(ids, kind)(label) == value, (kind, lang, label)


def test_an_unknown_event_status_leaves_the_event_out(make_data_dir):
    dataset = load_dataset(make_data_dir(events=[event(status="reporté")]))
    assert problems_of(make_data_dir(events=[event(status="reporté")]), "events.csv") == [
        (2, "status", "not_allowed", "error")]
    assert dataset.events.empty


def test_an_empty_event_status_is_planned(make_data_dir):
    dataset = load_dataset(make_data_dir(events=[event(status="")]))
    assert dataset.events.iloc[0]["status"] == "planned"


def test_an_unknown_action_status_says_what_the_row_is_treated_as(make_data_dir):
    actions = [dict(MINIMAL["actions.csv"][0], status="terminé")]
    dataset = load_dataset(make_data_dir(actions=actions))
    (problem,) = [p for p in dataset.problems if p.file == "actions.csv"]
    assert (problem.code, problem.level) == ("not_allowed_default", Level.WARNING)
    assert problem.message("fr").endswith("traitée comme «\u202fPrévue (planned)\u202f»")
    assert dataset.actions.iloc[0]["status"] == "planned"


# --- columns ---------------------------------------------------------------------------------------


def test_a_renamed_required_column_names_the_unknown_columns(make_data_dir):
    from enact_dash.data.schemas import EVENTS
    from tests.conftest import csv_text as to_csv

    names = [("début" if n == "start" else n) for n in EVENTS.column_names]
    rows = [{("début" if k == "start" else k): v for k, v in MINIMAL["events.csv"][0].items()}]
    dataset = load_dataset(make_data_dir(events=to_csv(rows, names)))
    (problem,) = [p for p in dataset.problems if p.file == "events.csv"]
    assert (problem.line, problem.field, problem.code) == (1, "start", "column_missing_renamed")
    assert "no row of the file can be read" in problem.message("en")
    assert "début" in problem.message("en")
    assert problem.status("fr") == "erreur — fichier ignoré"
    assert dataset.events.empty
    assert "events.csv" in dataset.unreadable


def test_a_renamed_optional_column_names_the_absent_ones(make_data_dir):
    from enact_dash.data.schemas import CHAIRS

    names = [("titulaire" if n == "holder" else n) for n in CHAIRS.column_names]
    row = {("titulaire" if k == "holder" else k): v for k, v in MINIMAL["chairs.csv"][0].items()}
    found = load_dataset(make_data_dir(chairs=csv_text([row], names))).problems
    by_code = {p.code: p for p in found if p.file == "chairs.csv"}
    assert set(by_code) == {"column_unknown_absent", "column_absent"}
    assert by_code["column_unknown_absent"].field == "titulaire"
    assert "holder" in by_code["column_unknown_absent"].message("en")
    assert (by_code["column_absent"].line, by_code["column_absent"].field) == (1, "holder")


def test_a_deleted_optional_column_is_a_warning_on_line_one(make_data_dir):
    from enact_dash.data.schemas import TARGETS

    names = [n for n in TARGETS.column_names if n != "latest_value"]
    found = problems_of(make_data_dir(targets=csv_text(MINIMAL["targets.csv"], names)), "targets.csv")
    assert found == [(1, "latest_value", "column_absent", "warning")]


# --- actions.csv: status_as_of, a column added after the files were in use -------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-12-12", "2025-12-12"),
        ("12/12/2025", "2025-12-12"),  # as a French spreadsheet writes it
        ("2025-12", "2025-12"),
        ("2025", "2025"),
        ("", None),  # not given: the page says so where it matters
    ],
)
def test_an_actions_status_date_is_read_with_its_precision(make_data_dir, cell, expected):
    dataset = load_dataset(make_data_dir(actions=[dict(MINIMAL["actions.csv"][0], status_as_of=cell)]))
    assert [p for p in dataset.problems if p.file == "actions.csv"] == []
    value = dataset.actions.iloc[0]["status_as_of"]
    assert (value.iso() if value is not None else None) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [("déc. 2025", "bad_date"), ("45638", "spreadsheet_date"), ("12/12/25", "short_year"),
     ("2025-13", "bad_month"), ("2025-02-30", "bad_day")],
)
def test_a_bad_status_date_is_located_and_leaves_the_status_undated(make_data_dir, cell, code):
    rows = [*MINIMAL["actions.csv"], dict(MINIMAL["actions.csv"][0], id="other", status_as_of=cell)]
    dataset = load_dataset(make_data_dir(actions=rows))
    found = [(p.file, p.line, p.field, p.code, p.level.value) for p in dataset.problems]
    assert found == [("actions.csv", 3, "status_as_of", code, "warning")]
    assert list(dataset.actions["id"]) == ["chairs-2026", "other"]  # the row stays, its date unknown
    assert dataset.actions.iloc[1]["status_as_of"] is None


def test_an_actions_file_written_before_the_status_date_loads_without_a_word(make_data_dir):
    from enact_dash.data.schemas import ACTIONS

    names = [n for n in ACTIONS.column_names if n != "status_as_of"]
    dataset = load_dataset(make_data_dir(actions=csv_text(MINIMAL["actions.csv"], names)))
    assert dataset.problems == ()
    assert dataset.actions.iloc[0]["status_as_of"] is None


@pytest.mark.parametrize("header", ["Status as of", "STATUS_AS_OF", " status-as-of "])
def test_the_status_date_is_found_by_its_name_anywhere_in_the_first_line(make_data_dir, header):
    from enact_dash.data.schemas import ACTIONS

    names = list(reversed(ACTIONS.column_names))  # the columns in another order, as a spreadsheet may
    row = dict(MINIMAL["actions.csv"][0], status_as_of="2025-12-12")
    lines = [";".join(header if n == "status_as_of" else n for n in names),
             ";".join(row.get(n, "") for n in names)]
    dataset = load_dataset(make_data_dir(actions="\n".join(lines) + "\n"))
    assert dataset.problems == ()
    assert dataset.actions.iloc[0]["status_as_of"].iso() == "2025-12-12"


def test_a_renamed_status_date_column_is_named_as_absent(make_data_dir):
    from enact_dash.data.schemas import ACTIONS

    names = [("état au" if n == "status_as_of" else n) for n in ACTIONS.column_names]
    row = {("état au" if k == "status_as_of" else k): v
           for k, v in dict(MINIMAL["actions.csv"][0], status_as_of="2025-12-12").items()}
    (problem,) = load_dataset(make_data_dir(actions=csv_text([row], names))).problems
    assert (problem.file, problem.line, problem.field, problem.code) == (
        "actions.csv", 1, "état_au", "column_unknown_absent")
    assert "status_as_of" in problem.message("en")


def test_the_bundled_statuses_are_dated_by_their_source():
    from enact_dash.config import BUNDLED_DATA_DIR

    actions = load_dataset(BUNDLED_DATA_DIR).actions
    press_release = actions[actions["source"].str.startswith("Communiqué de presse, journée annuelle")]
    assert len(press_release) == len(actions) == 8
    assert {d.iso() for d in press_release["status_as_of"]} == {"2025-12"}  # the press release


# --- references to rows left out or files unread -----------------------------------------------


def test_a_reference_to_a_partner_left_out_names_its_line(make_data_dir):
    partners = [*MINIMAL["partners.csv"], partner(id="cnrs", type="labo")]
    chairs = [dict(MINIMAL["chairs.csv"][0], institution="cnrs")]
    dataset = load_dataset(make_data_dir(partners=partners, chairs=chairs))
    (problem,) = [p for p in dataset.problems if p.file == "chairs.csv"]
    assert (problem.code, problem.params) == ("ref_left_out", (("target", "partners.csv"), ("line", "4")))
    assert problem.message("en") == '“cnrs” ignored: its row is left out, see partners.csv:4'


@pytest.mark.parametrize("axes", [None, "nom,source\nx,y\n"])
def test_references_into_an_unreadable_axes_file_say_so(make_data_dir, axes):
    data_dir = make_data_dir(**({"axes": axes} if axes else {}))
    if axes is None:
        (data_dir / "axes.csv").unlink()
    dataset = load_dataset(data_dir)
    refs = [p for p in dataset.problems if p.field in ("axes", "axis")]
    assert refs
    assert all(p.code == "ref_unreadable" for p in refs)
    assert "axes.csv could not be read" in refs[0].message("en")
    assert "known" not in refs[0].message("en")


# --- dates, numbers, formulas -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code", "words"),
    [
        ("2026-11-31", "bad_day", "30 days"),
        ("31/11/2026", "bad_day", "30 days"),
        ("2025-02-29", "bad_day", "28 days"),
        ("2026-13", "bad_month", "01 to 12"),
        ("next week", "bad_date", "YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or DD.MM.YYYY"),
        ("0000", "bad_date", "DD.MM.YYYY"),
    ],
)
def test_date_messages_say_what_is_wrong(make_data_dir, value, code, words):
    dataset = load_dataset(make_data_dir(milestones=[dict(MINIMAL["milestones.csv"][0], date=value)]))
    (problem,) = [p for p in dataset.problems if p.file == "milestones.csv"]
    assert problem.code == code
    assert words in problem.message("en")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30 000 000", 30_000_000), ("30\u00a0000\u00a0000", 30_000_000),
        ("30\u202f000\u202f000", 30_000_000),
        ("2,5", 2.5), ("2.5", 2.5), ("1.234.567", 1_234_567), ("1.234,5", 1234.5), ("30,000,000", 30_000_000),
        ("1,234.5", 1234.5), ("-3", -3), (" 2500 ", 2500), ("1 500,5", 1500.5), ("1\u202f500.25", 1500.25),
        ("0,125", 0.125), ("0.500", 0.5), ("1,5", 1.5), ("1,25", 1.25), ("1,2340", 1.234),
        ("12345,678", 12345.678),
    ],
)
def test_numbers_as_spreadsheets_write_them(value, expected):
    from enact_dash.data.numbers import number

    assert number(value) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("abc", "not_a_number"), ("nan", "not_a_number"), ("inf", "not_a_number"), ("1_000", "not_a_number"),
        ("1.2.3,4,5", "not_a_number"), ("1,2,3", "not_a_number"),
        # letters with a space: no number at all, not "a space between figures" (the advice to drop the
        # space would give "30m2", no number either)
        ("30 M", "not_a_number"), ("30 m2", "not_a_number"), ("2 MW", "not_a_number"),
        ("12 €/h", "not_a_number"),
        # spaces only between groups of three digits: 125 or 12,5?
        ("12 5", "number_spaces"), ("1 50", "number_spaces"), ("1 5000", "number_spaces"),
        # one separator and three digits: 1.5 or 1500 (1,234: 1.234 or 1234), never read as either
        ("1,500", "ambiguous_number"), ("1.500", "ambiguous_number"), ("1,234", "ambiguous_number"),
        ("-2,500", "ambiguous_number"), ("999.999", "ambiguous_number"),
    ],
)
def test_not_numbers(value, code):
    from enact_dash.data.numbers import number
    from enact_dash.data.problems import FieldError

    with pytest.raises(FieldError) as caught:
        number(value)
    assert caught.value.code == code


@pytest.mark.parametrize(("cell", "expected"), [("48,673", 48.673), ("6.153", 6.153), ("48,6733", 48.6733)])
def test_a_coordinate_is_a_decimal(cell, expected):
    from enact_dash.data.columns import latitude, longitude

    assert latitude(cell) == longitude(cell) == pytest.approx(expected)


def figure(**cells: str) -> dict[str, str]:
    return dict(MINIMAL["figures.csv"][0], **cells)


@pytest.mark.parametrize(
    ("cells", "problem", "kept"),
    [
        ({"value": "30 000 000 €", "unit": "eur"}, ("value", "unit_in_value", "warning"), ("eur", 3e7)),
        ({"value": "30 000 000 €", "unit": ""}, ("value", "unit_from_value", "warning"), ("eur", 3e7)),
        ({"value": "45 %", "unit": "percent"}, ("value", "unit_in_value", "warning"), ("percent", 45)),
        ({"value": "30 000 000 €", "unit": "count"}, ("value", "unit_conflict", "error"), None),
        ({"value": "30 M€", "unit": "eur"}, ("value", "scaled_amount", "error"), None),
        ({"value": "1,500", "unit": "count"}, ("value", "ambiguous_number", "error"), None),
        ({"value": "60 000 000", "unit": "eur"}, None, ("eur", 6e7)),  # spaces between thousands: read
        ({"value": "€30,000,000", "unit": "eur"}, ("value", "unit_in_value", "warning"), ("eur", 3e7)),
    ],
)
def test_a_unit_written_in_the_value(make_data_dir, cells, problem, kept):
    data_dir = make_data_dir(figures=[figure(**cells)])
    assert [p[1:] for p in problems_of(data_dir, "figures.csv")] == ([problem] if problem else [])
    frame = load_dataset(data_dir).figures
    if kept is None:
        assert frame.empty
    else:
        assert (frame.iloc[0]["unit"], frame.iloc[0]["value"]) == kept


def test_a_unit_in_the_value_message_points_at_the_unit_column(make_data_dir):
    dataset = load_dataset(make_data_dir(figures=[figure(value="30 000 000 €")]))
    (problem,) = [p for p in dataset.problems if p.file == "figures.csv"]
    assert "unit column" in problem.message("en")
    assert problem.status("en") == "warning — value kept"


@pytest.mark.parametrize(
    ("cells", "expected", "kept"),
    [
        ({"note_fr": '=CONCATENER("a";"b")'}, (2, "note_fr", "formula_kept", "warning"), True),
        ({"website": '=LIEN_HYPERTEXTE("https://www.inria.fr")'}, (2, "website", "formula", "warning"), True),
        ({"id": "=A1"}, (2, "id", "formula", "error"), False),
    ],
)
def test_a_formula_saved_as_text_is_reported(make_data_dir, cells, expected, kept):
    data_dir = make_data_dir(partners=[partner(**cells)])
    assert problems_of(data_dir) == [expected]
    frame = load_dataset(data_dir).partners
    assert (len(frame) == 1) is kept
    if "note_fr" in cells:
        assert frame.iloc[0]["note_fr"] == cells["note_fr"]  # kept as written, with the warning
    if "website" in cells:
        assert frame.iloc[0]["website"] == ""


# --- axes written as the site names them ---------------------------------------------------------
# MINIMAL's axes: nlp ("Langues", "Language", "Sprache"), health ("Santé numérique", "Digital health",
# "Digitale Gesundheit").


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("health", ("health",)),
        ("Santé numérique", ("health",)),
        ("  sante   NUMERIQUE ", ("health",)),  # case, accents, spaces
        ("Digital-Health", ("health",)),
        ("digitale gesundheit|Langues|", ("health", "nlp")),  # trailing separator
        ("NLP | language", ("nlp",)),  # the same axis twice
        ("Tous les axes", ("all",)),
        ("alle achsen", ("all",)),
        ("all|health", ("all", "health")),
        ("|", ()),
    ],
)
@pytest.mark.parametrize("file", ["partners.csv", "events.csv", "actions.csv"])
def test_axes_accept_the_names_the_site_shows(make_data_dir, file, cell, expected):
    rows = [dict(MINIMAL[file][0], axes=cell)]
    dataset = load_dataset(make_data_dir(**{file.removesuffix(".csv"): rows}))
    assert [p for p in dataset.problems if p.file == file] == []
    assert dataset.tables[file.removesuffix(".csv")].iloc[0]["axes"] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("health", "health"), ("Digitale Gesundheit", "health"), (" langues ", "nlp"), ("", "")],
)
def test_the_chair_axis_accepts_the_axis_names(make_data_dir, cell, expected):
    dataset = load_dataset(make_data_dir(chairs=[dict(MINIMAL["chairs.csv"][0], axis=cell)]))
    assert [p for p in dataset.problems if p.file == "chairs.csv"] == []
    assert dataset.chairs.iloc[0]["axis"] == expected


@pytest.mark.parametrize(
    ("file", "column", "cell", "kept", "lang", "message"),
    [
        ("partners.csv", "axes", "Robotique|santé numérique", ("health",), "fr",
         "axe inconnu «\u202fRobotique\u202f» (connus\u00a0: Langues (nlp), Santé numérique "
         "(health), Tous les axes (all))"),
        ("partners.csv", "axes", "Robotics|health", ("health",), "en",
         'unknown axis “Robotics” (known: Language (nlp), Digital health (health), All axes (all))'),
        ("events.csv", "axes", "Robotik", (), "de",
         "unbekannte Achse „Robotik“ (bekannt: Sprache (nlp), Digitale Gesundheit (health), "
         "Alle Achsen (all))"),
        ("actions.csv", "axes", "nlp, Robotique", (), "fr",  # "," but a part names nothing: one value
         "axe inconnu «\u202fnlp, Robotique\u202f» (connus\u00a0: Langues (nlp), Santé numérique (health), "
         "Tous les axes (all))"),
        ("chairs.csv", "axis", "Tous les axes", "", "fr",  # a chair has one axis
         "axe inconnu «\u202fTous les axes\u202f» (connus\u00a0: Langues (nlp), Santé numérique (health))"),
    ],
)
def test_an_axis_that_names_nothing_is_located_with_the_names(make_data_dir, file, column, cell, kept,
                                                              lang, message):
    key = file.removesuffix(".csv")
    dataset = load_dataset(make_data_dir(**{key: [dict(MINIMAL[file][0], **{column: cell})]}))
    (problem,) = [p for p in dataset.problems if p.file == file]
    assert (problem.line, problem.field, problem.code, problem.level) == (2, column, "unknown_axis",
                                                                          Level.WARNING)
    assert problem.message(lang) == message
    assert dataset.tables[key].iloc[0][column] == kept


@pytest.mark.parametrize(
    ("file", "cell", "expected", "notes"),
    [
        ("partners.csv", "nlp, health", ("nlp", "health"), [("nlp, health", ",", "nlp|health")]),
        ("events.csv", "Langues ; Santé numérique", ("nlp", "health"),
         [("Langues ; Santé numérique", ";", "nlp|health")]),
        ("actions.csv", "nlp,health|all", ("nlp", "health", "all"), [("nlp,health", ",", "nlp|health")]),
    ],
)
def test_axes_typed_with_a_comma_or_semicolon_are_read_with_a_note(make_data_dir, file, cell, expected,
                                                                   notes):
    key = file.removesuffix(".csv")
    dataset = load_dataset(make_data_dir(**{key: [dict(MINIMAL[file][0], axes=cell)]}))
    found = [p for p in dataset.problems if p.file == file]
    assert [(dict(p.params)["item"], dict(p.params)["sep"], dict(p.params)["read"]) for p in found] == notes
    assert {(p.line, p.field, p.code, p.level, p.outcome) for p in found} == {
        (2, "axes", "wrong_separator", Level.WARNING, Outcome.VALUE_KEPT)}
    assert dataset.tables[key].iloc[0]["axes"] == expected


def test_the_separator_note_says_what_was_read_and_how_to_write_it(make_data_dir):
    dataset = load_dataset(make_data_dir(partners=[dict(MINIMAL["partners.csv"][0], axes="nlp, health")]))
    (problem,) = [p for p in dataset.problems if p.file == "partners.csv"]
    assert problem.message("fr") == (
        "«\u202fnlp, health\u202f»\u00a0: lu comme plusieurs valeurs (nlp|health)\u202f; séparez "
        "les valeurs d’une cellule par "
        "«\u202f|\u202f», pas par «\u202f,\u202f»")


AMBIGUOUS_AXES = [dict(MINIMAL["axes.csv"][0], name_de="KI"), dict(MINIMAL["axes.csv"][1], name_de="KI")]


@pytest.mark.parametrize(
    ("cell", "kept"), [("KI", ()), ("KI|Langues", ("nlp",)), ("nlp| KI |health", ("nlp", "health"))],
)
def test_an_axis_name_shared_by_two_axes_is_an_error_not_a_guess(make_data_dir, cell, kept):
    dataset = load_dataset(make_data_dir(axes=AMBIGUOUS_AXES, partners=[dict(MINIMAL["partners.csv"][0],
                                                                               axes=cell)]))
    (problem,) = [p for p in dataset.problems if p.file == "partners.csv"]
    assert (problem.line, problem.field, problem.code, problem.level) == (2, "axes", "ambiguous",
                                                                          Level.WARNING)
    assert problem.message("de") == ("„KI“ kann mehrere Werte bezeichnen: KI (nlp), KI (health). Schreiben "
                                     "Sie den gemeinten Wert mit seiner Kennung (in Klammern)")
    assert dataset.partners.iloc[0]["axes"] == kept


def test_an_axis_whose_row_is_left_out_is_named_by_its_line(make_data_dir):
    axes = [MINIMAL["axes.csv"][0], dict(MINIMAL["axes.csv"][1], source="")]
    partners = [dict(MINIMAL["partners.csv"][0], axes="HEALTH")]
    dataset = load_dataset(make_data_dir(axes=axes, partners=partners))
    (problem,) = [p for p in dataset.problems if p.file == "partners.csv"]
    assert (problem.code, problem.params) == ("ref_left_out", (("target", "axes.csv"), ("line", "3")))


def test_a_bad_value_in_a_list_keeps_the_others_and_says_so(make_data_dir):
    dataset = load_dataset(make_data_dir(events=[event(audience="Grand public|étudiants|Scolaires")]))
    (problem,) = [p for p in dataset.problems if p.file == "events.csv"]
    assert (problem.line, problem.field, problem.code) == (2, "audience", "not_allowed_item")
    assert problem.status("fr") == "avertissement — valeur ignorée"
    assert problem.message("fr").startswith(
        "«\u202fétudiants\u202f» n’est pas une valeur permise\u00a0: cette valeur est ignorée, les "
        "autres valeurs de la "
        "cellule sont gardées (permises\u00a0: Grand public (public), Scolaires (schools),")
    assert dataset.events.iloc[0]["audience"] == ("public", "schools")


@pytest.mark.parametrize(
    ("file", "cells", "column", "expected"),
    [
        ("figures.csv", {"unit": "Euros", "qualifier": "plus de"}, "unit", "eur"),
        ("figures.csv", {"unit": "Euros", "qualifier": "plus de"}, "qualifier", "min"),
        ("figures.csv", {"value": "30 000 000 €", "unit": "euro"}, "unit", "eur"),  # the sign agrees
        ("targets.csv", {"unit": "Pourcentage"}, "unit", "percent"),
        ("chairs.csv", {"call": "Appel 2025"}, "call", "2025"),
        ("events.csv", {"origin": "Import Fête de la science"}, "origin", "fds"),
    ],
)
def test_units_qualifiers_calls_and_origins_accept_their_labels(make_data_dir, file, cells, column, expected):
    key = file.removesuffix(".csv")
    dataset = load_dataset(make_data_dir(**{key: [dict(MINIMAL[file][0], **cells)]}))
    assert [p.code for p in dataset.problems if p.file == file and p.code != "unit_in_value"] == []
    assert dataset.tables[key].iloc[0][column] == expected


def test_problems_are_listed_by_file_then_line(make_data_dir):
    """The cross-file checks (here an axis) run after every file's own checks: the list is still in the
    order the staff read the files."""
    partners = [dict(MINIMAL["partners.csv"][0], axes="nope"),
                dict(MINIMAL["partners.csv"][1], type="spaceship")]
    events = [dict(MINIMAL["events.csv"][0], axes="nope")]
    dataset = load_dataset(make_data_dir(partners=partners, events=events))
    assert [(p.file, p.line, p.field) for p in dataset.problems] == [
        ("partners.csv", 2, "axes"), ("partners.csv", 3, "type"), ("events.csv", 2, "axes")]
