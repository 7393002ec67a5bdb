"""AppTest: a data file saved badly while the app runs. The visitors keep the last good version; the
staff's notice says what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.app.conftest import REPO, page_text, run_app_page

HUS = "Hôpitaux universitaires de Strasbourg"


@pytest.mark.parametrize(
    ("cut", "said"),
    [
        (lambda data: data[:1500], "fichier incomplet (enregistrement interrompu\u202f?)"),  # half-saved
        (lambda data: data.replace(",Ville d’apr".encode(), ',"Ville d’apr'.encode(), 1),
         "guillemet non fermé"),
    ],
)
def test_a_partners_file_saved_badly_mid_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut, said
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(REPO / "data", data_dir)
    monkeypatch.setenv("ENACT_DATA_DIR", str(data_dir))
    at = run_app_page("partners", lang="fr")
    assert HUS in page_text(at)

    partners = data_dir / "partners.csv"
    saved = cut(partners.read_bytes())
    assert saved != partners.read_bytes(), "the case still applies to the bundled data"
    partners.write_bytes(saved)
    at.run()
    assert not at.exception
    text = page_text(at)
    assert said in text, "the staff are told"
    if "incomplet" in said:
        assert HUS in text, "the last good partners are shown"
