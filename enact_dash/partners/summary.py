"""Counts of a set of partners: the summary sentence and the by-city view."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import pandas as pd

from enact_dash.data.vocab import NOT_COUNTRIES
from enact_dash.i18n import plural, t
from enact_dash.partners.filtering import city_keys


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


def by_city(partners: pd.DataFrame) -> pd.DataFrame:
    """One row per city (``city``: the most frequent spelling, ``country``, ``partners``: count),
    most partners first, then by name. Partners without a city are left out."""
    keys = city_keys(partners).tolist()
    cities = partners["city"].fillna("").astype(str).tolist()
    countries = partners["country"].fillna("").astype(str).tolist()
    sizes: Counter[tuple[str, str]] = Counter()
    spellings: Counter[tuple[str, str, str]] = Counter()
    for key, city, country in zip(keys, cities, countries, strict=True):
        if key:
            sizes[(country, key)] += 1
            spellings[(country, key, city)] += 1
    usual: dict[tuple[str, str], str] = {}
    for (country, key, city), _count in sorted(spellings.items(), key=lambda item: (-item[1], item[0][2])):
        usual.setdefault((country, key), city)
    rows = sorted(((usual[place], place[0], size) for place, size in sizes.items()),
                  key=lambda row: (-row[2], row[0].casefold(), row[1]))
    return pd.DataFrame({
        "city": pd.Series([r[0] for r in rows], dtype=object),
        "country": pd.Series([r[1] for r in rows], dtype=object),
        "partners": pd.Series([r[2] for r in rows], dtype="int64"),
    })
