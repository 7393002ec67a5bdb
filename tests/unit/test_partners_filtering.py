"""Which partners a view shows (enact_dash.partners.filter_partners): one table of cases."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest

from enact_dash.data import load_dataset
from enact_dash.filters import Filters
from enact_dash.partners import filter_partners
from enact_dash.partners.filtering import fold
from tests.conftest import HOSTILE_NAME


def partner(partner_id: str, **fields: Any) -> dict[str, Any]:
    """One loaded row, as enact_dash.data gives it (axes as a tuple, NaN coordinates when unknown)."""
    row: dict[str, Any] = {
        "id": partner_id, "name": partner_id, "short_name": "", "type": "university",
        "relation": "member", "lead": False, "city": "", "country": "FR", "lat": math.nan,
        "lon": math.nan, "axes": (), "website": "", "source": "test",
    }
    row.update(fields)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


# Names are test data, not facts: the relations below are made up to cover every case.
PARTNERS = frame(
    partner("ul", name="Université de Lorraine", short_name="UL", city="Nancy", axes=("all",), lead=True,
            note_fr="Implantée à Nancy et à Metz.", note_en="Located in Nancy and Metz.",
            note_de="Hauptsitz in Nancy, auch in Metz."),
    partner("unistra", name="Université de Strasbourg", short_name="Unistra", city="Strasbourg",
            axes=("all",), note_fr="Siège à Strasbourg.", note_en="", note_de=""),
    partner("chru", name="CHRU de Nancy", type="hospital", city="NANCY", axes=("health",)),
    partner("inria", name="Inria", type="research_organisation", city="Villers-lès-Nancy",
            axes=("nlp", "science")),
    partner("saar", name="Forschungsinstitut Saar", type="research_organisation",
            relation="cooperation", city="Saarbrücken", country="DE", axes=("nlp",)),
    partner("region", name="Région Grand Est", type="local_authority", relation="partner"),
    partner("network", name="Réseau transfrontalier", type="network", relation="network", country=""),
)
ALL = ["ul", "unistra", "chru", "inria", "saar", "region", "network"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ALL),
        # axis: "all" matches every axis; no axis (region, network) matches no axis filter
        (Filters(axis=("health",)), ["ul", "unistra", "chru"]),
        (Filters(axis=("science",)), ["ul", "unistra", "inria"]),
        (Filters(axis=("nlp", "health")), ["ul", "unistra", "chru", "inria", "saar"]),
        (Filters(axis=("unknown-axis",)), ["ul", "unistra"]),
        # city: names compared without case, accents, hyphens
        (Filters(city=("Nancy",)), ["ul", "chru"]),
        (Filters(city=("nancy",)), ["ul", "chru"]),
        (Filters(city=("Villers-les-Nancy",)), ["inria"]),
        (Filters(city=("SAARBRUCKEN",)), ["saar"]),
        (Filters(city=("Nancy", "Strasbourg")), ["ul", "unistra", "chru"]),
        (Filters(city=("Metz",)), []),
        # type, country, relation: any of the chosen values
        (Filters(ptype=("hospital",)), ["chru"]),
        (Filters(ptype=("university", "hospital")), ["ul", "unistra", "chru"]),
        (Filters(country=("DE",)), ["saar"]),
        (Filters(country=("FR",)), ["ul", "unistra", "chru", "inria", "region"]),
        (Filters(relation=("cooperation", "partner")), ["saar", "region"]),
        # text search over name, short name and city: no case, no accents, every word must match
        (Filters(q="lorraine"), ["ul"]),
        (Filters(q="UNIVERSITE"), ["ul", "unistra"]),
        (Filters(q="unistra"), ["unistra"]),
        (Filters(q="villers les"), ["inria"]),
        (Filters(q="saarbrücken"), ["saar"]),
        (Filters(q="saarbrucken"), ["saar"]),
        (Filters(q="nancy chru"), ["chru"]),
        (Filters(q="région"), ["region"]),
        (Filters(q="nowhere"), []),
        # another name of the city: German and French exonyms
        (Filters(q="Straßburg", lang="de"), ["unistra"]),
        (Filters(q="strassburg"), ["unistra"]),
        (Filters(q="Sarrebruck"), ["saar"]),
        (Filters(q="Straßburg Universität", lang="de"), []),  # every word must match
        # the note, in the page's language (the French one where none)
        (Filters(q="Metz"), ["ul"]),
        (Filters(q="Metz", lang="de"), ["ul"]),
        (Filters(q="Hauptsitz", lang="de"), ["ul"]),
        (Filters(q="Hauptsitz", lang="fr"), []),
        (Filters(q="siège", lang="en"), ["unistra"]),  # no English note: the French one is shown
        (Filters(q="  -  "), ALL),  # nothing left to search for
        # criteria combine with AND
        (Filters(axis=("nlp",), country=("FR",)), ["ul", "unistra", "inria"]),
        (Filters(city=("Nancy",), ptype=("university",)), ["ul"]),
        (Filters(axis=("health",), q="strasbourg"), ["unistra"]),
        (Filters(ptype=("company",)), []),
    ],
)
def test_filter_partners(filters: Filters, expected: list[str]) -> None:
    assert list(filter_partners(PARTNERS, filters)["id"]) == expected


@pytest.mark.parametrize(
    ("filters", "ignore", "expected"),
    [
        (Filters(city=("Nancy",), ptype=("university",)), ("city",), ["ul", "unistra"]),
        (Filters(city=("Nancy",), ptype=("university",)), ("ptype",), ["ul", "chru"]),
        (Filters(q="inria", axis=("health",)), ("q", "axis"), ALL),
    ],
)
def test_ignored_criteria_are_skipped(filters: Filters, ignore: tuple[str, ...], expected: list[str]) -> None:
    assert list(filter_partners(PARTNERS, filters, ignore=ignore)["id"]) == expected


def test_filtering_keeps_columns_and_does_not_touch_the_input() -> None:
    before = PARTNERS.copy()
    shown = filter_partners(PARTNERS, Filters(q="nancy", axis=("health",)))
    assert list(shown.columns) == list(PARTNERS.columns)
    pd.testing.assert_frame_equal(PARTNERS, before)


def test_empty_table() -> None:
    empty = PARTNERS.iloc[0:0]
    assert filter_partners(empty, Filters(q="x", city=("Nancy",), axis=("nlp",))).empty


def test_axes_written_as_text_also_filter() -> None:
    partners = frame(partner("a", axes="nlp|health"), partner("b", axes=""), partner("c", axes=None))
    assert list(filter_partners(partners, Filters(axis=("health",)))["id"]) == ["a"]


def test_hostile_name_is_found_as_plain_text() -> None:
    partners = frame(partner("hostile", name=HOSTILE_NAME), partner("ul", name="Université de Lorraine"))
    assert list(filter_partners(partners, Filters(q="onerror"))["id"]) == ["hostile"]


def test_loaded_data_filters_by_city_key(make_data_dir) -> None:
    """Through the real loader: its ``city_key`` column is what the city filter compares."""
    rows = [
        {"id": "a", "name": "A", "type": "university", "relation": "member", "city": "Vandœuvre-lès-Nancy",
         "country": "FR", "axes": "all", "source": "test"},
        {"id": "b", "name": "B", "type": "company", "relation": "partner", "city": "Metz", "country": "FR",
         "source": "test"},
    ]
    partners = load_dataset(make_data_dir(partners=rows)).partners
    assert list(filter_partners(partners, Filters(city=("vandoeuvre les nancy",)))["id"]) == ["a"]
    assert list(filter_partners(partners, Filters(axis=("nlp",)))["id"]) == ["a"]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Vandœuvre-lès-Nancy", "vandoeuvre les nancy"),
        ("Saarbrücken", "saarbrucken"),
        ("Straße", "strasse"),
        ("L'Oréal  (Paris)", "l oreal paris"),
        ("Hôpitaux Universitaires", "hopitaux universitaires"),
        ("  Æsop / ÉCOLE_NORMALE ", "aesop ecole normale"),
        (None, ""),
        (math.nan, ""),
    ],
)
def test_fold(text: object, folded: str) -> None:
    assert fold(pd.Series([text], dtype=object)).tolist() == [folded]


def test_search_and_text_are_folded_the_same_way() -> None:
    partners = frame(partner("a", name="Ville", city="Saint-Dié-des-Vosges"), partner("b", city="Épinal"))
    assert list(filter_partners(partners, Filters(q="SAINT-DIÉ"))["id"]) == ["a"]
    assert list(filter_partners(partners, Filters(q="die des"))["id"]) == ["a"]
    assert list(filter_partners(partners, Filters(q="epinal"))["id"]) == ["b"]
