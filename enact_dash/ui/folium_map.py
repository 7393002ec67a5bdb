"""Show a map already rendered by :func:`enact_dash.maps.component.folium_component_args`.

The same component as ``streamlit_folium.st_folium`` (same frontend, same name, same returned
values), without rendering the map again on every script run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
import streamlit_folium

from enact_dash.maps.component import FoliumComponentArgs

_component = streamlit_folium._component_func  # the component st_folium calls (private)


def show_folium(
    args: FoliumComponentArgs, *, key: str, height: int, on_change: Callable[[], None] | None = None
) -> Any:
    """Like ``st_folium(fmap, key=key, height=height, use_container_width=True, ...)``: after a
    change on the map, ``st.session_state[key]`` holds the returned objects, then ``on_change`` runs."""

    def changed() -> None:
        st.session_state[key] = st.session_state.get(args.widget_key, {})
        if on_change is not None:
            on_change()

    return _component(**args.kwargs(), height=height, width=None, on_change=changed)
