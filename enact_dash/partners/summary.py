"""Counts of a set of partners: the summary sentence and the by-city view."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import pandas as pd

from enact_dash.data.vocab import NOT_COUNTRIES
from enact_dash.figures import primary_figure
from enact_dash.i18n import fold, plural, t
from enact_dash.partners.filtering import city_keys
from enact_dash.sources import short


@dataclass(frozen=True)
class PartnerCounts:
    partners: int
    cities: int  # distinct (country, city) among the partners with a city
    countries: int  # real countries only (not the European Union: ``NOT_COUNTRIES``)
    unlocated: int  # partners without coordinates: in the list, not on the map


def _finite(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").notna()


def located_mask(partners: pd.DataFrame) -> pd.Series:
    """Partners that the map can show (latitude and longitude known)."""
    return _finite(partners["lat"]) & _finite(partners["lon"])


def count_partners(partners: pd.DataFrame) -> PartnerCounts:
    keys = city_keys(partners)
    countries = partners["country"].fillna("").astype(str)
    with_city = keys != ""
    cities = pd.DataFrame({"country": countries[with_city], "key": keys[with_city]}).drop_duplicates()
    return PartnerCounts(
        partners=len(partners),
        cities=len(cities),
        countries=int(countries[(countries != "") & ~countries.isin(NOT_COUNTRIES)].nunique()),
        unlocated=int((~located_mask(partners)).sum()),
    )


@cache
def summary_text(counts: PartnerCounts, lang: str) -> str:
    """``23 partenaires dans 6 villes, 3 pays.`` / ``23 partners in 6 cities, 3 countries.``: a sentence,
    with its full stop (``unlocated_text`` may follow it)."""
    if counts.partners == 0:
        return t("partners.summary.none", lang)
    partners = plural("partners.count.partners", counts.partners, lang)
    if counts.cities == 0:
        return t("partners.summary.no_city", lang, partners=partners)
    return t(
        "partners.summary", lang,
        partners=partners,
        cities=plural("partners.count.cities", counts.cities, lang),
        countries=plural("partners.count.countries", counts.countries, lang),
    )


def unlocated_text(counts: PartnerCounts, lang: str) -> str:
    """Why some partners are in the list but not on the map (empty when all are on the map)."""
    if counts.unlocated == 0:
        return ""
    return plural("partners.summary.unlocated", counts.unlocated, lang)


def _city_groups(partners: pd.DataFrame) -> tuple[list[tuple[str, str, list[int]]], list[int]]:
    """The partners' positions grouped by city: ``(usual spelling, country, positions)`` per (country,
    city key), most partners first, then by name (accents ignored: Épinal before Metz), then country;
    and the positions of the partners without a city. The usual spelling is the most frequent one (the
    first in alphabetical order among equals)."""
    keys = city_keys(partners).tolist()
    cities = partners["city"].fillna("").astype(str).tolist()
    countries = partners["country"].fillna("").astype(str).tolist()
    groups: dict[tuple[str, str], list[int]] = {}
    spellings: dict[tuple[str, str], Counter[str]] = {}
    no_city: list[int] = []
    for position, (key, city, country) in enumerate(zip(keys, cities, countries, strict=True)):
        if key:
            groups.setdefault((country, key), []).append(position)
            spellings.setdefault((country, key), Counter())[city] += 1
        else:
            no_city.append(position)
    spelled = {place: min(counts, key=lambda city: (-counts[city], city))
               for place, counts in spellings.items()}
    rows = [(spelled[place], place[0], positions) for place, positions in groups.items()]
    rows.sort(key=lambda row: (-len(row[2]), fold(row[0]), row[1]))
    return rows, no_city


def by_city(partners: pd.DataFrame) -> pd.DataFrame:
    """One row per city (``city``: the most frequent spelling, ``country``, ``partners``: count),
    most partners first, then by name (accents ignored: Épinal before Metz). Partners without a city
    are left out."""
    rows, _ = _city_groups(partners)
    return pd.DataFrame({
        "city": pd.Series([r[0] for r in rows], dtype=object),
        "country": pd.Series([r[1] for r in rows], dtype=object),
        "partners": pd.Series([len(r[2]) for r in rows], dtype="int64"),
    })


# A name longer than this is written by its short name where it has one ("CHRU de Nancy" for "Centre
# hospitalier régional universitaire de Nancy") in lists read from afar (the kiosk).
SHORT_AFTER = 30


def screen_name(name: object, short_name: object) -> str:
    """The name of a partner for a list read from a few metres: the full name, or its short name when
    the full name is long and a short one exists."""
    full = "" if name is None or name != name else str(name).strip()
    short = "" if short_name is None or short_name != short_name else str(short_name).strip()
    return short if short and len(full) > SHORT_AFTER else full or short


@dataclass(frozen=True)
class PlaceNames:
    """The partners' names by city (``(city, names)``, most partners first, then by city name; names
    in the data's order) and the names of the partners with no known city."""

    cities: tuple[tuple[str, tuple[str, ...]], ...]
    no_city: tuple[str, ...]


def names_by_city(partners: pd.DataFrame) -> PlaceNames:
    """Who is where, as names: one group per city (same groups and order as :func:`by_city`)."""
    names = [screen_name(n, s) for n, s in zip(partners["name"], partners["short_name"], strict=True)]
    rows, no_city = _city_groups(partners)
    return PlaceNames(tuple((city, tuple(names[i] for i in positions)) for city, _, positions in rows),
                      tuple(names[i] for i in no_city))


def unnamed_companies_note(partners: pd.DataFrame, ptypes: tuple[str, ...], figures: pd.DataFrame,
                           lang: str) -> str:
    """When companies are asked for (``ptypes``) and none is listed in ``partners`` (the view): the number
    of companies the sources give, with its source, and that no public source names them. Empty
    otherwise. Companies are a type of partner the cluster has, that the data cannot list by name."""
    if "company" not in ptypes or (partners["type"] == "company").any():
        return ""
    figure = primary_figure(figures, "companies", lang)
    if figure is None:
        return t("partners.companies.unnamed_no_figure", lang)
    note = t("partners.companies.unnamed", lang, value=figure.text, source=short(figure.source, lang))
    return note[:1].upper() + note[1:]  # "Environ 50 entreprises…": the value starts the sentence
