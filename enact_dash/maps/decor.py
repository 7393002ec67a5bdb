"""Map furniture: legend control, plain background, attribution. All text is escaped in Python."""

from __future__ import annotations

import html
from collections.abc import Sequence

from branca.element import MacroElement
from folium.template import Template

from enact_dash.maps.palette import MAP_BACKGROUND, Category, shape_svg

_LEGEND_CSS = """
.enact-legend {
  background: rgba(255, 255, 255, 0.94); color: #1a1a1a; padding: 6px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); font: 12px/1.5 system-ui, sans-serif; max-width: 16em;
}
.enact-legend-title { font-weight: 700; margin: 0 0 2px; font-size: 12px; }
.enact-legend ul { list-style: none; margin: 0; padding: 0; }
.enact-legend li { display: flex; align-items: center; gap: 6px; }
.enact-legend svg { flex: none; }
.enact-legend-note { margin: 2px 0 0; color: #4a4a4a; }
"""


def legend_html(title: str, items: Sequence[tuple[Category, int | None]], note: str | None = None) -> str:
    """The legend's inner HTML: a title, one line per category (shape, label, optional count), and an
    optional note under them."""
    lines = []
    for category, count in items:
        label = html.escape(category.label)
        suffix = f" ({count})" if count is not None else ""
        lines.append(f"<li>{shape_svg(category.shape, category.color)}<span>{label}{suffix}</span></li>")
    after = f'<p class="enact-legend-note">{html.escape(note)}</p>' if note else ""
    return f'<p class="enact-legend-title">{html.escape(title)}</p><ul>{"".join(lines)}</ul>{after}'


class Legend(MacroElement):
    """An HTML legend as a Leaflet control (``inner_html`` must already be escaped), a group named
    ``label`` (its title by default)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
            {{ this.get_name() }}.onAdd = function () {
                var div = L.DomUtil.create("div", "enact-legend");
                div.setAttribute("role", "group");
                div.setAttribute("aria-label", {{ this.label|tojson }});
                div.innerHTML = {{ this.inner_html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, title: str, inner_html: str, position: str = "topright", *,
                 label: str | None = None) -> None:
        super().__init__()
        self._name = "Legend"
        self.title = title
        self.label = title if label is None else label
        self.inner_html = inner_html
        self.position = position
        self.css = _LEGEND_CSS


class MapBackground(MacroElement):
    """Plain light background of the map container (what shows when tiles are off or unreachable), and
    credits in small type."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>
            #{{ this._parent.get_name() }}.leaflet-container { background: {{ this.color }}; }
            /* folium sets the map's text to 1rem; the credits need not cover the map's bottom edge */
            #{{ this._parent.get_name() }} .leaflet-control-attribution { font-size: 12px; line-height: 1.4; }
            </style>
        {% endmacro %}
        """
    )

    def __init__(self, color: str = MAP_BACKGROUND) -> None:
        super().__init__()
        self._name = "MapBackground"
        self.color = color


class Attribution(MacroElement):
    """Adds a (plain text) attribution to the map's attribution control."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.html|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.html = html.escape(text)


LEAFLET_URL = "https://leafletjs.com"


class LeafletTexts(MacroElement):
    """Leaflet's own English texts in the interface language: the zoom buttons' titles and names
    ("Zoom in", "Zoom out"), the attribution prefix's title ("A JavaScript library for interactive
    maps") and the popups' close button ("Close popup", which Leaflet 1.9 writes without an option).

    The map must be built with ``zoom_control=False``: this element adds the zoom control with its
    titles (Leaflet uses a title for both ``title`` and ``aria-label``), but on a ``static`` map.

    ``frame_title`` names the map for screen readers: the component's frame (same origin: the app serves
    it) is titled "streamlit_folium.st_folium" by Streamlit, and its document is "Streamlit Folium
    Component" in English; both take this title, and the document the page's language ``lang``."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                {% if this.frame_title %}
                document.title = {{ this.frame_title|tojson }};
                document.documentElement.lang = {{ this.lang|tojson }};
                if (window.frameElement) {
                    window.frameElement.setAttribute("title", {{ this.frame_title|tojson }});
                }
                {% endif %}
                {% if this.zoom_control %}
                L.control.zoom({{ this.zoom_options|tojson }}).addTo(map);
                {% endif %}
                if (map.attributionControl) {
                    map.attributionControl.setPrefix({{ this.prefix|tojson }});
                }
                map.on("popupopen", function (e) {
                    var box = e.popup.getElement();
                    var close = box && box.querySelector(".leaflet-popup-close-button");
                    if (close) {
                        close.setAttribute("aria-label", {{ this.close_label|tojson }});
                        close.setAttribute("title", {{ this.close_label|tojson }});
                    }
                });
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, zoom_in: str, zoom_out: str, library: str, close_popup: str,
                 position: str = "topleft", static: bool = False, frame_title: str | None = None,
                 lang: str = "fr") -> None:
        super().__init__()
        self._name = "LeafletTexts"
        self.frame_title = frame_title
        self.lang = lang
        self.zoom_control = not static
        self.zoom_options = {"position": position, "zoomInTitle": zoom_in, "zoomOutTitle": zoom_out}
        # ``static`` (a kiosk: nothing to click or focus): no zoom buttons, the credit as plain text.
        self.prefix = "Leaflet" if static else (
            f'<a href="{LEAFLET_URL}" title="{html.escape(library, quote=True)}" hreflang="en">Leaflet</a>')
        self.close_label = close_popup
