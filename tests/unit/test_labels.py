"""Vocabularies as the staff write them: ids or labels (fr/en/de), and errors that show the labels."""

from __future__ import annotations

import pytest

from enact_dash.data import columns, schemas, vocab
from enact_dash.data.labels import WRONG_SEPARATORS, Vocabulary, catalogue_vocabulary
from enact_dash.data.problems import FieldError, FieldNote, Problem
from enact_dash.i18n import LANGS, has_key, t

# "Unternehmen" is the German label of two ids: it must be an error, never a guess.
TYPES = Vocabulary(("company", "hospital", "network"), {
    "fr": {"company": "Entreprise", "hospital": "Hôpital", "network": "Réseau ou programme"},
    "en": {"company": "Company", "hospital": "Hospital", "network": "Network"},
    "de": {"company": "Unternehmen", "hospital": "Krankenhaus", "network": "Unternehmen"},
})


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("company", "company"),
        (" COMPANY ", "company"),
        ("Entreprise", "company"),
        ("entreprise", "company"),
        ("hopital", "hospital"),  # without the accent
        ("HÔPITAL", "hospital"),
        ("Krankenhaus", "hospital"),
        ("réseau   ou  programme", "network"),  # extra spaces
        ("Reseau-ou-programme", "network"),
        ("network", "network"),
    ],
)
def test_a_cell_names_one_id(cell, expected):
    assert TYPES.lookup(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("Unternehmen", "ambiguous"),
        ("unternehmen ", "ambiguous"),
        ("startup", "not_allowed"),
        ("Entreprises", "not_allowed"),  # no guessing from a near miss
        ("", "not_allowed"),
    ],
)
def test_a_cell_that_names_no_single_id_is_an_error(cell, code):
    with pytest.raises(FieldError) as caught:
        TYPES.lookup(cell)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("cell", "lang", "message"),
    [
        ("startup", "fr", "«\u202fstartup\u202f» n’est pas une valeur permise (permises\u00a0: "
                          "Entreprise (company), "
                          "Hôpital (hospital), Réseau ou programme (network))"),
        ("startup", "en", '“startup” is not an allowed value (allowed: Company, Hospital, Network)'),
        ("startup", "de", "„startup“ ist kein zulässiger Wert (zulässig: Unternehmen (company), "
                          "Krankenhaus (hospital), Unternehmen (network))"),
        ("Unternehmen", "fr", "«\u202fUnternehmen\u202f» peut désigner plusieurs valeurs\u00a0: "
                              "Entreprise (company), "
                              "Réseau ou programme (network). Écrivez celle que vous voulez avec son "
                              "identifiant (entre parenthèses)"),
        ("Unternehmen", "de", "„Unternehmen“ kann mehrere Werte bezeichnen: Unternehmen (company), "
                              "Unternehmen (network). Schreiben Sie den gemeinten Wert mit seiner Kennung "
                              "(in Klammern)"),
    ],
)
def test_errors_show_the_labels_in_the_language_of_the_message(cell, lang, message):
    with pytest.raises(FieldError) as caught:
        TYPES.lookup(cell)
    problem = Problem("partners.csv", 2, "type", caught.value.code, cell, caught.value.params)
    assert problem.message(lang) == message


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        ("company", "fr", "Entreprise (company)"),
        ("company", "en", "Company"),  # the label reads as the id: said once
        ("other", "fr", "other"),  # no label: the id
    ],
)
def test_a_value_is_shown_with_its_label_and_id(value, lang, shown):
    assert Vocabulary(("company", "other"), TYPES.labels).shown(value, lang) == shown


# --- the columns of the data files -----------------------------------------------------------------


def parser(spec: schemas.TableSpec, name: str) -> columns.Parser:
    return next(col.parse for col in spec.columns if col.name == name)


