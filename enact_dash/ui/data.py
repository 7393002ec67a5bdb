"""Cached loading on top of the pure loaders.

The cache key includes every data file's modification time and size, so an edited file shows at the next
rerun without a restart. When a file becomes unreadable (or loses a required column) while the app runs,
the last good version of that table is kept, with its problem still listed for the staff.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from enact_dash.config import get_settings
from enact_dash.data import Dataset, Outcome, load_dataset
from enact_dash.data.schemas import ALL_TABLES
from enact_dash.ui import memory

# Last good table per (data dir, table name): survives a file broken mid-event.
_LAST_GOOD: dict[tuple[str, str], object] = {}
# Per data dir, the dataset last built from a loaded one and last good tables: (loaded, tables, built).
# The same inputs give the same object, so the memos keyed on a dataset's identity keep working.
_MERGED: dict[str, tuple[Dataset, tuple[object, ...], Dataset]] = {}


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


def _file_failed(dataset: Dataset, name: str) -> bool:
    return any(p.file == name and p.outcome is Outcome.FILE_LEFT_OUT for p in dataset.problems)


def get_dataset() -> Dataset:
    """The validated data, reloaded when a file changes; never raises for bad data."""
    data_dir = get_settings().data_dir
    dataset = _load(str(data_dir), files_signature(data_dir))
    tables = dict(dataset.tables)
    changed = False
    kept: set[str] = set()
    for spec in ALL_TABLES:
        key = spec.name.removesuffix(".csv")
        cache_key = (str(data_dir), key)
        if _file_failed(dataset, spec.name):
            previous = _LAST_GOOD.get(cache_key)
            if previous is not None:
                tables[key] = previous
                kept.add(spec.name)
                changed = True
        else:
            _LAST_GOOD[cache_key] = tables[key]
    if not changed:
        _MERGED.pop(str(data_dir), None)  # repaired: let the broken state's dataset go
        return dataset
    frames = tuple(tables.values())
    merged = _MERGED.get(str(data_dir))
    if merged is None or merged[0] is not dataset or len(merged[1]) != len(frames) or any(
        a is not b for a, b in zip(merged[1], frames, strict=True)
    ):
        merged = (dataset, frames, replace(dataset, tables=tables, kept_previous=frozenset(kept)))
        _MERGED[str(data_dir)] = merged
    return merged[2]
