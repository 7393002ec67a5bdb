"""Offline, fast maps (folium + vendored Leaflet): the partner map and a reusable points layer."""

from enact_dash.maps.boundaries import build_boundaries_layers, country_name
from enact_dash.maps.palette import Category, partner_categories
from enact_dash.maps.partner_map import (
    RETURNED_OBJECTS,
    build_base_map,
    build_partner_map,
    clicked_point_id,
    count_located,
)
from enact_dash.maps.points import PointsLayer, PopupField, build_points_layer

__all__ = [
    "RETURNED_OBJECTS",
    "Category",
    "PointsLayer",
    "PopupField",
    "build_base_map",
    "build_boundaries_layers",
    "build_partner_map",
    "build_points_layer",
    "clicked_point_id",
    "count_located",
    "country_name",
    "partner_categories",
]
