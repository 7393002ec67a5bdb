"""The boundaries that the partner map draws (shared with the events map, see enact_dash.geo)."""

from enact_dash.geo import EMPTY_BOUNDARIES, boundaries_for, geo_dir_for

__all__ = ["EMPTY_BOUNDARIES", "boundaries_for", "geo_dir_for"]
