"""Counts of a view: the summary sentence (plurals in fr/en/de) and the by-city view."""

from __future__ import annotations

import pandas as pd
import pytest

from enact_dash.i18n import plural_form
from enact_dash.partners import PartnerCounts, by_city, count_partners, summary_text, unlocated_text
from enact_dash.partners.summary import PlaceNames, names_by_city, screen_name, unnamed_companies_note
from tests.unit.test_partners_filtering import frame, partner

NNBSP = "\u202f"  # French thousands separator (Babel)


@pytest.mark.parametrize(
    ("counts", "lang", "expected"),
    [
        ((23, 6, 3), "fr", "23 partenaires dans 6 villes, 3 pays."),
        ((23, 6, 3), "en", "23 partners in 6 cities, 3 countries."),
        ((23, 6, 3), "de", "23 Partner in 6 Orten, 3 Ländern."),
        ((1, 1, 1), "fr", "1 partenaire dans 1 ville, 1 pays."),
        ((1, 1, 1), "en", "1 partner in 1 city, 1 country."),
        ((1, 1, 1), "de", "1 Partner in 1 Ort, 1 Land."),
        ((2, 1, 1), "fr", "2 partenaires dans 1 ville, 1 pays."),
        ((2, 2, 1), "en", "2 partners in 2 cities, 1 country."),
        ((10_000, 1_200, 5), "fr", f"10{NNBSP}000 partenaires dans 1{NNBSP}200 villes, 5 pays."),
        ((10_000, 1_200, 5), "en", "10,000 partners in 1,200 cities, 5 countries."),
        ((10_000, 1_200, 5), "de", "10.000 Partner in 1.200 Orten, 5 Ländern."),
        # French "many" category: "1 000 000 de partenaires"
        ((1_000_000, 2, 1), "fr", f"1{NNBSP}000{NNBSP}000 de partenaires dans 2 villes, 1 pays."),
        ((1_000_000, 2, 1), "en", "1,000,000 partners in 2 cities, 1 country."),
        # nobody, or nobody with a known city
        ((0, 0, 0), "fr", "Aucun partenaire ne correspond à ces filtres."),
        ((0, 0, 0), "en", "No partner matches these filters."),
        ((0, 0, 0), "de", "Kein Partner entspricht diesen Filtern."),
        ((2, 0, 1), "fr", "2 partenaires, ville non précisée."),
        ((1, 0, 0), "en", "1 partner, city not specified."),
        ((3, 0, 1), "de", "3 Partner, Ort nicht angegeben."),
    ],
)
def test_summary_text(counts: tuple[int, int, int], lang: str, expected: str) -> None:
    partners, cities, countries = counts
    assert summary_text(PartnerCounts(partners, cities, countries, 0), lang) == expected


@pytest.mark.parametrize(
    ("unlocated", "lang", "expected"),
    [
        (0, "fr", ""),
        (1, "fr", "1 partenaire sans lieu connu figure dans la liste, mais pas sur la carte."),
        (3, "fr", "3 partenaires sans lieu connu figurent dans la liste, mais pas sur la carte."),
        (1, "en", "1 partner with no known location is in the list, but not on the map."),
        (3, "en", "3 partners with no known location are in the list, but not on the map."),
        (1, "de", "1 Partner ohne bekannten Standort steht in der Liste, aber nicht auf der Karte."),
        (3, "de", "3 Partner ohne bekannten Standort stehen in der Liste, aber nicht auf der Karte."),
    ],
)
def test_unlocated_text(unlocated: int, lang: str, expected: str) -> None:
    assert unlocated_text(PartnerCounts(5, 1, 1, unlocated), lang) == expected


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [(0, "fr", "one"), (1, "fr", "one"), (2, "fr", "other"), (1_000_000, "fr", "many"),
     (0, "en", "other"), (1, "en", "one"), (1, "de", "one"), (2, "de", "other")],
)
def test_plural_form_follows_cldr(count: int, lang: str, expected: str) -> None:
    assert plural_form(count, lang) == expected


VIEW = frame(
    partner("a", city="Nancy", lat=48.69, lon=6.18),
    partner("b", city="NANCY", lat=48.69, lon=6.18),
    partner("c", city="Nancy", lat=48.69, lon=6.18),
    partner("d", city="Strasbourg", lat=48.58, lon=7.75),
    partner("e", city="Saint-Louis", country="FR", lat=47.59, lon=7.56),
    partner("f", city="Saint-Louis", country="SN"),  # same name, another country: another city
    partner("g", city="", country="FR"),  # no known site
    partner("h", city="", country=""),  # country not specified either
)


def test_count_partners() -> None:
    assert count_partners(VIEW) == PartnerCounts(partners=8, cities=4, countries=2, unlocated=3)


