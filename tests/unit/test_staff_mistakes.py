"""What a spreadsheet user really types: each mistake gives one located problem (file, line, column as
written, message in the staff's language), and nothing else of the file is lost."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from enact_dash.achievements.review import missing_figures
from enact_dash.data import Level, load_dataset
from enact_dash.data.labels import listed
from enact_dash.data.problems import Outcome
from enact_dash.data.schemas import CHAIRS, FIGURES, PARTNERS
from enact_dash.dates import spreadsheet_date
from enact_dash.filters import Filters
from enact_dash.home import home_view
from enact_dash.i18n import t
from tests.conftest import MINIMAL, csv_text


def partner(**cells: str) -> dict[str, str]:
    return dict(MINIMAL["partners.csv"][0], **cells)


def figure(**cells: str) -> dict[str, str]:
    return dict(MINIMAL["figures.csv"][0], **cells)


def chair(**cells: str) -> dict[str, str]:
    return dict(MINIMAL["chairs.csv"][0], **cells)


def with_header(spec_columns: tuple[str, ...], rows: list[dict[str, str]], **renamed: str) -> str:
    """The CSV of ``rows`` with some header cells written otherwise (``city="Ville"``)."""
    text = csv_text(rows, spec_columns)
    header, rest = text.split("\n", 1)
    cells = [renamed.get(name, name) for name in header.split(",")]
    return ",".join(cells) + "\n" + rest


def the_problem(data_dir, file: str, column: str | None = None):
    """The one problem of ``file`` (of its ``column`` as written, if given)."""
    found = [p for p in load_dataset(data_dir).problems
             if p.file == file and column in (None, p.column)]
    assert len(found) == 1, [p.format("en") for p in found]
    return found[0]


# --- one located message per mistake, in the language asked -----------------------------------

CASES = [
    # 1. the column quoted as written in the header, matched tolerantly
    ("partners", with_header(PARTNERS.column_names, [partner(type="startup")], type="  Type "),
     "partners.csv", 2, "Type", "fr",
     "partners.csv:2: Type: «\u202fstartup\u202f» n’est pas une valeur permise"),
    ("partners", with_header(PARTNERS.column_names, [partner()], city="Commune"),
     "partners.csv", 1, "Commune", "fr",
     "partners.csv:1: Commune: colonne inconnue, ignorée. Colonnes absentes du fichier, peut-être celle "
     "visée\u00a0: «\u202fcity\u202f»"),
    ("partners", with_header(PARTNERS.column_names, [partner()], city="Ville"),  # the download's header
     "partners.csv", 1, "Ville", "fr",
     "partners.csv:1: Ville: en-tête du téléchargement CSV du site, lu comme la colonne «\u202fcity\u202f»"),
    ("partners", with_header(PARTNERS.column_names, [partner()], name="Nom complet"),
     "partners.csv", 1, "name", "en", "Unknown columns of the first line, perhaps renamed: “Nom complet”"),
    ("partners", with_header(PARTNERS.column_names, [partner()], name="Nom complet"),
     "partners.csv", 1, "name", "de",
     "Unbekannte Spalten der ersten Zeile, vielleicht umbenannt: „Nom complet“"),
    ("chairs",
     with_header(CHAIRS.column_names, [chair(institution="nobody-here")], institution="INSTITUTION"),
     "chairs.csv", 2, "INSTITUTION", "en", "chairs.csv:2: INSTITUTION: unknown partner “nobody-here”"),
    # 2. a date that a spreadsheet turned into its date number: named, with the date it may be
    ("milestones", [dict(MINIMAL["milestones.csv"][0], date="45678")],
     "milestones.csv", 2, "date", "fr",
     "«\u202f45678\u202f» ressemble à un numéro de date de tableur (45678 = 2025-01-21\u202f?)"),
    ("milestones", [dict(MINIMAL["milestones.csv"][0], date="45678.0")],
     "milestones.csv", 2, "date", "en",
     "“45678.0” looks like a spreadsheet date number (45678 = 2025-01-21?)"),
    ("events", [dict(MINIMAL["events.csv"][0], end="46003,5")],
     "events.csv", 2, "end", "de", "„46003,5“ sieht wie eine Datumszahl einer Tabellenkalkulation aus "
     "(46003 = 2025-12-12?)"),
    # 3. a figure with a bad as_of is left out, located
    ("figures", [figure(as_of="45678")], "figures.csv", 2, "as_of", "fr",
     "figures.csv:2: as_of: «\u202f45678\u202f» ressemble à un numéro de date de tableur"),
    ("figures", [figure(as_of="déc. 2025")], "figures.csv", 2, "as_of", "en",
     "figures.csv:2: as_of: “déc. 2025” is not a date"),
    # 4. a country by its name: unknown ones list the names allowed
    ("partners", [partner(country="Italie")], "partners.csv", 2, "country", "fr",
     "«\u202fItalie\u202f» n’est pas un pays connu\u00a0: écrivez son code à deux lettres (DE, IT…) "
     "ou le nom d’un pays de "
     "la carte (permis\u00a0: France (FR), Allemagne (DE), Luxembourg (LU), Belgique (BE), Suisse (CH))"),
    ("partners", [partner(country="Italy")], "partners.csv", 2, "country", "en",
     "(allowed: France (FR), Germany (DE), Luxembourg (LU), Belgium (BE), Switzerland (CH))"),
    ("partners", [partner(country="Italien")], "partners.csv", 2, "country", "de",
     "(zulässig: Frankreich (FR), Deutschland (DE), Luxemburg (LU), Belgien (BE), Schweiz (CH))"),
    # 5. an unknown institution: the closest partners named, else all of them
    ("chairs", [chair(institution="Universite de Lorrain")], "chairs.csv", 2, "institution", "fr",
     "partenaire inconnu «\u202fUniversite de Lorrain\u202f»\u00a0: écrivez l’identifiant ou le nom exact "
     "d’un partenaire "
     "de partners.csv (les plus proches\u00a0: Université de Lorraine (ul))"),
    ("chairs", [chair(institution="Strasbourg")], "chairs.csv", 2, "institution", "en",
     "(closest: Hôpitaux Universitaires de Strasbourg (hus))"),
    ("chairs", [chair(institution="xyz")], "chairs.csv", 2, "institution", "de",
     "(zulässig: Université de Lorraine (ul), Hôpitaux Universitaires de Strasbourg (hus))"),
    # 6. other spreadsheet habits
    ("milestones", [dict(MINIMAL["milestones.csv"][0], date="20/05/25")],
     "milestones.csv", 2, "date", "fr",
     "«\u202f20/05/25\u202f»\u00a0: année à deux chiffres, non lue (siècle incertain). "
     "Écrivez l’année en entier, par exemple 2025-05-20"),
    ("milestones", [dict(MINIMAL["milestones.csv"][0], date="2025-05-20 00:00:00")],
     "milestones.csv", 2, "date", "en",
     "“2025-05-20 00:00:00”: read as the day 2025-05-20, the time is ignored"),
    ("partners", csv_text([partner()], (*PARTNERS.column_names, "City")),
     "partners.csv", 1, "City", "fr", "partners.csv:1: City: colonne écrite deux fois dans la première ligne "
     "(colonnes 7 et 17)\u00a0: seule la première est lue"),
]


@pytest.mark.parametrize(("table", "content", "file", "line", "column", "lang", "message"), CASES)
def test_a_mistake_is_located_and_said_in_the_staff_language(make_data_dir, table, content, file, line,
                                                             column, lang, message):
    problem = the_problem(make_data_dir(**{table: content}), file, column)
    assert problem.line == line
    assert message in problem.format(lang)


@pytest.mark.parametrize(
    ("table", "content", "file", "level", "outcome", "rows"),
    [
        ("figures", [figure(as_of="45678")], "figures", Level.ERROR, Outcome.ROW_LEFT_OUT, 0),
        ("figures", [figure(as_of="2025-12-31 00:00")], "figures", Level.WARNING, Outcome.VALUE_KEPT, 1),
        ("milestones", [dict(MINIMAL["milestones.csv"][0], date="45678")], "milestones", Level.ERROR,
         Outcome.ROW_LEFT_OUT, 0),
        ("events", [dict(MINIMAL["events.csv"][0], end="45678")], "events", Level.WARNING,
         Outcome.VALUE_IGNORED, 1),
        ("partners", [partner(country="Italie")], "partners", Level.WARNING, Outcome.VALUE_IGNORED, 1),
        ("chairs", [chair(institution="xyz")], "chairs", Level.WARNING, Outcome.VALUE_IGNORED, 1),
        ("partners", csv_text([partner()], (*PARTNERS.column_names, "city")), "partners", Level.WARNING,
         Outcome.COLUMN_IGNORED, 1),
    ],
)
def test_what_happens_to_the_row(make_data_dir, table, content, file, level, outcome, rows):
    data_dir = make_data_dir(**{table: content})
    problem = the_problem(data_dir, f"{file}.csv")
    assert (problem.level, problem.outcome) == (level, outcome)
    assert len(load_dataset(data_dir).tables[file]) == rows


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (60, None),  # 29 February 1900: a day Excel counts and the calendar does not
        (61, date(1900, 3, 1)),
        (45678, date(2025, 1, 21)),
        (46003, date(2025, 12, 12)),
        (2958465, date(9999, 12, 31)),
        (0, None),
        (2958466, None),
    ],
)
def test_spreadsheet_date_numbers_follow_excel(serial, expected):
    assert spreadsheet_date(serial) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [("Allemagne", "DE"), ("germany", "DE"), (" Deutschland ", "DE"), ("Suisse", "CH"), ("Schweiz", "CH"),
     ("Luxemburg", "LU"), ("belgique", "BE"), ("Frankreich", "FR"), ("de", "DE"), ("EU", "EU"), ("it", "IT")],
)
def test_a_country_by_its_name_in_any_language(make_data_dir, cell, code):
    partners = [partner(), dict(MINIMAL["partners.csv"][1], country=cell, city="")]
    dataset = load_dataset(make_data_dir(partners=partners))
    assert [p.format("en") for p in dataset.problems] == []
    assert dataset.partners.iloc[1]["country"] == code


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("ul", "ul"), ("Université de Lorraine", "ul"), ("universite de lorraine", "ul"),
     (" UNIVERSITÉ  DE LORRAINE ", "ul"), ("Hôpitaux universitaires de Strasbourg", "hus")],
)
def test_an_institution_by_its_exact_name(make_data_dir, cell, expected):
    dataset = load_dataset(make_data_dir(chairs=[chair(institution=cell)]))
    assert [p.format("en") for p in dataset.problems] == []
    assert dataset.chairs.iloc[0]["institution"] == expected


def test_a_name_shared_by_two_partners_is_not_guessed(make_data_dir):
    partners = [partner(), dict(MINIMAL["partners.csv"][1], name="Université de Lorraine")]
    chairs = [chair(institution="Université de Lorraine")]
    problem = the_problem(make_data_dir(partners=partners, chairs=chairs), "chairs.csv")
    assert problem.code == "ambiguous"
    assert "Université de Lorraine (ul), Université de Lorraine (hus)" in problem.format("fr")


@pytest.mark.parametrize(("cell", "value"), [("VRAI", True), ("FAUX", False), ("TRUE", True), ("WAHR", True),
                                              ("FALSCH", False), (" Oui ", True)])
def test_spreadsheet_booleans(make_data_dir, cell, value):
    dataset = load_dataset(make_data_dir(figures=[figure(primary=cell)]))
    assert dataset.problems == ()
    assert bool(dataset.figures.iloc[0]["primary"]) is value


def test_a_reference_to_a_shifted_row_names_that_row(make_data_dir):
    text = csv_text([partner(), MINIMAL["partners.csv"][1]], PARTNERS.column_names)
    lines = text.split("\n")
    lines[1] = lines[1].replace(",Nancy,", ",48,69,")  # a decimal comma: one cell too many
    dataset = load_dataset(make_data_dir(partners="\n".join(lines)))
    ref = next(p for p in dataset.problems if p.file == "chairs.csv")
    assert ref.code == "ref_left_out"
    assert ref.format("en") == ("chairs.csv:2: institution: “ul” ignored: its row is left out, "
                                "see partners.csv:2")


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize("as_of", ["45678", "mai 2025", "31/12/25"])
def test_a_key_figure_left_out_for_its_date_is_said_missing(make_data_dir, lang, as_of):
    """A figure whose only row is left out is "temporarily unavailable", never "not yet published"."""
    chairs = figure(id="chairs", metric="chairs_launched", value="9", unit="count", as_of=as_of)
    dataset = load_dataset(make_data_dir(figures=[figure(), chairs]))
    assert list(dataset.figures["metric"]) == ["funding"]
    view = home_view(dataset, Filters(lang=lang), lang, today=date(2026, 1, 1))
    label = t("home.figure_unavailable", lang, label=t("home.metric.chairs_launched", lang))
    assert [tile.value for tile in view.tiles if tile.label == label] == ["—"]
    assert t("home.metric.chairs_launched", lang) not in [tile.label for tile in view.tiles]


def test_figures_csv_spec_leaves_a_bad_date_out():
    assert next(col for col in FIGURES.columns if col.name == "as_of").strict


@pytest.mark.parametrize(
    ("left_out", "given", "lang", "expected"),
    [
        ([{"metric": "chairs_launched", "label_fr": "Chaires", "label_en": "Chairs"}], [], "en", ("Chairs",)),
        ([{"metric": "chairs_launched", "label_fr": "Chaires", "label_en": ""}], [], "en", ("Chaires",)),
        ([{"metric": "chairs_launched", "label_fr": None}], [], "de", ("chairs_launched",)),
        # another row gives the metric: it is shown, not missing
        ([{"metric": "chairs_launched", "label_fr": "Chaires"}], ["chairs_launched"], "fr", ()),
        # twice the same metric: said once; a row without its metric: nothing to say
        ([{"metric": "m", "label_fr": "A"}, {"metric": "m", "label_fr": "B"}, {"metric": ""}], [], "fr",
         ("A",)),
    ],
)
def test_missing_figures_names_what_no_row_gives(left_out, given, lang, expected):
    frame = pd.DataFrame({"metric": pd.Series(given, dtype=object)})
    assert missing_figures(left_out, frame, lang) == expected


@pytest.mark.parametrize(
    ("count", "lang", "ends"),
    [
        (20, "fr", "p19"),  # all of them
        (21, "fr", "p19, et 1 autre"),
        (10_000, "en", "p19, and 9,980 more"),
        (10_000, "de", "p19, und 9.980 weitere"),
    ],
)
def test_a_long_list_of_allowed_values_is_cut_and_counted(count, lang, ends):
    values = [f"p{i}" for i in range(count)]
    assert listed(values, lang).endswith(ends)


def test_an_unknown_partner_among_thousands_does_not_list_them_all(make_data_dir):
    partners = [partner(id=f"synth-{i:05d}", name=f"Synthetic {i:05d}") for i in range(300)]
    dataset = load_dataset(make_data_dir(partners=partners, chairs=[chair(institution="zzz-qqq")]))
    [problem] = [p for p in dataset.problems if p.file == "chairs.csv"]
    message = problem.message("en")
    assert message.endswith("and 280 more)")
    assert len(message) < 1_000


@pytest.mark.parametrize(
    ("leads", "said"),
    [
        (("oui", "non", "non"), []),
        (("oui", "VRAI", "non"), [(3, "2")]),  # a spreadsheet's fill-down
        (("non", "oui", "oui"), [(4, "3")]),
        (("oui", "oui", "oui"), [(3, "2"), (4, "2")]),
        (("non", "non", "non"), []),
    ],
)
def test_a_second_lead_institution_is_said_and_kept(make_data_dir, leads, said):
    rows = [partner(id=f"p{i}", name=f"P {i}", lead=lead) for i, lead in enumerate(leads)]
    dataset = load_dataset(make_data_dir(partners=rows))
    found = [(p.line, dict(p.params)["first"]) for p in dataset.problems if p.code == "second_lead"]
    assert found == said
    assert len(dataset.partners) == 3  # kept as written
    if said:
        line, first = said[0]
        problem = next(p for p in dataset.problems if p.code == "second_lead")
        assert problem.format("en") == (f"partners.csv:{line}: lead: another partner is already the lead "
                                        f"institution (line {first}): the cluster has only one. Leave this "
                                        "cell empty if it is not this one")


# --- a reference to a row left out: by its id or by its name, the same message ----------------------


def _with_bad_hus() -> list[dict[str, str]]:
    """partners.csv with line 3 (hus) left out for its type, and a partner whose name is close to it."""
    return [partner(), dict(MINIMAL["partners.csv"][1], type="bogus"),
            partner(id="hus-bis", name="Hôpitaux Universitaires de Strasbourg Sud", lead="non")]


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize("cell", ["hus", "Hôpitaux Universitaires de Strasbourg",
                                  " hopitaux universitaires de STRASBOURG "])
def test_an_institution_left_out_is_said_alike_by_id_or_by_name(make_data_dir, lang, cell):
    data_dir = make_data_dir(partners=_with_bad_hus(), chairs=[chair(institution=cell)])
    problem = the_problem(data_dir, "chairs.csv")
    assert (problem.code, problem.params) == ("ref_left_out", (("target", "partners.csv"), ("line", "3")))
    said = t("problems.ref_left_out", lang, value=cell.strip(), target="partners.csv", line="3")
    assert problem.format(lang) == f"chairs.csv:2: institution: {said}"


def test_an_axis_left_out_is_said_alike_by_id_or_by_name(make_data_dir):
    axes = [MINIMAL["axes.csv"][0], dict(MINIMAL["axes.csv"][1], source="")]  # health: no source
    chairs = [chair(axis="Digital health")]
    problem = the_problem(make_data_dir(axes=axes, chairs=chairs), "chairs.csv")
    assert problem.format("en") == ("chairs.csv:2: axis: “Digital health” ignored: its row is left out, "
                                    "see axes.csv:3")


# --- a typo in a vocabulary: the closest allowed value suggested, the allowed values still listed ------

TYPOS = [
    ("partners", [partner(type="universté")], "partners.csv", "type", "fr",
     "(permises\u00a0: Université (university), ",
     "Vouliez-vous dire «\u202fUniversité\u202f» (university)\u202f?"),
    ("partners", [partner(type="Entreprize")], "partners.csv", "type", "de",
     "(zulässig: Universität (university), ", "Meinten Sie „Entreprise“ (company)?"),
    ("partners", [partner(relation="Partenair")], "partners.csv", "relation", "fr",
     "(permises\u00a0: Membre (member), ", "Vouliez-vous dire «\u202fPartenaire\u202f» (partner)\u202f?"),
    ("partners", [partner(axes="all|Sante numerque")], "partners.csv", "axes", "de",
     "(bekannt: Sprache (nlp), Digitale Gesundheit (health), ", "Meinten Sie „Santé numérique“ (health)?"),
    ("chairs", [chair(axis="helth")], "chairs.csv", "axis", "fr",
     "(connus\u00a0: Langues (nlp), Santé numérique (health))",
     "Vouliez-vous dire «\u202fhealth\u202f»\u202f?"),
    ("events", [dict(MINIMAL["events.csv"][0], type="workshp")], "events.csv", "type", "fr",
     "Atelier ou colloque (workshop), ", "Vouliez-vous dire «\u202fworkshop\u202f»\u202f?"),
    ("events", [dict(MINIMAL["events.csv"][0], audience="publc|schools")], "events.csv", "audience", "de",
     "(zulässig: Breite Öffentlichkeit (public), ", "Meinten Sie „public“?"),
    ("partners", [partner(country="Allemange")], "partners.csv", "country", "fr",
     "Allemagne (DE), ", "Vouliez-vous dire «\u202fAllemagne\u202f» (DE)\u202f?"),
]


@pytest.mark.parametrize(("table", "rows", "file", "column", "lang", "listed_", "question"), TYPOS)
def test_a_typo_in_a_vocabulary_is_said_with_the_closest_value(make_data_dir, table, rows, file, column,
                                                                lang, listed_, question):
    message = the_problem(make_data_dir(**{table: rows}), file, column).format(lang)
    assert listed_ in message  # the allowed values, as before
    assert message.endswith(f". {question}")


@pytest.mark.parametrize(
    ("table", "rows", "file", "column"),
    [
        ("partners", [partner(type="startup")], "partners.csv", "type"),
        ("partners", [partner(axes="Robotique")], "partners.csv", "axes"),
        ("chairs", [chair(call="Appel 2026")], "chairs.csv", "call"),  # another year: no guess
        ("chairs", [chair(institution="Universite de Lorrain")], "chairs.csv", "institution"),  # closest list
    ],
)
def test_no_question_when_no_value_is_clearly_meant(make_data_dir, table, rows, file, column):
    message = the_problem(make_data_dir(**{table: rows}), file, column).format("en")
    assert "Did you mean" not in message


# --- a figure written as a spreadsheet shows it: how to write it, or what it was read as ------------

FIGURES_WRITTEN = [
    # abbreviated: not read, the number to write given
    ("30 M€", "fr", Level.ERROR,
     "«\u202f30 M€\u202f» n’est pas un nombre\u00a0: écrivez 30000000 (en chiffres, sans abréviation ni "
     "signe) et l’unité eur dans la colonne unit"),
    ("30 k€", "en", Level.ERROR,
     "“30 k€” is not a number: write 30000 (in digits, without abbreviation or sign) and the unit eur in the "
     "unit column"),
    ("1,5 M€", "de", Level.ERROR,
     "„1,5 M€“ ist keine Zahl: Schreiben Sie 1500000 (in Ziffern, ohne Abkürzung oder Zeichen) und die "
     "Einheit eur in die Spalte unit"),
    ("2,5 Mio. EUR", "de", Level.ERROR, "Schreiben Sie 2500000 "),
    ("30 millions", "fr", Level.ERROR, "écrivez 30000000 (en chiffres, sans abréviation)"),
    ("1,500 M€", "en", Level.ERROR, "“1,500 M€” is not a number: write the whole number in digits"),
    # read: what it was read as
    ("60 000 000 €", "fr", Level.WARNING,
     "«\u202f60 000 000 €\u202f»\u00a0: lu comme 60000000, l’unité (eur) va dans la colonne unit"),
    ("60\u00a0000\u00a0000 €", "de", Level.WARNING, ": als 60000000 gelesen; die Einheit (eur)"),
    ("1 500,5 €", "en", Level.WARNING, ": read as 1500.5; the unit (eur)"),
    # could be two numbers: neither
    ("1,500", "fr", Level.ERROR, "«\u202f1,500\u202f» peut se lire 1500 ou 1,5\u00a0: il n’est pas lu. "
                                 "Écrivez 1500 (sans séparateur de milliers) ou 1,5 (nombre décimal)"),
    ("1.500", "de", Level.ERROR, "„1.500“ kann 1500 oder 1.5 bedeuten"),
    ("2,345", "en", Level.ERROR, "“2,345” could be 2345 or 2,345: it is not read. Write 2345 (without a "
                                 "thousands separator) or 2,3450 (a decimal number)"),
    ("12 5", "fr", Level.ERROR, "une espace n’y sépare que des groupes de trois chiffres"),
]


@pytest.mark.parametrize(("cell", "lang", "level", "said"), FIGURES_WRITTEN)
def test_a_figure_says_how_to_write_it_or_what_it_was_read_as(make_data_dir, cell, lang, level, said):
    problem = the_problem(make_data_dir(figures=[figure(value=cell, unit="eur")]), "figures.csv", "value")
    assert problem.level is level
    assert said in problem.format(lang)


@pytest.mark.parametrize(("cell", "value"), [("60 000 000", 60_000_000), ("60\u202f000\u202f000", 60_000_000),
                                              ("30000000", 30_000_000), ("1.234.567", 1_234_567)])
def test_a_figure_written_one_way_only_is_read_without_a_word(make_data_dir, cell, value):
    dataset = load_dataset(make_data_dir(figures=[figure(value=cell, unit="eur")]))
    assert dataset.problems == ()
    assert dataset.figures.iloc[0]["value"] == value


def test_a_target_left_ambiguous_is_ignored_not_guessed(make_data_dir):
    targets = [dict(MINIMAL["targets.csv"][0], latest_value="2,500")]
    dataset = load_dataset(make_data_dir(targets=targets))
    problem = the_problem(make_data_dir(targets=targets), "targets.csv")
    assert (problem.code, problem.outcome) == ("ambiguous_number", Outcome.VALUE_IGNORED)
    assert dataset.targets.iloc[0]["latest_value"] is None
