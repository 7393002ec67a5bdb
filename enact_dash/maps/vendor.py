"""Local (vendored) Leaflet assets and a folium Map that uses only them.

The files live in ``dashboard/static/vendor/`` and Streamlit serves them at ``/app/static/vendor/``
(``server.enableStaticServing``). streamlit-folium loads every element's ``default_js`` /
``default_css`` in its iframe, which has the app's origin, so root-relative URLs work there.
"""

from __future__ import annotations

from typing import ClassVar

import folium

STATIC_URL = "/app/static"
VENDOR_URL = f"{STATIC_URL}/vendor"

LEAFLET_VERSION = "1.9.4"
MARKERCLUSTER_VERSION = "1.5.3"

LEAFLET_JS = f"{VENDOR_URL}/leaflet-{LEAFLET_VERSION}/leaflet.js"
LEAFLET_CSS = f"{VENDOR_URL}/leaflet-{LEAFLET_VERSION}/leaflet.css"
MARKERCLUSTER_JS = f"{VENDOR_URL}/leaflet.markercluster-{MARKERCLUSTER_VERSION}/leaflet.markercluster.js"
MARKERCLUSTER_CSS = f"{VENDOR_URL}/leaflet.markercluster-{MARKERCLUSTER_VERSION}/MarkerCluster.css"


class OfflineMap(folium.Map):
    """A ``folium.Map`` that loads Leaflet from the vendored copy and nothing else.

    folium's Map also pulls jQuery, Bootstrap, Font Awesome and awesome-markers from CDNs; none of
    them is used here, so they are dropped. Elements that need more (markercluster) list their own
    local files.
    """

    default_js: ClassVar[list[tuple[str, str]]] = [("leaflet", LEAFLET_JS)]
    default_css: ClassVar[list[tuple[str, str]]] = [("leaflet_css", LEAFLET_CSS)]
