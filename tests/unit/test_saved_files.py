"""Files as a spreadsheet or an editor may leave them: cut short while saving, a quote never closed.
Each is said where it is, and no row is lost without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from enact_dash.data import Level, load_dataset
from enact_dash.data.problems import Outcome
from enact_dash.data.schemas import PARTNERS
from enact_dash.data.tables import open_quote_at_end
from tests.conftest import MINIMAL, csv_text

REPO_PARTNERS = (Path(__file__).resolve().parents[2] / "data" / "partners.csv").read_bytes()
HEADER = ",".join(PARTNERS.column_names)
UL = "ul,Université de Lorraine,,university,member,oui,Nancy,FR,,,all,,test"
HUS = "hus,Hôpitaux Universitaires de Strasbourg,,hospital,member,,Strasbourg,FR,,,health,,test"


def stray_quote(line: int) -> bytes:
    """The real partners.csv with a quote opened before the French note of ``line`` and never closed."""
    lines = REPO_PARTNERS.decode("utf-8").split("\n")
    lines[line - 1] = lines[line - 1].replace(",Ville d’après", ',"Ville d’après', 1)
    assert '"Ville' in lines[line - 1]
    return "\n".join(lines).encode("utf-8")


@pytest.mark.parametrize(
    ("content", "code", "line", "message", "rows"),
    [
        # cut while saving, inside a quoted cell: the whole file is incomplete, none of it is shown
        (REPO_PARTNERS[:1500], "file_incomplete", 0,
         "partners.csv: fichier incomplet (enregistrement interrompu\u202f?)\u00a0: il s’arrête dans une "
         "cellule entre guillemets ouverte à la ligne 4", 0),
        (f'{HEADER}\n{UL},"Présent à Nancy\net à Me', "file_incomplete", 0,
         "ouverte à la ligne 2", 0),
        # a stray quote that a later quote closes: the next row was read into the cell
        (stray_quote(7), "quote_unclosed", 7,
         "partners.csv:7: note_fr: guillemet non fermé à la ligne 7\u00a0: la ligne 8 (hus) a été lue dans "
         "cette cellule", 16),
        # a stray quote that nothing closes: the rest of the file was read into the cell
        (f'{HEADER}\n{UL},"Ville d\'après le nom\n{HUS},\n', "quote_unclosed_end", 0,
         "partners.csv: guillemet non fermé à la ligne 2\u00a0: la ligne 3 (hus) a été lue dans cette "
         "cellule, jusqu’à la fin du fichier", 0),
        (f'{HEADER}\n{UL},"Ville\n{HUS},\n{HUS.replace("hus", "chru", 1)},\n',
         "quote_unclosed_end_many", 0, "les lignes 3 (hus), 4 (chru) ont été lues dans cette cellule", 0),
    ],
)
def test_a_file_cut_short_or_a_stray_quote_is_said(make_data_dir, content, code, line, message, rows):
    content = content if isinstance(content, bytes) else content.encode()
    dataset = load_dataset(make_data_dir(partners=content))
    found = [p for p in dataset.problems if p.file == "partners.csv"]
    assert [(p.code, p.line, p.level) for p in found] == [(code, line, Level.ERROR)]
    assert message in found[0].format("fr")
    assert found[0].outcome is (Outcome.FILE_LEFT_OUT if not line else Outcome.ROW_LEFT_OUT)
    assert len(dataset.partners) == rows


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_stray_quote_is_said_in_each_language(make_data_dir, lang):
    problem = next(p for p in load_dataset(make_data_dir(partners=stray_quote(7))).problems
                   if p.file == "partners.csv")
    assert {"en": "line 8 (hus) was read into this cell",
            "de": "Zeile 8 (hus) wurde in diese Zelle gelesen"}[lang] in problem.format(lang)


def test_a_chair_at_a_swallowed_partner_names_the_stray_quote_s_line(make_data_dir):
    chairs = [dict(MINIMAL["chairs.csv"][0], institution="hus")]
    dataset = load_dataset(make_data_dir(partners=stray_quote(7), chairs=chairs))
    (problem,) = [p for p in dataset.problems if p.file == "chairs.csv"]
    assert (problem.code, dict(problem.params)["line"]) == ("ref_left_out", "8")


@pytest.mark.parametrize(
    "note",
    [
        "Présent à Nancy\net à Metz.",  # a note over two lines
        "sites : nancy, metz, reims\nvoir aussi, la liste, du site",  # commas, but no id where it goes
        'Dit « ""oui"" »\n',  # escaped quotes
        "",
    ],
)
def test_a_quoted_cell_over_several_lines_is_fine(make_data_dir, note):
    rows = [dict(MINIMAL["partners.csv"][0], note_fr=note), MINIMAL["partners.csv"][1]]
    dataset = load_dataset(make_data_dir(partners=csv_text(rows, PARTNERS.column_names)))
    assert [p.format("en") for p in dataset.problems] == []
    assert len(dataset.partners) == 2


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ('a,b\n1,"x', True),
        ('a,b\n1,"x"', False),
        ('a,b\n1,"x""', True),  # an escaped quote, still open
        ('a,b\n1,"x"""', False),
        ('a,b\n1,5" screen', False),  # a quote inside a cell is a character
        ('a;b\r\n1;"x\r\n2;y', True),
        ('"a","b"\n"1","', True),
        ("", False),
    ],
)
def test_open_quote_at_end(text, open_):
    assert open_quote_at_end(text, ";" if ";" in text else ",") is open_
