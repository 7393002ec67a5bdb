"""A folium map rendered once into the arguments of streamlit-folium's component (no Streamlit here).

``st_folium(fmap, ...)`` renders the whole map on every script run: templates, then regular
expressions over the map script to rename folium's random ids, then a SHA-256 of the script. At
10,000 partners the script is about 800 kB and that alone takes 0.1-0.15 s per run. The pages
instead render a map once per view with :func:`folium_component_args`, memoise the result, and pass
it to the component on every run (``enact_dash.ui.folium_map.show_folium``).

The arguments are exactly those ``st_folium`` passes to its component (a test checks it against
the installed streamlit-folium), so the browser side, the returned values and the component's name
(``streamlit_folium.st_folium``, which CSS and tests select on) stay the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
from folium.elements import JSCSSMixin


@dataclass(frozen=True)
class FoliumComponentArgs:
    """What the component needs, apart from the per-call ``height``, ``width`` and ``on_change``.

    ``widget_key`` is the component's key: streamlit-folium derives it from the map script and the
    caller's key, so a new script mounts a new map while the same script keeps the map in place.
    """

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    defaults: dict[str, Any]
    returned_objects: tuple[str, ...] | None
    widget_key: str

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments of the component function (as ``st_folium`` builds them)."""
        return {
            "script": self.script,
            "header": self.header,
            "html": self.html,
            "id": self.map_id,
            "key": self.widget_key,
            "returned_objects": list(self.returned_objects) if self.returned_objects is not None else None,
            "default": dict(self.defaults),
            "zoom": None,
            "center": None,
            "feature_group": None,
            "return_on_hover": False,
            "layer_control": None,
            "pixelated": False,
            "css_links": list(self.css_links),
            "js_links": list(self.js_links),
            "wrap_longitude": False,
        }


def _links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    """The CSS and JS files of every element (what st_folium's ``walk`` collects), deduplicated."""
    css: list[str] = []
    js: list[str] = []
    pending: list[Any] = [fmap]
    while pending:
        element = pending.pop(0)
        if isinstance(element, JSCSSMixin):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
        children = list(getattr(element, "_children", {}).values())
        pending[0:0] = children  # depth first, in order, like st_folium
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def _bounds(fmap: folium.Map) -> dict[str, dict[str, float | None]]:
    (south, west), (north, east) = fmap.get_bounds()
    return {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}


def folium_component_args(
    fmap: folium.Map, *, key: str | None, returned_objects: Sequence[str] | None = None
) -> FoliumComponentArgs:
    """Render ``fmap`` once (this changes its element ids: do not render it again).

    ``key`` is the Streamlit key the page gives the map (as ``st_folium(key=...)``).
    """
    import streamlit_folium as sf  # here: importing it declares a Streamlit component

    fmap.get_root().render()
    fmap.render()
    html = sf._get_html(fmap)  # the helpers st_folium itself uses (private)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css_links, js_links = _links(fmap)
    defaults = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": _bounds(fmap),
        "zoom": fmap.options.get("zoom"),
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }
    if returned_objects is not None:
        defaults = {k: v for k, v in defaults.items() if k in returned_objects}
    return FoliumComponentArgs(
        script=script,
        header=header,
        html=html,
        map_id=sf.get_full_id(fmap),
        css_links=tuple(css_links),
        js_links=tuple(js_links),
        defaults=defaults,
        returned_objects=tuple(returned_objects) if returned_objects is not None else None,
        widget_key=sf.generate_js_hash(script, key, False),
    )
