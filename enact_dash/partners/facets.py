"""How many partners each choice of the type, country, relation, axis and city filters would give.

Each filter's counts are taken with every other active criterion applied (the other filters, the
search) but not its own selection (:mod:`enact_dash.facets`). Each criterion's rows are computed once
(:func:`~enact_dash.partners.filtering.criterion_masks`), then combined five ways: at 10,000 partners
this is a few milliseconds more than the view itself. ``enact_dash.partners.view.partner_facets`` is
the memoised entry point.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from enact_dash.facets import FacetCounts, axis_facet, city_facet, value_facet
from enact_dash.filters import Filters
from enact_dash.partners.filtering import VALUE_COLUMNS, city_keys, criterion_masks

# The filters shown with counts: the sidebar's shared ones and the page's chips (not the search).
FACETS = ("axis", "city", "ptype", "country", "relation")


def facet_counts(partners: pd.DataFrame, filters: Filters) -> dict[str, FacetCounts]:
    """Filter name -> partners per value, each with every criterion of ``filters`` but its own."""
    masks = criterion_masks(partners, filters)
    out: dict[str, FacetCounts] = {}
    for facet in FACETS:
        keep = np.ones(len(partners), dtype=bool)
        for name, mask in masks.items():
            if name != facet:
                keep &= mask
        rows = partners[keep]
        if facet == "axis":
            out[facet] = axis_facet(rows["axes"])
        elif facet == "city":
            out[facet] = city_facet(city_keys(rows))
        else:
            out[facet] = value_facet(rows[VALUE_COLUMNS[facet]])
    return out
