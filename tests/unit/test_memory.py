"""ui.memory: after new data, one full collection, then the survivors are out of later full passes."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from enact_dash.ui import data as ui_data
from enact_dash.ui import memory


class Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    memory.settle()  # whatever an earlier test left pending
    yield
    gc.unfreeze()


def test_settles_once_per_data_change() -> None:
    assert memory.settle() is False  # nothing new since the fixture's settle
    memory.data_changed()
    assert memory.settle() is True
    assert gc.get_freeze_count() > 0
    assert memory.settle() is False


def test_what_lives_across_a_settle_is_skipped_by_later_full_passes() -> None:
    kept = Node()
    memory.data_changed()
    memory.settle()
    assert not any(obj is kept for obj in gc.get_objects())  # frozen: in no generation
    assert gc.get_freeze_count() > 0


def test_a_frozen_cycle_dropped_later_is_reclaimed_at_the_next_settle() -> None:
    node = Node()
    alive = weakref.ref(node)
    memory.data_changed()
    memory.settle()
    del node
    gc.collect()
    assert alive() is not None  # frozen: full passes skip it meanwhile
    memory.data_changed()
    memory.settle()
    assert alive() is None  # nothing leaks: the next settle unfreezes and collects first


def test_a_new_load_asks_for_a_settle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()  # an empty data directory: loaded, with its problems listed
    monkeypatch.setenv("ENACT_DATA_DIR", str(data_dir))
    ui_data.get_dataset()
    assert memory.settle() is True
    ui_data.get_dataset()  # the cache's: nothing new
    assert memory.settle() is False
