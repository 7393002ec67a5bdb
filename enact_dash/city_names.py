"""Other names of the region's and border cities (exonyms): what a visitor may type for a city.

A German visitor types "Straßburg" or "Mülhausen", a French one "Sarrebruck" or "Bâle": each is a search
alias of the city as the data write it (``Strasbourg``, ``Mulhouse``, ``Saarbrücken``, ``Basel``). The
offline geodata (GeoNames names, IGN communes) hold one name per place and no alternate names, so the
usual German and French names of the Grand Est's and the border cities are listed here, by hand.
Regions (Elsass, Lothringen) are not cities and are not listed. Names are compared as
:func:`enact_dash.geo.normalize_name` does (case, accents, "ß", hyphens): "Strassburg" is "Straßburg".
"""

from __future__ import annotations

from functools import cache

from enact_dash.geo import normalize_name

# City as the data and the gazetteer write it -> its other usual names (German, French, English).
EXONYMS: dict[str, tuple[str, ...]] = {
    # Grand Est: German names
    "Strasbourg": ("Straßburg", "Strassburg"),
    "Mulhouse": ("Mülhausen",),
    "Colmar": ("Kolmar",),
    "Haguenau": ("Hagenau",),
    "Sélestat": ("Schlettstadt",),
    "Saverne": ("Zabern",),
    "Thionville": ("Diedenhofen",),
    "Sarreguemines": ("Saargemünd",),
    # Border cities: French (and English) names
    "Saarbrücken": ("Sarrebruck",),
    "Saarlouis": ("Sarrelouis",),
    "Trier": ("Trèves",),
    "Mainz": ("Mayence",),
    "Koblenz": ("Coblence",),
    "Basel": ("Bâle", "Basle"),
    "Luxembourg": ("Luxemburg",),
    "Freiburg im Breisgau": ("Fribourg-en-Brisgau", "Freiburg"),
    "Freiburg": ("Fribourg-en-Brisgau", "Freiburg im Breisgau"),  # GeoNames' name of Freiburg im Breisgau
}


@cache
def _by_alias() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for city, aliases in EXONYMS.items():
        for alias in aliases:
            out.setdefault(normalize_name(alias), []).append(city)
    return {key: tuple(cities) for key, cities in out.items()}


@cache
def _by_city() -> dict[str, tuple[str, ...]]:
    return {normalize_name(city): aliases for city, aliases in EXONYMS.items()}


def aliases(city: str) -> tuple[str, ...]:
    """The other names of ``city`` (``"Strasbourg"`` -> ``("Straßburg", "Strassburg")``), () if none."""
    return _by_city().get(normalize_name(city), ())


def cities_named(name: str) -> tuple[str, ...]:
    """The cities that ``name`` is another name of (``"Straßburg"`` -> ``("Strasbourg",)``), () if none."""
    return _by_alias().get(normalize_name(name), ())


def resolve(name: str, known: dict[str, str]) -> str | None:
    """A city a visitor typed, as ``known`` (comparison key -> name) writes it: the name itself, else the
    city it is another name of; None if neither is known."""
    found = known.get(normalize_name(name))
    if found is not None:
        return found
    return next((known[key] for city in cities_named(name) if (key := normalize_name(city)) in known), None)