@pytest.mark.parametrize(
    ("spec", "column", "cell", "expected"),
    [
        (schemas.FIGURES, "unit", "eur", "eur"),
        (schemas.FIGURES, "unit", "Euros", "eur"),
        (schemas.FIGURES, "unit", "euro", "eur"),
        (schemas.FIGURES, "unit", "Pourcentage", "percent"),
        (schemas.FIGURES, "unit", " anzahl ", "count"),
        (schemas.TARGETS, "unit", "Prozent", "percent"),
        (schemas.FIGURES, "qualifier", "plus de", "min"),
        (schemas.FIGURES, "qualifier", "ENVIRON", "approx"),
        (schemas.FIGURES, "qualifier", "More than", "min"),
        (schemas.FIGURES, "qualifier", "etwa", "approx"),
        (schemas.FIGURES, "qualifier", "Exact", "exact"),
        (schemas.CHAIRS, "call", "2025", "2025"),
        (schemas.CHAIRS, "call", "Appel 2025", "2025"),
        (schemas.CHAIRS, "call", "appel international 2026", "2026-international"),
        (schemas.CHAIRS, "call", "2026 International Call", "2026-international"),
        (schemas.CHAIRS, "call", "Internationale Ausschreibung 2026", "2026-international"),
        (schemas.CHAIRS, "call", "2026_international", "2026-international"),
        (schemas.EVENTS, "origin", "Saisie manuelle", "manual"),
        (schemas.EVENTS, "origin", "import fete de la science", "fds"),
        (schemas.EVENTS, "origin", "FDS", "fds"),
        (schemas.EVENTS, "audience", "Grand public|scolaires", ("public", "schools")),
        (schemas.EVENTS, "audience", " grand  PUBLIC | Schulen |", ("public", "schools")),  # trailing |
        (schemas.EVENTS, "audience", "public|Grand public", ("public",)),
        (schemas.EVENTS, "audience", "||", ()),
        (schemas.PARTNERS, "axes", " Santé  numérique |nlp|", ("Santé numérique", "nlp")),  # resolved later
    ],
)
def test_vocabulary_columns_read_ids_and_labels(spec, column, cell, expected):
    assert parser(spec, column)(cell) == expected


@pytest.mark.parametrize(
    ("spec", "column", "cell", "code", "fr"),
    [
        (schemas.FIGURES, "unit", "€", "not_allowed",
         "«\u202f€\u202f» n’est pas une valeur permise (permises\u00a0: Nombre (count), Euros (eur), "
         "Pourcentage (percent))"),
        (schemas.FIGURES, "qualifier", "à peu près", "not_allowed",
         "«\u202fà peu près\u202f» n’est pas une valeur permise (permises\u00a0: Exact, Environ "
         "(approx), Plus de (min))"),
        (schemas.CHAIRS, "call", "2027", "not_allowed",
         "«\u202f2027\u202f» n’est pas une valeur permise (permises\u00a0: Appel 2025 (2025), "
         "Appel international 2026 (2026-international))"),
        (schemas.EVENTS, "origin", "import", "not_allowed",
         "«\u202fimport\u202f» n’est pas une valeur permise (permises\u00a0: Saisie manuelle (manual), "
         "Import Fête de la science (fds))"),
        (schemas.EVENTS, "status", "reporté", "not_allowed",
         "«\u202freporté\u202f» n’est pas une valeur permise (permises\u00a0: Prévu (planned), "
         "Confirmé (confirmed), "
         "Annulé (cancelled))"),
    ],
)
def test_a_value_that_names_nothing_lists_the_labels(spec, column, cell, code, fr):
    with pytest.raises(FieldError) as caught:
        parser(spec, column)(cell)
    assert caught.value.code == code
    assert Problem(spec.name, 2, column, code, cell, caught.value.params).message("fr") == fr


@pytest.mark.parametrize(
    ("cell", "kept", "items"),
    [
        ("Grand public|étudiants", ("public",), ["étudiants"]),
        ("étudiants|Grand public|profs|", ("public",), ["étudiants", "profs"]),
        ("étudiants", (), ["étudiants"]),
    ],
)
def test_a_bad_value_in_a_list_is_left_out_alone(cell, kept, items):
    with pytest.raises(FieldNote) as caught:
        parser(schemas.EVENTS, "audience")(cell)
    notes = (caught.value, *caught.value.more)
    assert caught.value.value == kept
    assert caught.value.dropped
    assert [dict(n.params)["item"] for n in notes] == items
    assert {n.code for n in notes} == {"not_allowed_item"}


@pytest.mark.parametrize(
    ("cell", "kept", "codes"),
    [
        ("Grand public, Scolaires", ("public", "schools"), ["wrong_separator"]),
        ("public;schools|étudiants", ("public", "schools"), ["wrong_separator", "not_allowed_item"]),
        ("Grand public, étudiants", (), ["not_allowed_item"]),  # a part names nothing: not split
    ],
)
def test_a_list_typed_with_commas_is_read_with_a_note(cell, kept, codes):
    with pytest.raises(FieldNote) as caught:
        parser(schemas.EVENTS, "audience")(cell)
    notes = (caught.value, *caught.value.more)
    assert caught.value.value == kept
    assert [n.code for n in notes] == codes
    assert [n.dropped for n in notes] == [code != "wrong_separator" for code in codes]


def test_no_label_of_a_list_vocabulary_holds_a_wrong_separator():
    """split_mistyped relies on it: "a, b" is never one label."""
    for _, _, vocabulary in vocabulary_columns():
        for labels in vocabulary.labels.values():
            assert not [label for label in labels.values() if set(label) & set(WRONG_SEPARATORS)]


def vocabulary_columns() -> list[tuple[str, str, Vocabulary]]:
    found = []
    for spec in schemas.ALL_TABLES:
        for col in spec.columns:
            vocabulary = getattr(col.parse, "vocabulary", None)
            if vocabulary is not None:
                found.append((spec.name, col.name, vocabulary))
    return found


