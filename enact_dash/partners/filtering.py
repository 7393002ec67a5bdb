"""Which partners a view shows: pure filtering of the partners table by the filter model.

Input: the partners frame of :mod:`enact_dash.data` (``axes`` holds tuples of axis ids, ``city_key``
the normalised city name; both are rebuilt here when a hand-made test frame lacks them).
Every test is a column operation or one pass over a column, so 10,000 partners filter in milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from enact_dash import city_names
from enact_dash.data.vocab import AXIS_ALL
from enact_dash.filters import Filters
from enact_dash.geo import normalize_name
from enact_dash.i18n import DEFAULT_LANG, normalize_lang


def as_ids(value: Any) -> tuple[str, ...]:
    """Ids from a multi-valued cell (tuple, list, ``"a|b"`` text, None or NaN)."""
    if isinstance(value, tuple | list | set | frozenset):
        return tuple(str(v) for v in value)
    if value is None or (isinstance(value, float) and value != value):
        return ()
    return tuple(v.strip() for v in str(value).split("|") if v.strip())


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return str(value)


def city_keys(partners: pd.DataFrame) -> pd.Series:
    """The normalised city name of every partner (the loader's ``city_key``, or computed)."""
    if "city_key" in partners:
        return partners["city_key"].fillna("").astype(str)
    cities = partners["city"] if "city" in partners else pd.Series("", index=partners.index)
    return pd.Series([normalize_name(_text(c)) for c in cities], index=partners.index, dtype=object)


def axis_mask(axes: pd.Series, wanted: Iterable[str]) -> pd.Series:
    """Partners working on one of ``wanted`` axes; ``all`` (cluster-wide) matches every axis and an
    empty cell (axis not specified) matches none."""
    accepted = set(wanted) | {AXIS_ALL}
    return pd.Series([not accepted.isdisjoint(as_ids(v)) for v in axes], index=axes.index, dtype=bool)


_FOLD_SEPARATORS = r"[-'’_.,()/\s]+"
_FOLD_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}


def fold(texts: pd.Series) -> pd.Series:
    """Text for searching, column-wise: lower case, no accents, ligatures spelt out, hyphens and
    punctuation as single spaces (``"Vandœuvre-lès-Nancy"`` -> ``"vandoeuvre les nancy"``)."""
    out = texts.fillna("").astype(str).str.lower()
    for ligature, spelt in _FOLD_LIGATURES.items():
        out = out.str.replace(ligature, spelt, regex=False)
    out = out.str.normalize("NFKD").str.replace(r"[\u0300-\u036f]", "", regex=True)
    return out.str.replace(_FOLD_SEPARATORS, " ", regex=True).str.strip()


def search_terms(query: str) -> list[str]:
    """The words of a search, folded like the searched text (see :func:`fold`)."""
    return str(fold(pd.Series([query], dtype=object)).iloc[0]).split()


def _strings(partners: pd.DataFrame, column: str) -> pd.Series:
    if column not in partners:
        return pd.Series("", index=partners.index, dtype=object)
    return partners[column].fillna("").astype(str)


def search_text(partners: pd.DataFrame, lang: str = DEFAULT_LANG) -> pd.Series:
    """What a search reads of every partner, folded, one string per partner: name, short name, city, the
    city's other names ("Straßburg" for Strasbourg, :mod:`enact_dash.city_names`) and the note as the
    page in ``lang`` shows it (the French one where it has none)."""
    cities = _strings(partners, "city")
    others = cities.map({city: " ".join(city_names.aliases(city)) for city in cities.unique()})
    note = _strings(partners, f"note_{normalize_lang(lang)}")
    note = note.where(note.str.strip() != "", _strings(partners, f"note_{DEFAULT_LANG}"))
    text = _strings(partners, "name")
    for part in (_strings(partners, "short_name"), cities, others, note):
        text = text + " " + part
    return fold(text)


def search_mask(partners: pd.DataFrame, query: str, lang: str = DEFAULT_LANG) -> pd.Series:
    """Partners whose searched text (:func:`search_text`) contains every word of ``query``."""
    haystack = search_text(partners, lang)
    mask = pd.Series(True, index=partners.index, dtype=bool)
    for term in search_terms(query):
        mask &= haystack.str.contains(term, regex=False).fillna(False).astype(bool)
    return mask


# The column that each single-valued criterion tests.
VALUE_COLUMNS = {"ptype": "type", "country": "country", "relation": "relation"}


def filter_partners(partners: pd.DataFrame, filters: Filters, *,
                    ignore: Iterable[str] = ()) -> pd.DataFrame:
    """The partners that the view ``filters`` shows, in their original order.

    Applies axis, city (names compared normalised), type, country, relation and the text search;
    an empty criterion keeps everyone. ``ignore`` names criteria to skip (e.g. ``("city",)`` for the
    by-city view, which lists the cities a visitor can switch to).
    """
    skip = set(ignore)
    mask = pd.Series(True, index=partners.index, dtype=bool)
    if filters.axis and "axis" not in skip:
        mask &= axis_mask(partners["axes"], filters.axis)
    if filters.city and "city" not in skip:
        wanted = {normalize_name(c) for c in filters.city}
        mask &= city_keys(partners).isin(wanted)
    for name, column in VALUE_COLUMNS.items():
        values = getattr(filters, name)
        if values and name not in skip:
            mask &= partners[column].isin(list(values))
    shown = partners[mask.to_numpy()]
    if filters.q and "q" not in skip and search_terms(filters.q):
        shown = shown[search_mask(shown, filters.q, filters.lang).to_numpy()]
    return shown
