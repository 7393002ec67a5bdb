"""A partner whose country no source gives (the French German Tech Lab) keeps an empty country: every
view says the country is not known, and none counts it as France."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from enact_dash.data import load_dataset
from enact_dash.filters import Filters
from enact_dash.i18n import t
from enact_dash.maps.partner_map import partner_points
from enact_dash.partners.display import city_choices, city_table, country_options, list_frame, partner_detail
from enact_dash.partners.export import partner_cells, partner_record
from enact_dash.partners.facets import facet_counts
from enact_dash.partners.filtering import filter_partners
from enact_dash.partners.summary import by_city, count_partners
from tests.conftest import MINIMAL

LAB = {"id": "lab", "name": "French German Tech Lab", "type": "network", "relation": "cooperation",
       "lead": "non", "city": "", "country": "", "source": "test"}


@pytest.fixture
def partners(make_data_dir):
    dataset = load_dataset(make_data_dir(partners=[*MINIMAL["partners.csv"], LAB]))
    assert dataset.problems == ()  # an empty country is not a mistake: it is not known
    return dataset.partners


def lab_row(partners):
    return partners[partners["id"] == "lab"].iloc[0]


def test_the_country_stays_empty_and_the_partner_is_off_the_map(partners):
    row = lab_row(partners)
    assert row["country"] == ""
    assert math.isnan(row["lat"])


@pytest.mark.parametrize(("lang", "said"), [("fr", "non connu"), ("en", "unknown"), ("de", "unbekannt")])
def test_the_list_and_the_card_say_the_country_is_not_known(partners, lang, said):
    listed = list_frame(partners, lang, {})
    assert listed.loc[listed["id"] == "lab", "country"].item() == said
    card = partner_detail(lab_row(partners).to_dict(), lang, {})
    assert (t("partners.column.country", lang), said, "") in card.fields


def test_it_is_no_country_in_the_summary_the_filter_or_its_counts(partners):
    assert count_partners(partners).countries == 1  # France, from ul and hus only
    assert country_options(partners) == ["FR"]
    assert "lab" not in set(filter_partners(partners, Filters(country=("FR",)))["id"])
    assert facet_counts(partners, Filters())["country"]("FR") == 2


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_the_downloads_and_the_map_say_it_is_not_known(partners, lang):
    row = lab_row(partners).to_dict()
    record = partner_record(row, lang, {})
    assert (record["country"], record["country_label"]) == (None, None)
    assert partner_cells(record, row, lang)["country"] == t("common.unknown", lang)
    points = partner_points(partners, lang)
    assert points.loc[points["id"] == "lab", "country"].item() == ""  # the popup writes "unknown"


# --- a city given without its country ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "partners.csv:4: country: vide alors que la ville «\u202fStrasbourg\u202f» est donnée\u00a0: "
               "la ville est cherchée en France pour la carte, le pays reste affiché comme non connu"),
        ("en", "partners.csv:4: country: empty while the city “Strasbourg” is given: the city is looked up "
               "in France for the map"),
        ("de", "partners.csv:4: country: leer, obwohl der Ort „Strasbourg“ angegeben ist"),
    ],
)
def test_a_city_without_its_country_is_placed_with_a_warning(make_data_dir, lang, said):
    dataset = load_dataset(make_data_dir(partners=[*MINIMAL["partners.csv"], dict(LAB, city="Strasbourg")]))
    (problem,) = dataset.problems
    assert said in problem.format(lang)
    assert problem.status("en") == "warning — value kept"
    row = lab_row(dataset.partners)
    assert row["country"] == ""
    assert not math.isnan(row["lat"])  # on the map, at Strasbourg


@pytest.mark.parametrize(
    ("lang", "option", "country"),
    [
        ("fr", "Strasbourg (pays non précisé) — 1", "non connu"),
        ("en", "Strasbourg (country not given) — 1", "unknown"),
        ("de", "Strasbourg (Land nicht angegeben) — 1", "unbekannt"),
    ],
)
def test_the_city_view_says_the_country_is_not_given(make_data_dir, lang, option, country):
    lab = dict(LAB, city="Strasbourg")
    partners = load_dataset(make_data_dir(partners=[MINIMAL["partners.csv"][0], lab])).partners
    cities = by_city(partners)
    assert city_choices(cities, lang)["Strasbourg"] == option
    table = city_table(cities, lang)
    assert table.loc[table["city"] == "Strasbourg", "country"].item() == country


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the same city with and without its country: one choice, every partner the filter shows
        ([("Strasbourg", "FR", 3), ("Strasbourg", "", 1)], {"Strasbourg": "Strasbourg (France) — 4"}),
        ([("Strasbourg", "", 1), ("Strasbourg", "FR", 3)], {"Strasbourg": "Strasbourg (France) — 4"}),
        # one name in two countries: both said
        ([("Saint-Louis", "FR", 1), ("Saint-Louis", "DE", 2)],
         {"Saint-Louis": "Saint-Louis (France, Allemagne) — 3"}),
        ([("Metz", "", 2)], {"Metz": "Metz (pays non précisé) — 2"}),
    ],
)
def test_one_choice_per_city_name_with_the_count_the_filter_gives(rows, expected):
    cities = pd.DataFrame(rows, columns=["city", "country", "partners"])
    assert city_choices(cities, "fr") == expected


def test_a_bad_country_with_a_city_is_said_once(make_data_dir):
    """``Italie`` is reported as not a known country (read as empty): no second warning on the same cell."""
    dataset = load_dataset(make_data_dir(partners=[*MINIMAL["partners.csv"], dict(LAB, city="Nancy",
                                                                                  country="Italie")]))
    assert [(p.line, p.field, p.code) for p in dataset.problems] == [(4, "country", "bad_country")]