@pytest.mark.parametrize(
    ("countries", "expected"),
    [
        (("FR",), 1),
        (("FR", "EU"), 1),  # the European Union is no country (e.g. a European fund)
        (("EU",), 0),
        (("EU", "EU", "UN", "EZ"), 0),  # nor the United Nations, nor the euro area
        (("FR", "DE", "EU", ""), 2),  # empty: not specified
        (("FR", "DE", "LU", "BE", "CH"), 5),
    ],
)
def test_count_partners_counts_real_countries_only(countries: tuple[str, ...], expected: int) -> None:
    view = frame(*(partner(f"p{i}", country=code) for i, code in enumerate(countries)))
    counts = count_partners(view)
    assert (counts.partners, counts.countries) == (len(countries), expected)


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize("counts", [PartnerCounts(18, 3, 1, 11), PartnerCounts(2, 0, 1, 2)])
def test_summary_and_unlocated_are_two_sentences(counts: PartnerCounts, lang: str) -> None:
    """The page puts the two side by side: the summary ends with its full stop."""
    summary, unlocated = summary_text(counts, lang), unlocated_text(counts, lang)
    assert summary.endswith(".")
    assert not summary.endswith("..")
    assert unlocated[0].isupper() or unlocated[0].isdigit()


def test_count_of_nobody() -> None:
    assert count_partners(VIEW.iloc[0:0]) == PartnerCounts(0, 0, 0, 0)


def test_by_city_counts_most_first_with_the_usual_spelling() -> None:
    cities = by_city(VIEW)
    assert list(cities.itertuples(index=False, name=None)) == [
        ("Nancy", "FR", 3),
        ("Saint-Louis", "FR", 1),
        ("Saint-Louis", "SN", 1),
        ("Strasbourg", "FR", 1),
    ]


def test_by_city_orders_names_as_a_reader_does() -> None:
    cities = by_city(frame(partner("a", city="Metz"), partner("b", city="Épinal"), partner("c", city="zell")))
    assert list(cities["city"]) == ["Épinal", "Metz", "zell"]


def test_by_city_of_partners_without_city_is_empty() -> None:
    cities = by_city(frame(partner("g"), partner("h", country="")))
    assert cities.empty
    assert list(cities.columns) == ["city", "country", "partners"]

CHRU = "Centre hospitalier régional universitaire de Nancy"


@pytest.mark.parametrize(
    ("name", "short_name", "expected"),
    [
        ("Université de Lorraine", "UL", "Université de Lorraine"),  # short enough: the full name
        (CHRU, "CHRU de Nancy", "CHRU de Nancy"),
        (CHRU, "", CHRU),
        (CHRU, float("nan"), CHRU),
        ("", "FEDER", "FEDER"),
        ("  Inria  ", None, "Inria"),
    ],
)
def test_screen_name_is_short_only_for_long_names(name: object, short_name: object, expected: str) -> None:
    assert screen_name(name, short_name) == expected


def test_names_by_city_groups_most_first_with_the_usual_spelling() -> None:
    places = names_by_city(frame(
        partner("a", name="A", city="Metz"),
        partner("b", name="B", city="Nancy"),
        partner("c", name="C", city="NANCY"),
        partner("d", name="D", city="Nancy"),
        partner("e", name="E"),
        partner("f", name="F", city="Metz"),
        partner("g", name="G", city="Épinal"),
        partner("h", name="H", city="Metz", country="DE"),  # another country's Metz: another place
    ))
    assert places == PlaceNames(
        cities=(("Nancy", ("B", "C", "D")), ("Metz", ("A", "F")), ("Épinal", ("G",)), ("Metz", ("H",))),
        no_city=("E",),
    )


def test_names_by_city_of_nobody() -> None:
    assert names_by_city(frame(partner("a"))[0:0]) == PlaceNames((), ())


COMPANIES = pd.DataFrame([{
    "id": "companies-baseline", "metric": "companies", "value": 50.0, "unit": "count", "qualifier": "approx",
    "as_of": None, "primary": True, "label_fr": "Entreprises soutenant le projet", "label_en": "Companies",
    "label_de": "Unternehmen", "note_fr": "", "note_en": "", "note_de": "",
    "source": "https://international.grandestdeveloppement.fr/fr/cluster-enact/",
}])


@pytest.mark.parametrize(
    ("ptypes", "types", "figures", "lang", "expected"),
    [
        (("company",), [], COMPANIES, "en",
         "About 50 companies support the project, according to international.grandestdeveloppement.fr; "
         "no public source names them, so none is in this list."),
        (("company", "hospital"), ["hospital"], COMPANIES, "fr", "Environ 50 entreprises soutiennent"),
        (("company",), [], COMPANIES.iloc[0:0], "de", "Keine öffentliche Quelle nennt die Unternehmen"),
        (("company",), ["company"], COMPANIES, "en", ""),  # a company is listed: nothing to explain
        (("hospital",), [], COMPANIES, "en", ""),  # companies not asked for
        ((), [], COMPANIES, "en", ""),
    ],
)
def test_unnamed_companies_note(ptypes, types, figures, lang, expected) -> None:
    shown = frame(*(partner(f"p{i}", type=kind) for i, kind in enumerate(types))) if types else \
        frame(partner("x")).iloc[0:0]
    note = unnamed_companies_note(shown, ptypes, figures, lang)
    assert note.startswith(expected) if expected else note == ""
