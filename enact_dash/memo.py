"""A small, thread-safe memo keyed on an object's identity plus a hashable key (no Streamlit here).

The partners and events pages recompute the same things on every rerun (filtered views, list
tables, figures, the map's rendered script) from the *same* DataFrame object: the cached dataset
keeps it alive between reruns. Hashing a 10,000- or 50,000-row frame on each run (what
``st.cache_data`` does) would cost more than the work saved, so entries are keyed on ``id(owner)``
and keep a strong reference to ``owner`` (its id cannot be reused while the entry lives). A new data
file gives a new frame, hence new entries; old ones age out (least recently used first).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class IdentityMemo:
    def __init__(self, maxsize: int = 64) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[tuple[int, Hashable], tuple[object, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, owner: object, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for (owner, key), computed once by ``compute()`` (outside the lock)."""
        entry_key = (id(owner), key)
        with self._lock:
            entry = self._entries.get(entry_key)
            if entry is not None and entry[0] is owner:
                self._entries.move_to_end(entry_key)
                self.hits += 1
                return entry[1]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self.misses += 1
            self._entries[entry_key] = (owner, value)
            self._entries.move_to_end(entry_key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
