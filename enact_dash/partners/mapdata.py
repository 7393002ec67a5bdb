"""The boundaries that the partner map draws, for a data directory (never raises)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from enact_dash.config import BUNDLED_DATA_DIR
from enact_dash.geo import BOUNDARIES_FILE, GEO_SUBDIR, load_boundaries

EMPTY_BOUNDARIES: dict[str, Any] = {"type": "FeatureCollection", "features": []}


def geo_dir_for(data_dir: Path) -> Path:
    """``<data_dir>/geo`` if present, else the bundled geodata (the loaders do the same)."""
    own = Path(data_dir) / GEO_SUBDIR
    return own if own.is_dir() else BUNDLED_DATA_DIR / GEO_SUBDIR


def boundaries_for(data_dir: Path) -> dict[str, Any]:
    """The boundaries GeoJSON of ``data_dir``; an empty collection when the file is missing or broken
    (the map then shows the partners alone; the data notice reports the geodata problem)."""
    path = geo_dir_for(data_dir)
    if not (path / BOUNDARIES_FILE).is_file():
        return EMPTY_BOUNDARIES
    try:
        return load_boundaries(path)
    except (OSError, ValueError):
        return EMPTY_BOUNDARIES
