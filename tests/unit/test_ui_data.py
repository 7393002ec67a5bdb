"""The cache layer over the loaders: a broken file keeps its last good table, as one stable dataset."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from enact_dash.data.dataset import fallbacks
from enact_dash.data.loaders import TableResult
from enact_dash.data.schemas import MILESTONES
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


def _copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(REPO_DATA, data_dir)
    monkeypatch.setenv("ENACT_DATA_DIR", str(data_dir))
    return data_dir


def _partners_header_renamed(text: str) -> str:
    first, rest = text.split("\n", 1)
    return first.replace(",name,", ",nom complet,") + "\n" + rest


@pytest.mark.parametrize(
    ("file", "break_it", "column"),
    [
        ("axes.csv", lambda text: "", "axis"),  # emptied (`: > axes.csv`)
        ("axes.csv", lambda text: "\x00\x01", "axis"),  # not a CSV file
        ("partners.csv", lambda text: "", "institution"),
        ("partners.csv", _partners_header_renamed, "institution"),  # a required column lost
    ],
)
def test_the_other_files_are_checked_against_the_version_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file, break_it, column
) -> None:
    data_dir = _copy(tmp_path, monkeypatch)
    good = ui_data.get_dataset()
    path = data_dir / file
    path.write_text(break_it(path.read_text(encoding="utf-8")), encoding="utf-8")
    broken = ui_data.get_dataset()
    assert broken.kept_previous == {file}
    assert broken.tables[file.removesuffix(".csv")].equals(good.tables[file.removesuffix(".csv")])
    # The chairs keep what the version shown gives them: no reference reported as unreadable.
    assert list(broken.chairs[column]) == list(good.chairs[column])
    assert not [p for p in broken.problems if p.file == "chairs.csv"]
    assert [p.file for p in broken.problems if p.file == file]  # the file's own problem, for the staff
    assert ui_data.get_dataset() is broken


def test_a_file_that_lost_most_of_its_rows_is_shown_with_both_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = _copy(tmp_path, monkeypatch)
    good = ui_data.get_dataset()
    before = len(good.partners)
    lines = (data_dir / "partners.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data_dir / "partners.csv").write_text("".join(lines[:3]), encoding="utf-8")  # header + 2 rows
    shrunk = ui_data.get_dataset()
    assert len(shrunk.partners) == 2  # shown as read
    lost = [p for p in shrunk.problems if p.code == "rows_lost"]
    assert [(p.file, p.line, dict(p.params)) for p in lost] == [
        ("partners.csv", 0, {"before": str(before), "after": "2"})]
    assert lost[0].format("fr") == (f"partners.csv: lignes lues\u00a0: 2, contre {before} dans la dernière "
                                    "version lue correctement. Le fichier a-t-il été coupé ou mal "
                                    "enregistré\u202f? Vérifiez qu’il est complet")
    # Another file edited: still compared with the fuller version.
    axes = data_dir / "axes.csv"
    axes.write_text(axes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert [p.code for p in ui_data.get_dataset().problems].count("rows_lost") == 1
    shutil.copy(REPO_DATA / "partners.csv", data_dir / "partners.csv")  # rows back
    assert not [p for p in ui_data.get_dataset().problems if p.code == "rows_lost"]


@pytest.mark.parametrize(("before", "after", "said"), [
    (18, 2, True), (18, 8, True), (18, 9, False), (3, 0, False), (4, 1, True), (4, 2, False)])
def test_which_loss_of_rows_is_said(before: int, after: int, said: bool) -> None:
    def result(rows: int) -> TableResult:
        return TableResult(MILESTONES, pd.DataFrame({"id": [f"m{i}" for i in range(rows)]}), ())

    found = fallbacks({"milestones": result(after)}, {"milestones": result(before)})
    assert (found == {"milestones"}) is said