def test_every_vocabulary_column_has_labels():
    names = {(file, column) for file, column, _ in vocabulary_columns()}
    assert {("figures.csv", "unit"), ("figures.csv", "qualifier"), ("targets.csv", "unit"),
            ("chairs.csv", "call"), ("events.csv", "origin")} <= names


@pytest.mark.parametrize(("file", "column", "vocabulary"), vocabulary_columns())
def test_every_id_has_a_label_in_every_language_that_reads_back_as_it(file, column, vocabulary):
    for value in vocabulary.ids:
        for lang in LANGS:
            label = vocabulary.labels[lang].get(value)
            assert label, (file, column, value, lang)
            assert vocabulary.lookup(label) == value, (file, column, lang, label)


@pytest.mark.parametrize(
    ("kind", "ids"),
    [("unit", vocab.UNITS), ("qualifier", vocab.QUALIFIERS), ("chair_call", vocab.CHAIR_CALLS),
     ("origin", vocab.ORIGINS)],
)
def test_new_labels_are_in_the_catalogues(kind, ids):
    assert all(has_key(f"vocab.{kind}.{v}", lang) for v in ids for lang in LANGS)
    assert catalogue_vocabulary(ids, kind).labels["fr"] == {v: t(f"vocab.{kind}.{v}", "fr") for v in ids}


# --- a typo: "did you mean …?" only when one value is clearly the closest ---------------------------

PARTNER_TYPES = catalogue_vocabulary(vocab.PARTNER_TYPES, "partner_type")
RELATIONS = catalogue_vocabulary(vocab.RELATIONS, "relation")
EVENT_TYPES = catalogue_vocabulary(vocab.EVENT_TYPES, "event_type")
AUDIENCES = catalogue_vocabulary(vocab.AUDIENCES, "audience")
CALLS = catalogue_vocabulary(vocab.CHAIR_CALLS, "chair_call")


@pytest.mark.parametrize(
    ("vocabulary", "cell", "expected"),
    [
        (PARTNER_TYPES, "universté", ("university", "Université")),
        (PARTNER_TYPES, "Entreprize", ("company", "Entreprise")),
        (PARTNER_TYPES, "ORGANISME RECHERCHE", ("research_organisation", "Organisme de recherche")),
        (RELATIONS, "partenair", ("partner", "Partenaire")),
        (EVENT_TYPES, "workshp", ("workshop", "workshop")),
        (EVENT_TYPES, "summer scool", ("summer_school", "summer_school")),
        (AUDIENCES, "publc", ("public", "public")),
        (AUDIENCES, "chercheur", ("researchers", "Chercheurs")),
        # nothing close, or two values as close: no guess
        (PARTNER_TYPES, "startup", None),
        (PARTNER_TYPES, "hopital universitaire", None),
        (PARTNER_TYPES, "universite de recherche", None),  # "de recherche" is not what it means
        (RELATIONS, "Entreprize", None),
        (RELATIONS, "partner network", None),  # as close to partner as to network
        (EVENT_TYPES, "webinar", None),
        (AUDIENCES, "", None),
        # a number differs: another call, not a typo
        (CALLS, "Appel 2026", None),
        (CALLS, "2025-international", None),
        (CALLS, "2026", None),
        # a label of two ids suggests neither
        (TYPES, "Unternehmn", None),
    ],
)
def test_a_typo_suggests_the_one_closest_value(vocabulary, cell, expected):
    assert vocabulary.suggestion(cell) == expected


@pytest.mark.parametrize(
    ("cell", "lang", "ends"),
    [
        ("Entreprize", "fr", ". Vouliez-vous dire «\u202fEntreprise\u202f» (company)\u202f?"),
        ("Entreprize", "en", ". Did you mean “Entreprise” (company)?"),
        ("Entreprize", "de", ". Meinten Sie „Entreprise“ (company)?"),
        ("hospitl", "en", "Network). Did you mean “hospital”?"),  # the id: not repeated
        ("startup", "en", "(allowed: Company, Hospital, Network)"),  # no suggestion: as before
    ],
)
def test_a_typo_is_said_with_its_suggestion_after_the_allowed_values(cell, lang, ends):
    with pytest.raises(FieldError) as caught:
        TYPES.lookup(cell)
    problem = Problem("partners.csv", 2, "type", caught.value.code, cell, caught.value.params)
    assert problem.message(lang).endswith(ends)
    assert "(allowed" in problem.message("en")


def test_a_long_list_is_not_searched_for_a_suggestion_when_not_asked():
    with pytest.raises(FieldError) as caught:
        TYPES.lookup("Entreprize", suggest=False)
    assert not any(name.startswith("did_you_mean") for name, _ in caught.value.params)
