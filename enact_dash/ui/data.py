"""Cached loading on top of the pure loaders.

The cache key includes every data file's modification time and size, so an edited file shows at the next
rerun without a restart. When a file becomes unreadable (or loses a required column) while the app runs,
the last good version of that table is kept, with its problem still listed for the staff.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from enact_dash.config import get_settings
from enact_dash.data import Dataset, TableResult, load_dataset
from enact_dash.data.dataset import assemble, fallbacks
from enact_dash.data.schemas import ALL_TABLES
from enact_dash.ui import memory


@dataclass
class _Memory:
    """Per data directory: each table's last good result (as read, before the cross-file checks), the
    dataset last loaded and the one shown for it (the same object at every run, so that the memos keyed
    on a dataset's identity keep working)."""

    last_good: dict[str, TableResult] = field(default_factory=dict)
    loaded: Dataset | None = None
    shown: Dataset | None = None


_MEMORY: dict[str, _Memory] = {}
_LOCK = threading.Lock()


def files_signature(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime_ns, size) of every file that the loaders read."""
    out = []
    for name in [spec.name for spec in ALL_TABLES] + ["geo"]:
        path = data_dir / name
        try:
            stat = path.stat()
        except OSError:
            out.append((name, -1, -1))
            continue
        out.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(out)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(data_dir: str, signature: tuple[tuple[str, int, int], ...]) -> Dataset:
    del signature  # part of the cache key only
    memory.data_changed()
    return load_dataset(Path(data_dir))


def get_dataset() -> Dataset:
    """The validated data, reloaded when a file changes; never raises for bad data.

    A file that cannot be read (or lost a required column) since an earlier load is replaced by its last
    good version, and the other files are checked against that version (the cross-file checks run again
    with it); a file that lost most of its rows since its last good version is shown with a warning giving
    both counts.
    """
    data_dir = get_settings().data_dir
    dataset = _load(str(data_dir), files_signature(data_dir))
    with _LOCK:
        remembered = _MEMORY.setdefault(str(data_dir), _Memory())
        if remembered.loaded is dataset and remembered.shown is not None:
            return remembered.shown
        previous = dict(remembered.last_good)
        shown = dataset
        fallen_back = fallbacks(dataset.results, previous)
        if fallen_back:
            memory.data_changed()
            shown = assemble(dataset.results, data_dir, previous=previous)
        # A table that lost most of its rows stays compared with its fuller version (the warning stays
        # until its rows are back, or the app restarts).
        remembered.last_good.update({key: result for key, result in dataset.results.items()
                                     if result.readable and key not in fallen_back})
        remembered.loaded, remembered.shown = dataset, shown
        return shown
