"""Offline gazetteer and boundaries (files in ``data/geo``, copied from the shared geodata).

Cities are resolved by name *and* country. Names are compared without accents, case, hyphens,
"œ"/"ß" differences. In France the gazetteer holds the communes of Grand Est; elsewhere GeoNames places.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from enact_dash.config import BUNDLED_DATA_DIR, MAP_BOUNDS
from enact_dash.i18n import fold

GEO_SUBDIR = "geo"
COMMUNES_FILE = "communes_grand_est.csv"
CITIES_FILE = "cities.csv"
BOUNDARIES_FILE = "boundaries.geojson"
BORDER_COUNTRIES = ("DE", "LU", "BE", "CH")
MAP_COUNTRIES = ("FR", *BORDER_COUNTRIES)

# GeoNames spells a few places differently from common usage.
ALIASES = {
    ("DE", "freiburg im breisgau"): "freiburg",
    ("CH", "bale"): "basel",
    ("DE", "sarrebruck"): "saarbrucken",
    ("DE", "treves"): "trier",
    ("DE", "fribourg en brisgau"): "freiburg",
    ("DE", "carlsruhe"): "karlsruhe",
    ("DE", "mayence"): "mainz",
    ("BE", "liege"): "liege",
}


def normalize_name(name: str) -> str:
    """``"Vandœuvre-lès-Nancy"`` -> ``"vandoeuvre les nancy"``; ``"Saarbrücken"`` -> ``"saarbrucken"``."""
    value = fold(name.strip())
    for sep in "-'’_.,()/":
        value = value.replace(sep, " ")
    value = " ".join(value.split())
    if value.startswith("st "):
        value = "saint " + value[3:]
    elif value.startswith("ste "):
        value = "sainte " + value[4:]
    return value


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    admin: str  # département code in France, admin1 code elsewhere


def in_map_area(lat: float, lon: float) -> bool:
    (south, west), (north, east) = MAP_BOUNDS
    return south <= lat <= north and west <= lon <= east


class Gazetteer:
    """Look up places by (name, country); the most populous wins among homonyms."""

    def __init__(self, places: list[Place]) -> None:
        index: dict[tuple[str, str], Place] = {}
        for place in places:
            key = (place.country, normalize_name(place.name))
            current = index.get(key)
            if current is None or place.population > current.population:
                index[key] = place
        self._index = index

    def __len__(self) -> int:
        return len(self._index)

    def resolve(self, city: str, country: str = "FR") -> Place | None:
        country = country.strip().upper() or "FR"
        name = normalize_name(city)
        if not name:
            return None
        name = ALIASES.get((country, name), name)
        return self._index.get((country, name))

    def names(self, country: str | None = None) -> list[str]:
        return sorted(p.name for (c, _), p in self._index.items() if country in (None, c))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def load_gazetteer(geo_dir: Path) -> Gazetteer:
    """Grand Est communes (FR) plus GeoNames places of the border countries (and nearby FR places)."""
    communes = [
        Place(r["name"], "FR", float(r["lat"]), float(r["lon"]), int(r["population"] or 0),
              r["departement"])
        for r in _read_csv(geo_dir / COMMUNES_FILE)
    ]
    commune_names = {normalize_name(p.name) for p in communes}
    # French places come from the IGN communes; GeoNames fills the border countries and the rest
    # of the map area, never shadowing a Grand Est commune of the same name.
    others = [
        Place(r["name"], r["country"], float(r["lat"]), float(r["lon"]),
              int(r["population"] or 0), r["admin1"])
        for r in _read_csv(geo_dir / CITIES_FILE)
        if r["country"] != "FR" or normalize_name(r["name"]) not in commune_names
    ]
    places = communes + others
    return Gazetteer(places)


@cache
def load_boundaries(geo_dir: Path) -> dict[str, Any]:
    """The boundaries GeoJSON FeatureCollection (region, départements, neighbour areas)."""
    with (geo_dir / BOUNDARIES_FILE).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


EMPTY_BOUNDARIES: dict[str, Any] = {"type": "FeatureCollection", "features": []}


def geo_dir_for(data_dir: Path) -> Path:
    """``<data_dir>/geo`` if present, else the bundled geodata: a deployment may bring its own."""
    own = Path(data_dir) / GEO_SUBDIR
    return own if own.is_dir() else BUNDLED_DATA_DIR / GEO_SUBDIR


def boundaries_for(data_dir: Path) -> dict[str, Any]:
    """The boundaries of ``data_dir``'s geodata; an empty collection when missing or broken (the map
    then shows its points alone, and the data notice reports the geodata problem). Never raises."""
    path = geo_dir_for(data_dir)
    if not (path / BOUNDARIES_FILE).is_file():
        return EMPTY_BOUNDARIES
    try:
        return load_boundaries(path)
    except (OSError, ValueError):
        return EMPTY_BOUNDARIES
