"""Counts of a set of partners: the summary sentence and the by-city view."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd
from babel import Locale

from enact_dash.i18n import BABEL_LOCALE, format_number, has_key, normalize_lang, t
from enact_dash.partners.filtering import city_keys


@dataclass(frozen=True)
class PartnerCounts:
    partners: int
    cities: int  # distinct (country, city) among the partners with a city
    countries: int
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
        countries=int(countries[countries != ""].nunique()),
        unlocated=int((~located_mask(partners)).sum()),
    )


@cache
def plural_form(count: int, lang: str) -> str:
    """CLDR plural category of ``count`` in ``lang``: ``one``, ``many`` or ``other`` (Babel's rules)."""
    return str(Locale.parse(BABEL_LOCALE[normalize_lang(lang)]).plural_form(count))


def plural(key: str, count: int, lang: str) -> str:
    """``t("<key>.<category>", count=...)`` with the count written the local way; ``other`` is the
    fallback category ("1 partenaire", "2 partenaires", "1 000 000 de partenaires")."""
    chosen = f"{key}.{plural_form(count, lang)}"
    if not has_key(chosen, lang):
        chosen = f"{key}.other"
    return t(chosen, lang, count=format_number(count, lang))


def summary_text(counts: PartnerCounts, lang: str) -> str:
    """``23 partenaires dans 6 villes, 3 pays`` / ``23 partners in 6 cities, 3 countries``."""
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
    keys = city_keys(partners)
    frame = pd.DataFrame({
        "key": keys.to_numpy(),
        "city": partners["city"].fillna("").astype(str).to_numpy(),
        "country": partners["country"].fillna("").astype(str).to_numpy(),
    })
    frame = frame[frame["key"] != ""]
    if frame.empty:
        return pd.DataFrame({"city": pd.Series(dtype=str), "country": pd.Series(dtype=str),
                             "partners": pd.Series(dtype="int64")})
    spelling = (frame.groupby(["country", "key", "city"]).size().reset_index(name="n")
                .sort_values(["n", "city"], ascending=[False, True])
                .drop_duplicates(["country", "key"]))
    counts = frame.groupby(["country", "key"]).size().reset_index(name="partners")
    out = counts.merge(spelling[["country", "key", "city"]], on=["country", "key"])
    out["_sort"] = out["city"].map(lambda c: c.casefold())
    out = out.sort_values(["partners", "_sort", "country"], ascending=[False, True, True])
    return out[["city", "country", "partners"]].reset_index(drop=True)
