"""Facet counts: how many rows each value of a filter would give (pure, no Streamlit).

As in Datasette's facets, a filter's counts are taken with every *other* active filter applied but not
the filter's own selection: the filters are "any of the chosen values", so a count says what that value
alone adds to the view, whatever else of the same filter is chosen. A value that would give nothing
counts 0 (it stays offered, so that nothing moves under the visitor's finger).

Builders of counts per domain: :func:`enact_dash.partners.view.partner_facets`,
:func:`enact_dash.events.page.event_facets`. The page shows a count in the chip's label
(:func:`facet_label`, "Université (7)").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from enact_dash.data.vocab import AXIS_ALL
from enact_dash.geo import normalize_name
from enact_dash.i18n import format_number, t


def _identity(value: str) -> str:
    return value


@dataclass(frozen=True)
class FacetCounts:
    """Rows per value of one filter. ``every_value``: rows that any value matches (a cluster-wide
    partner or event, ``axes = all``, is in every axis). ``normalise`` maps an option to the key it is
    counted under (a city compared without case or accents)."""

    by_value: Mapping[str, int]
    every_value: int = 0
    normalise: Callable[[str], str] = field(default=_identity, compare=False)

    def __call__(self, value: str) -> int:
        return int(self.by_value.get(self.normalise(value), 0)) + self.every_value


def _text(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def value_facet(values: pd.Series) -> FacetCounts:
    """One value per row (a partner's type, country, relation); empty cells count for nothing."""
    counts = Counter(_text(v) for v in values)
    counts.pop("", None)
    return FacetCounts(dict(counts))


def _ids(value: Any) -> tuple[str, ...]:
    if isinstance(value, tuple | list | set | frozenset):
        return tuple(str(v) for v in value)
    return tuple(v.strip() for v in _text(value).split("|") if v.strip())


def several_facet(cells: Iterable[Any]) -> FacetCounts:
    """Several values per row (tuples or ``"a|b"`` text, e.g. an event's audiences): a row counts once
    in each of its values."""
    counts: Counter[str] = Counter()
    for cell in cells:
        counts.update(set(_ids(cell)))
    return FacetCounts(dict(counts))


def axis_facet(axes: pd.Series) -> FacetCounts:
    """Several axes per row (tuples or ``"a|b"`` text): a row counts once in each of its axes, and a
    cluster-wide row (``all``) in every axis, as the axis filter matches it; no axis counts nowhere."""
    counts: Counter[str] = Counter()
    everywhere = 0
    for cell in axes:
        ids = set(_ids(cell))
        if AXIS_ALL in ids:
            everywhere += 1
        else:
            counts.update(ids)
    return FacetCounts(dict(counts), everywhere)


def city_facet(city_keys: Iterable[Any]) -> FacetCounts:
    """Rows per city, the city named any way that compares equal ("Metz", "METZ"); ``city_keys``
    holds the rows' normalised names, empty when unknown."""
    counts = Counter(key for key in map(_text, city_keys) if key)
    return FacetCounts(dict(counts), normalise=normalize_name)


def facet_label(label: str, count: int, lang: str) -> str:
    """A chip's label with what it would give: ``Université (7)``, ``Netzwerk (1.234)``."""
    return t("common.filter.option_count", lang, label=label, count=format_number(count, lang))
