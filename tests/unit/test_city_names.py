"""Other names of the region's and border cities: search aliases and typed cities."""

from __future__ import annotations

import pytest

from enact_dash.city_names import EXONYMS, aliases, cities_named, resolve
from enact_dash.geo import normalize_name

KNOWN = {normalize_name(c): c for c in ("Strasbourg", "Mulhouse", "Saarbrücken", "Freiburg", "Nancy", "Metz")}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Straßburg", "Strasbourg"),
        ("Strassburg", "Strasbourg"),
        ("STRASSBURG", "Strasbourg"),
        ("Mülhausen", "Mulhouse"),
        ("Muelhausen", None),  # a spelling nobody listed: not guessed
        ("Sarrebruck", "Saarbrücken"),
        ("Fribourg-en-Brisgau", "Freiburg"),  # GeoNames' name
        ("Freiburg im Breisgau", "Freiburg"),
        ("strasbourg", "Strasbourg"),  # the name itself
        ("Diedenhofen", None),  # Thionville: not a city of this data
        ("Lothringen", None),  # a region, not a city
        ("Metz", "Metz"),
        ("", None),
    ],
)
def test_a_typed_city_resolves_to_the_data_spelling(typed: str, expected: str | None) -> None:
    assert resolve(typed, KNOWN) == expected


@pytest.mark.parametrize(
    ("name", "expected_aliases", "expected_cities"),
    [
        ("Strasbourg", ("Straßburg", "Strassburg"), ()),
        ("STRASBOURG", ("Straßburg", "Strassburg"), ()),
        ("Thionville", ("Diedenhofen",), ()),
        ("Sélestat", ("Schlettstadt",), ()),
        ("Selestat", ("Schlettstadt",), ()),
        ("Trèves", (), ("Trier",)),
        ("Bâle", (), ("Basel",)),
        ("Luxemburg", (), ("Luxembourg",)),
        ("Kolmar", (), ("Colmar",)),
        ("Nancy", (), ()),
    ],
)
def test_aliases_both_ways(name: str, expected_aliases: tuple[str, ...],
                           expected_cities: tuple[str, ...]) -> None:
    assert aliases(name) == expected_aliases
    assert cities_named(name) == expected_cities


def test_no_alias_is_the_name_of_another_listed_city() -> None:
    """An alias that is itself a listed city's name would send a visitor to the wrong place (Freiburg is
    the one exception: the same city under GeoNames' name and its full name)."""
    listed = {normalize_name(city) for city in EXONYMS}
    clashes = {(city, alias) for city, names in EXONYMS.items() for alias in names
               if normalize_name(alias) in listed and "freiburg" not in normalize_name(city)}
    assert clashes == set()
