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

    partners = (REPO_DATA / "partners.csv").read_text(encoding="utf-8")
    (data_dir / "partners.csv").write_text(partners.replace("Université de Lorraine", "UL (edited)", 1),
                                           encoding="utf-8")
    edited = ui_data.get_dataset()  # another file changed: a new dataset, with that file's new table
    assert edited is not broken
    assert "UL (edited)" in set(edited.tables["partners"]["name"])
    assert edited.tables["figures"] is good.tables["figures"]
    assert any(p.file == "figures.csv" for p in edited.problems)

    shutil.copy(REPO_DATA / "figures.csv", data_dir / "figures.csv")  # repaired
    repaired = ui_data.get_dataset()
    assert repaired.tables["figures"] is not good.tables["figures"]  # read again, from the file
    assert repaired.tables["figures"].equals(good.tables["figures"])
    assert not any(p.file == "figures.csv" for p in repaired.problems)
