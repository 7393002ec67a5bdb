"""Paths and settings read from the environment.

Everything configurable lives here so that pages and builders never read the environment themselves.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA_DIR = REPO_ROOT / "data"

DEFAULT_PUBLIC_URL = "http://localhost:8501"
DEFAULT_TILES = "OpenStreetMap"

# The map area: Grand Est and the border areas of DE, LU, BE, CH (lon/lat bounds of the geodata).
MAP_BOUNDS = ((46.8, 2.5), (51.0, 10.6))  # (south, west), (north, east)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    public_url: str
    tiles: str | None  # None: no tile layer (offline background only)
    public_url_set: bool = False  # ENACT_PUBLIC_URL given (else the links use the visitor's address)


def _tiles_from_env(value: str | None) -> str | None:
    if value is None:
        return DEFAULT_TILES
    value = value.strip()
    if value.lower() in {"", "none", "off", "0", "false"}:
        return None
    return value


def get_settings(environ: os._Environ[str] | dict[str, str] | None = None) -> Settings:
    """Read the settings from the environment (``os.environ`` by default)."""
    env = os.environ if environ is None else environ
    data_dir = env.get("ENACT_DATA_DIR") or str(BUNDLED_DATA_DIR)
    public_url = (env.get("ENACT_PUBLIC_URL") or DEFAULT_PUBLIC_URL).rstrip("/")
    return Settings(
        data_dir=Path(data_dir).expanduser(),
        public_url=public_url,
        tiles=_tiles_from_env(env.get("ENACT_TILES")),
        public_url_set=bool(env.get("ENACT_PUBLIC_URL")),
    )


def app_root(page_url: str | None, page_path: str) -> str | None:
    """The app's root address from the address of one of its pages as the browser has it
    (``st.context.url``: ``https://example.org/dash/partners`` for the page ``partners`` ->
    ``https://example.org/dash``); None without one."""
    if not page_url:
        return None
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.netloc:
        return None
    path = parts.path.rstrip("/")
    if page_path and path.endswith("/" + page_path):
        path = path[: -len(page_path) - 1]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def reachable_from_outside(url: str) -> bool:
    """False for an address a visitor's phone cannot open: no host, ``localhost`` (and ``*.localhost``),
    a loopback or unspecified address (``127.0.0.1``, ``::1``, ``0.0.0.0``)."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # e.g. an unclosed "[" in the host
        return False
    if not host or host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # a name
        return True
    return not (address.is_loopback or address.is_unspecified)
