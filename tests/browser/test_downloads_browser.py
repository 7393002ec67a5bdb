"""The partners' downloads in a real browser: the files a visitor saves from the list tab, for a shared
link's filters. CSV in the page's language (what a spreadsheet opens), JSON with codes and the envelope.

Runs on its own small data directory (ENACT_DATA_DIR), so the rows do not move with data/.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from _harness import AppPage, StreamlitServer, assert_no_app_errors, wait_app_idle
from playwright.sync_api import Page

from tests.conftest import write_data_dir

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 1000}

# Test data, not facts.
PARTNERS = [
    {"id": "ul", "name": "Université de Lorraine", "type": "university", "relation": "member", "lead": "oui",
     "city": "Nancy", "country": "FR", "axes": "all", "source": "test"},
    {"id": "saar", "name": "Forschungsinstitut Saar", "type": "research_organisation",
     "relation": "cooperation", "city": "Saarbrücken", "country": "DE", "axes": "nlp", "source": "test"},
    {"id": "formula", "name": "=HYPERLINK(\"http://evil.example\",\"clic\")", "type": "research_organisation",
     "relation": "partner", "city": "", "country": "FR", "axes": "", "source": "test"},
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    data = write_data_dir(tmp_path_factory.mktemp("downloads") / "data", partners=PARTNERS)
    with StreamlitServer(data_dir=data, env={"ENACT_TILES": "none"}) as running:
        yield running


@pytest.fixture
def app(new_app_page, server: StreamlitServer) -> AppPage:
    return new_app_page(server, viewport=DESKTOP, accept_downloads=True)


def download(page: Page, label: str, tmp_path: Path) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return info.value.suggested_filename, target.read_bytes()


def test_partners_csv_in_french_as_a_spreadsheet_opens_it(app: AppPage, tmp_path: Path) -> None:
    page = app.goto("partners", lang="fr", ptype="research_organisation")
    wait_app_idle(page)
    assert_no_app_errors(page)
    name, data = download(page, "Télécharger (CSV)", tmp_path)
    assert name == "partenaires-ia-grand-est-enact.csv"
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the accents
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:8] == ["Identifiant", "Nom", "Nom court", "Type", "Relation", "Porteur du cluster",
                           "Ville", "Pays"]
    by_id = {row[0]: row for row in rows[1:]}
    assert sorted(by_id) == ["formula", "saar"]  # the view's partners only
    assert by_id["saar"][3:8] == ["Organisme de recherche", "Coopération", "non", "Saarbrücken", "Allemagne"]
    assert by_id["formula"][1] == "'=HYPERLINK(\"http://evil.example\",\"clic\")"  # shown as text
    assert by_id["formula"][6] == "site non précisé"
    assert app.blocked == []


def test_partners_json_has_codes_labels_and_the_view(app: AppPage, tmp_path: Path) -> None:
    page = app.goto("partners", lang="de", country="DE")
    wait_app_idle(page)
    name, data = download(page, "Herunterladen (JSON)", tmp_path)
    assert name == "partner-ia-grand-est-enact.json"
    document = json.loads(data.decode("utf-8"))
    assert (document["dataset"], document["lang"]) == ("partners", "de")
    assert document["filters"] == {"country": ["DE"]}
    [record] = document["records"]
    assert (record["id"], record["type"], record["type_label"], record["country_label"]) == (
        "saar", "research_organisation", "Forschungseinrichtung", "Deutschland")
    assert app.blocked == []
