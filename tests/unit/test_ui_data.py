"""The cache layer over the loaders: a broken file keeps its last good table, as one stable dataset."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from enact_dash.ui import data as ui_data

REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def test_a_broken_file_gives_the_same_dataset_at_every_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(REPO_DATA, data_dir)
    monkeypatch.setenv("ENACT_DATA_DIR", str(data_dir))
    good = ui_data.get_dataset()
    assert ui_data.get_dataset() is good

    (data_dir / "figures.csv").write_bytes(b"\x00\xff not a csv")
    broken = ui_data.get_dataset()
    assert broken is not good
    assert broken.tables["figures"] is good.tables["figures"]  # the last good table
    assert any(p.file == "figures.csv" for p in broken.problems)  # and its problem, for the staff
    assert ui_data.get_dataset() is broken  # one object while nothing changes: identity memos hold

    (data_dir / "partners.csv").write_text((REPO_DATA / "partners.csv").read_text(encoding="utf-8") + "\n",
                                           encoding="utf-8")
    assert ui_data.get_dataset() is not broken  # another file changed: a new dataset
