"""The offline gazetteer: names compared without accents and resolved by name and country."""

from __future__ import annotations

import pytest

from enact_dash.config import BUNDLED_DATA_DIR
from enact_dash.geo import in_map_area, load_boundaries, load_gazetteer, normalize_name

GEO = BUNDLED_DATA_DIR / "geo"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vandœuvre-lès-Nancy", "vandoeuvre les nancy"),
        ("VANDOEUVRE LES NANCY", "vandoeuvre les nancy"),
        ("Saarbrücken", "saarbrucken"),
        ("Gießen", "giessen"),
        ("St-Dié-des-Vosges", "saint die des vosges"),
        ("  L'Hôpital ", "l hopital"),
    ],
)
def test_normalize_name(name, expected):
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    ("city", "country", "admin"),
    [
        ("Nancy", "FR", "54"),
        ("villers-les-nancy", "FR", "54"),
        ("Strasbourg", "FR", "67"),
        ("Saarbrücken", "DE", None),
        ("Freiburg im Breisgau", "DE", None),
        ("Luxembourg", "LU", None),
        ("Basel", "CH", None),
        ("Liège", "BE", None),
    ],
)
def test_resolve(city, country, admin):
    place = load_gazetteer(GEO).resolve(city, country)
    assert place is not None
    assert place.country == country
    assert in_map_area(place.lat, place.lon)
    if admin:
        assert place.admin == admin


@pytest.mark.parametrize(("city", "country"), [("Nanci", "FR"), ("Nancy", "DE"), ("", "FR")])
def test_unknown_places(city, country):
    assert load_gazetteer(GEO).resolve(city, country) is None


def test_boundaries_cover_the_region_and_the_four_neighbours():
    features = load_boundaries(GEO)["features"]
    kinds = {(f["properties"]["kind"], f["properties"]["country"]) for f in features}
    assert ("region", "FR") in kinds
    assert {c for k, c in kinds if k == "neighbour"} == {"DE", "LU", "BE", "CH"}
    assert sum(1 for f in features if f["properties"]["kind"] == "departement") == 10
