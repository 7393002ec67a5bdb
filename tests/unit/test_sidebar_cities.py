"""The sidebar's city filter: every city up to a limit, then the most named; typed cities resolved."""

from __future__ import annotations

import pandas as pd
import pytest

from enact_dash.data import Dataset
from enact_dash.ui.sidebar import all_cities, city_options, resolve_typed_cities


def dataset(partner_cities: list[str], event_cities: list[str]) -> Dataset:
    return Dataset({"partners": pd.DataFrame({"city": partner_cities}),
                    "events": pd.DataFrame({"city": event_cities})}, [], [])


DATA = dataset(["Nancy", "Nancy", "Metz", "", "Épinal", None], ["Nancy", "Strasbourg", "Metz", "Zurich"])


@pytest.mark.parametrize(
    ("limit", "selected", "expected"),
    [
        (10, (), ["Épinal", "Metz", "Nancy", "Strasbourg", "Zurich"]),  # all, French order
        (2, (), ["Metz", "Nancy"]),  # the most named: Nancy 3, Metz 2
        (2, ("Zurich",), ["Metz", "Nancy", "Zurich"]),  # a chosen city stays offered
        (2, ("Nancy",), ["Metz", "Nancy"]),
    ],
)
def test_city_options(limit: int, selected: tuple[str, ...], expected: list[str]) -> None:
    assert city_options(DATA, selected, limit=limit) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["nancy"], ("Nancy",)),
        (["EPINAL", "zurich"], ("Épinal", "Zurich")),
        (["Nancy", "nancy"], ("Nancy",)),  # once
        (["Atlantis"], ()),  # unknown: dropped (the sidebar says so)
        (["Straßburg"], ("Strasbourg",)),  # another name of a city of the data: that city
        (["strassburg", "Strasbourg"], ("Strasbourg",)),  # once
        ([], ()),
    ],
)
def test_typed_cities_are_spelled_as_in_the_data(typed: list[str], expected: tuple[str, ...]) -> None:
    assert resolve_typed_cities(typed, all_cities(DATA)) == expected


def test_spellings_of_one_city_are_one_option_under_the_most_used() -> None:
    data = dataset(["Metz", "METZ", "Metz", "Nancy"], ["metz"])
    assert city_options(data, limit=10) == ["Metz", "Nancy"]
    assert resolve_typed_cities(["METZ"], all_cities(data)) == ("Metz",)
