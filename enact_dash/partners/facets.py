"""How many partners each choice of the type, country, relation, axis and city filters would give.

Each filter's counts are taken with every other active criterion applied (the other filters, the
search) but not its own selection (:mod:`enact_dash.facets`). What the counts read from the partners
(each row's type, country, relation, city, axes and searchable text) is prepared once per loaded frame
(:func:`facet_frame`); each criterion's rows are then one vectorised test, combined five ways, so that
10,000 partners count in milliseconds. The criteria are those of
:func:`~enact_dash.partners.filtering.filter_partners` (a test checks that every count is the length of
the view of that choice alone). ``enact_dash.partners.view.partner_facets`` is the memoised entry point.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from enact_dash.data.vocab import AXIS_ALL
from enact_dash.facets import FacetCounts
from enact_dash.filters import Filters
from enact_dash.geo import normalize_name
from enact_dash.partners.filtering import VALUE_COLUMNS, as_ids, city_keys, search_terms, search_text

# The filters shown with counts: the sidebar's shared ones and the page's chips (not the search).
FACETS = ("axis", "city", "ptype", "country", "relation")


class FacetFrame:
    """The partners as the counts read them, one entry per row in the frame's order; the searchable
    text only once a search needs it (folding 10,000 names is most of the preparation)."""

    def __init__(self, partners: pd.DataFrame) -> None:
        self._partners = partners
        self._haystacks: dict[str, pd.Series] = {}
        self.values = {name: partners[column].fillna("").astype(str).to_numpy(dtype=object)
                       for name, column in VALUE_COLUMNS.items()}
        self.values["city"] = city_keys(partners).to_numpy(dtype=object)  # normalised, "" if none
        cells = [as_ids(cell) for cell in partners["axes"]]
        self.everywhere = np.array([AXIS_ALL in ids for ids in cells], dtype=bool)  # axes = all
        pairs = [(row, axis) for row, ids in enumerate(cells) if AXIS_ALL not in ids
                 for axis in dict.fromkeys(ids)]
        self.axis_rows = np.array([row for row, _ in pairs], dtype=np.intp)  # (row, axis) pairs
        self.axis_ids = np.array([axis for _, axis in pairs], dtype=object)

    def __len__(self) -> int:
        return len(self.everywhere)

    def haystack(self, lang: str) -> pd.Series:
        """What the search reads, folded (:func:`search_text`; the notes in ``lang``), once per language."""
        if lang not in self._haystacks:
            self._haystacks[lang] = search_text(self._partners, lang).reset_index(drop=True)
        return self._haystacks[lang]


def facet_frame(partners: pd.DataFrame) -> FacetFrame:
    return FacetFrame(partners)


def criterion_masks(frame: FacetFrame, filters: Filters) -> dict[str, np.ndarray]:
    """The rows that each active criterion of ``filters`` keeps (an empty criterion is absent)."""
    masks: dict[str, np.ndarray] = {}
    if filters.axis:
        mask = frame.everywhere.copy()
        mask[frame.axis_rows[np.isin(frame.axis_ids, list(filters.axis))]] = True
        masks["axis"] = mask
    if filters.city:
        masks["city"] = np.isin(frame.values["city"], [normalize_name(c) for c in filters.city])
    for name in VALUE_COLUMNS:
        chosen = getattr(filters, name)
        if chosen:
            masks[name] = np.isin(frame.values[name], list(chosen))
    terms = search_terms(filters.q) if filters.q else []
    if terms:
        mask = np.ones(len(frame), dtype=bool)
        haystack = frame.haystack(filters.lang)
        for term in terms:
            mask &= haystack.str.contains(term, regex=False).fillna(False).to_numpy(dtype=bool)
        masks["q"] = mask
    return masks


def _tally(values: np.ndarray) -> dict[str, int]:
    counts = pd.Series(values, dtype=object).value_counts(sort=False)
    return {str(value): int(count) for value, count in counts.items() if value}


def facet_counts(partners: pd.DataFrame, filters: Filters,
                 frame: FacetFrame | None = None) -> dict[str, FacetCounts]:
    """Filter name -> partners per value, each with every criterion of ``filters`` but its own.
    ``frame``: ``facet_frame(partners)``, when the caller keeps it."""
    frame = facet_frame(partners) if frame is None else frame
    masks = criterion_masks(frame, filters)
    out: dict[str, FacetCounts] = {}
    for facet in FACETS:
        keep = np.ones(len(frame), dtype=bool)
        for name, mask in masks.items():
            if name != facet:
                keep &= mask
        if facet == "axis":
            pairs = keep[frame.axis_rows]
            out[facet] = FacetCounts(_tally(frame.axis_ids[pairs]), int((keep & frame.everywhere).sum()))
        elif facet == "city":
            out[facet] = FacetCounts(_tally(frame.values["city"][keep]), normalise=normalize_name)
        else:
            out[facet] = FacetCounts(_tally(frame.values[facet][keep]))
    return out
