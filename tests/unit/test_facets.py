"""Facet counts (enact_dash.facets, enact_dash.partners.facets, enact_dash.events.page.event_facets): how
many rows each value of a filter would give, with every other filter applied but not its own."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from enact_dash.events.page import event_facets
from enact_dash.facets import FacetCounts, axis_facet, city_facet, facet_label, several_facet, value_facet
from enact_dash.filters import Filters
from enact_dash.partners import filter_partners, partner_facets
from enact_dash.partners.facets import FACETS, facet_counts
from tests.unit.test_events_frame import AGENDA
from tests.unit.test_partners_filtering import PARTNERS, frame, partner

AXES = ("nlp", "science", "health")
TYPES = ("university", "research_organisation", "hospital", "company", "local_authority", "network")
COUNTRIES = ("FR", "DE", "LU")
RELATIONS = ("member", "partner", "network", "cooperation")
CITIES = ("Nancy", "Strasbourg", "Villers-lès-Nancy", "Saarbrücken", "Metz")
OPTIONS = {"axis": AXES, "city": CITIES, "ptype": TYPES, "country": COUNTRIES, "relation": RELATIONS}


@pytest.mark.parametrize(
    ("facet", "values", "expected"),
    [
        (value_facet, ["a", "b", "a", "", None, float("nan")], {"a": 2, "b": 1, "c": 0, "": 0}),
        (value_facet, [], {"a": 0}),
        # several axes a row; "all" is in every axis, even one the data never names; no axis: nowhere
        (axis_facet, [("nlp",), ("nlp", "health"), ("all",), (), "science|nlp"],
         {"nlp": 4, "health": 2, "science": 2, "other": 1, "all": 1}),
        (axis_facet, [("all", "nlp")], {"nlp": 1, "health": 1}),  # counted once
        # several values a row, each counted once a row; no "all" rule
        (several_facet, [("a", "b"), ("a", "a"), "b|c", (), ("all",)], {"a": 2, "b": 2, "c": 1, "all": 1}),
        # cities: any spelling that compares equal, the empty key for nobody
        (city_facet, ["nancy", "nancy", "villers les nancy", "", pd.NA],
         {"Nancy": 2, "NANCY": 2, "Villers-lès-Nancy": 1, "Metz": 0, "": 0}),
    ],
)
def test_counts_of_one_facet(facet: Any, values: list[Any], expected: dict[str, int]) -> None:
    counts = facet(pd.Series(values, dtype=object))
    assert {value: counts(value) for value in expected} == expected


@pytest.mark.parametrize(
    ("label", "count", "lang", "expected"),
    [
        ("Université", 7, "fr", "Université (7)"),
        ("Entreprise", 0, "fr", "Entreprise (0)"),
        ("Network", 1234, "en", "Network (1,234)"),
        ("Netzwerk", 1234, "de", "Netzwerk (1.234)"),
        ("Réseau", 12345, "fr", "Réseau (12\u202f345)"),
    ],
)
def test_a_chip_says_its_count(label: str, count: int, lang: str, expected: str) -> None:
    assert facet_label(label, count, lang) == expected


def partner_counts(filters: Filters, facet: str) -> dict[str, int]:
    counts = facet_counts(PARTNERS, filters)[facet]
    return {value: counts(value) for value in OPTIONS[facet]}


# PARTNERS (tests/unit/test_partners_filtering.py): ul, unistra (universities, all axes, Nancy and
# Strasbourg), chru (hospital, health, NANCY), inria (research, nlp+science, Villers-lès-Nancy), saar
# (research, cooperation, nlp, Saarbrücken, DE), region (local authority, partner, no axis), network
# (network, no country).
@pytest.mark.parametrize(
    ("filters", "facet", "expected"),
    [
        (Filters(), "ptype", {"university": 2, "research_organisation": 2, "hospital": 1, "company": 0,
                              "local_authority": 1, "network": 1}),
        # the facet's own selection is ignored: the same counts whatever type is chosen
        (Filters(ptype=("hospital",)), "ptype",
         {"university": 2, "research_organisation": 2, "hospital": 1, "company": 0, "local_authority": 1,
          "network": 1}),
        (Filters(ptype=("hospital", "company")), "ptype",
         {"university": 2, "research_organisation": 2, "hospital": 1, "company": 0, "local_authority": 1,
          "network": 1}),
        # ... but the other filters are applied
        (Filters(ptype=("hospital",)), "relation",
         {"member": 1, "partner": 0, "network": 0, "cooperation": 0}),
        (Filters(ptype=("hospital",)), "country", {"FR": 1, "DE": 0, "LU": 0}),
        (Filters(country=("DE",)), "ptype", {"university": 0, "research_organisation": 1, "hospital": 0,
                                             "company": 0, "local_authority": 0, "network": 0}),
        (Filters(country=("DE",)), "country", {"FR": 5, "DE": 1, "LU": 0}),
        # the shared filters and the search too
        (Filters(axis=("health",)), "ptype", {"university": 2, "research_organisation": 0, "hospital": 1,
                                              "company": 0, "local_authority": 0, "network": 0}),
        (Filters(axis=("health",)), "axis", {"nlp": 4, "science": 3, "health": 3}),
        (Filters(city=("nancy",)), "ptype", {"university": 1, "research_organisation": 0, "hospital": 1,
                                             "company": 0, "local_authority": 0, "network": 0}),
        (Filters(city=("nancy",)), "city", {"Nancy": 2, "Strasbourg": 1, "Villers-lès-Nancy": 1,
                                            "Saarbrücken": 1, "Metz": 0}),
        (Filters(q="nancy"), "ptype", {"university": 1, "research_organisation": 1, "hospital": 1,
                                       "company": 0, "local_authority": 0, "network": 0}),
        (Filters(q="nancy", ptype=("university",)), "city",
         {"Nancy": 1, "Strasbourg": 0, "Villers-lès-Nancy": 0, "Saarbrücken": 0, "Metz": 0}),
        # several filters at once, each facet leaving out its own
        (Filters(axis=("nlp",), ptype=("research_organisation",), relation=("member",)), "relation",
         {"member": 1, "partner": 0, "network": 0, "cooperation": 1}),
        (Filters(axis=("nlp",), ptype=("research_organisation",), relation=("member",)), "ptype",
         {"university": 2, "research_organisation": 1, "hospital": 0, "company": 0, "local_authority": 0,
          "network": 0}),
        (Filters(axis=("nlp",), ptype=("research_organisation",), relation=("member",)), "axis",
         {"nlp": 1, "science": 1, "health": 0}),
        # a view of nobody still counts what each choice would give
        (Filters(ptype=("company",), country=("DE",)), "ptype",
         {"university": 0, "research_organisation": 1, "hospital": 0, "company": 0, "local_authority": 0,
          "network": 0}),
    ],
)
def test_partner_facets(filters: Filters, facet: str, expected: dict[str, int]) -> None:
    assert partner_counts(filters, facet) == expected


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(ptype=("research_organisation", "hospital")),
        Filters(axis=("nlp",), country=("FR",)),
        Filters(city=("Nancy", "Saarbrücken"), relation=("member", "cooperation")),
        Filters(q="univ", axis=("health",)),
        Filters(q="zzz"),
    ],
)
def test_a_count_is_the_view_that_choice_alone_would_give(filters: Filters) -> None:
    counts = facet_counts(PARTNERS, filters)
    for facet in FACETS:
        for value in OPTIONS[facet]:
            view = filter_partners(PARTNERS, filters.with_(**{facet: (value,)}))
            assert counts[facet](value) == len(view), (facet, value)


def test_facets_are_computed_once_per_data_and_filters() -> None:
    data = frame(partner("a", type="hospital"), partner("b", country="DE"))
    facets = partner_facets(data, Filters(ptype=("hospital",)))
    assert facets["country"]("FR") == 1
    assert partner_facets(data, Filters(ptype=("hospital",), lang="de", sort="-city")) is facets
    assert partner_facets(data, Filters(ptype=("network",))) is not facets
    assert partner_facets(frame(partner("a", type="hospital")), Filters(ptype=("hospital",))) is not facets


def test_a_country_unknown_to_the_data_counts_as_not_chosen() -> None:
    # the sidebar counts before the page leaves a link's unknown country out
    data = frame(partner("a", type="hospital"), partner("b", country="DE"))
    assert partner_facets(data, Filters(country=("ZZ",)))["ptype"]("university") == 1
    assert partner_facets(data, Filters(country=("ZZ", "DE")))["ptype"]("university") == 1
    assert partner_facets(data, Filters(country=("ZZ", "DE")))["ptype"]("hospital") == 0


# AGENDA (tests/unit/test_events_frame.py): annual day 2025 (all axes, Villers-lès-Nancy), launch 2025
# (no axis, Strasbourg), fds 2025 (nlp, Vandœuvre-lès-Nancy), summer school 2026 (health), workshops
# 2026-12 (science) and 2026-12-02 (nlp, health); the last three without a city.
@pytest.mark.parametrize(
    ("filters", "facet", "expected"),
    [
        (Filters(), "axis", {"nlp": 3, "science": 2, "health": 3}),
        (Filters(axis=("science",)), "axis", {"nlp": 3, "science": 2, "health": 3}),  # its own: ignored
        (Filters(city=("Strasbourg",)), "axis", {"nlp": 0, "science": 0, "health": 0}),
        (Filters(etype=("workshop",)), "axis", {"nlp": 1, "science": 1, "health": 1}),
        (Filters(date_from=date(2026, 1, 1)), "axis", {"nlp": 1, "science": 1, "health": 2}),
        (Filters(), "city", {"Strasbourg": 1, "villers-lès-nancy": 1, "Vandœuvre-lès-Nancy": 1, "Metz": 0}),
        (Filters(axis=("nlp",)), "city", {"Strasbourg": 0, "Villers-lès-Nancy": 1, "Vandœuvre-lès-Nancy": 1}),
        (Filters(axis=("nlp",), city=("Strasbourg",)), "city",
         {"Strasbourg": 0, "Villers-lès-Nancy": 1, "Vandœuvre-lès-Nancy": 1}),
        # the page's own chips: type (one a row) and audience (several a row)
        (Filters(), "etype", {"workshop": 2, "annual_day": 1, "summer_school": 1, "other": 0}),
        (Filters(etype=("workshop",), axis=("health",)), "etype",
         {"workshop": 1, "annual_day": 1, "summer_school": 1, "launch": 0}),
        (Filters(), "audience", {"researchers": 2, "public": 1, "schools": 1, "companies": 1}),
        (Filters(audience=("public",), axis=("nlp",)), "audience",
         {"researchers": 1, "public": 1, "schools": 1, "companies": 1}),
    ],
)
def test_event_facets(filters: Filters, facet: str, expected: dict[str, int]) -> None:
    counts: FacetCounts = event_facets(AGENDA, filters)[facet]
    assert {value: counts(value) for value in expected} == expected
