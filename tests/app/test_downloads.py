"""AppTest of the downloads: for given filters (from a shared link), the file a visitor downloads holds
what the page shows, in the page's language (CSV) or with codes and the view's filters (JSON)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import REPO, page_text, run_app_page
from tests.app.test_partners_page import PARTNERS, listed_ids
from tests.conftest import write_data_dir

PARTNERS_FILE = {"fr": "partenaires-ia-grand-est-enact", "en": "partners-ia-grand-est-enact",
                 "de": "partner-ia-grand-est-enact"}
EVENTS_FILE = {"fr": "agenda-ia-enact.csv", "en": "ia-enact-events.csv", "de": "ia-enact-veranstaltungen.csv"}
FIGURES_FILE = {"fr": "enact-chiffres-cles.csv", "en": "enact-key-figures.csv", "de": "enact-kennzahlen.csv"}
SEPARATOR = {"fr": ";", "en": ",", "de": ";"}
ID_HEADER = {"fr": "Identifiant", "en": "ID", "de": "Kennung"}


def csv_dicts(data: bytes, lang: str) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing: Excel would show mojibake"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=SEPARATOR[lang]))


@pytest.fixture
def partners_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_data_dir(tmp_path / "data", partners=PARTNERS)
    monkeypatch.setenv("ENACT_DATA_DIR", str(path))
    return path


@pytest.mark.parametrize(
    ("query", "type_column", "types"),
    [
        ({"lang": "fr", "ptype": "research_organisation"}, "Type", {"Organisme de recherche"}),
        ({"lang": "de", "country": "DE"}, "Art", {"Forschungseinrichtung"}),
        ({"lang": "en", "axis": "nlp", "sort": "-name"}, "Type", {"University", "Research organisation"}),
        ({"lang": "fr"}, "Type", {"Université", "Hôpital", "Organisme de recherche", "Collectivité"}),
    ],
)
def test_partners_csv_is_the_list_in_the_page_language(
    partners_data: Path, downloads: Callable[[str], bytes], query: dict[str, str], type_column: str,
    types: set[str],
) -> None:
    at = run_app_page("partners", **query)
    assert not at.exception
    lang = query["lang"]
    rows = csv_dicts(downloads(PARTNERS_FILE[lang] + ".csv"), lang)
    assert [row[ID_HEADER[lang]] for row in rows] == listed_ids(at)  # the list's rows, in its order
    assert listed_ids(at)
    assert {row[type_column] for row in rows} == types


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ({"lang": "de", "relation": "cooperation"}, {"relation": ["cooperation"]}),
        ({"lang": "en", "axis": "health", "page": "1", "sort": "city"}, {"axis": ["health"]}),
        ({"lang": "fr"}, {}),
    ],
)
def test_partners_json_has_codes_labels_and_the_view(
    partners_data: Path, downloads: Callable[[str], bytes], query: dict[str, str],
    filters: dict[str, list[str]],
) -> None:
    at = run_app_page("partners", **query)
    assert not at.exception
    document = json.loads(downloads(PARTNERS_FILE[query["lang"]] + ".json"))
    assert document["dataset"] == "partners"
    assert (document["lang"], document["filters"]) == (query["lang"], filters)
    assert [r["id"] for r in document["records"]] == listed_ids(at)
    assert document["count"] == len(listed_ids(at))
    labels = {r["type"]: r["type_label"] for r in document["records"]}
    assert all(label and label != code for code, label in labels.items())  # a label, not the code again


def event_ids(at: AppTest) -> list[str]:
    """The events the page lists (upcoming, then past), from their expanders' keys."""
    found = []
    for expander in at.expander:
        match = re.search(r"events_(?:upcoming|past)_(.+)_open$", expander.proto.id)
        if match:
            found.append(match.group(1))
    return found


@pytest.mark.parametrize(
    ("query", "type_label"),
    [
        ({"lang": "fr", "etype": "fete_science"}, "Fête de la science"),
        ({"lang": "en", "etype": "annual_day"}, "Annual day"),
        ({"lang": "de", "audience": "public"}, None),
    ],
)
def test_events_csv_is_the_list_in_the_page_language(
    monkeypatch: pytest.MonkeyPatch, downloads: Callable[[str], bytes], query: dict[str, str],
    type_label: str | None,
) -> None:
    monkeypatch.setenv("ENACT_TODAY", "2025-11-01")
    at = run_app_page("events", **query)
    assert not at.exception
    lang = query["lang"]
    rows = csv_dicts(downloads(EVENTS_FILE[lang]), lang)
    assert [row[ID_HEADER[lang]] for row in rows] == event_ids(at)
    assert event_ids(at)
    if type_label:
        assert {row["Type"] for row in rows} == {type_label}
    dates = [row[{"fr": "Début (AAAA-MM-JJ)", "en": "Start (YYYY-MM-DD)", "de": "Beginn (JJJJ-MM-TT)"}[lang]]
             for row in rows]
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d) for d in dates)


@pytest.mark.parametrize(
    ("lang", "status_header", "date_header", "rows"),
    [
        ("fr", "Statut", "Date", {
            "summer-schools-2026": ("Prévu", "2026 — date non publiée"),
            "training-call-2026": ("Annoncé (déroulement non confirmé)", "janvier 2026 — jour non publié"),
            "annual-day-2025": ("Confirmé", "12 décembre 2025"),
        }),
        ("en", "Status", "Date", {
            "summer-schools-2026": ("Planned", "2026 — date not published"),
            "training-call-2026": ("Announced (not confirmed as held)", "January 2026 — day not published"),
        }),
    ],
)
def test_events_csv_says_status_and_dates_as_the_page_does(
    monkeypatch: pytest.MonkeyPatch, downloads: Callable[[str], bytes], lang: str, status_header: str,
    date_header: str, rows: dict[str, tuple[str, str]],
) -> None:
    """On 25 November 2026, the January call still "planned" in the data is past: the file says it as the
    page's details do, and no date of 2026 is said "to be announced"."""
    monkeypatch.setenv("ENACT_TODAY", "2026-11-25")
    at = run_app_page("events", lang=lang)
    assert not at.exception
    written = {row[ID_HEADER[lang]]: (row[status_header], row[date_header])
               for row in csv_dicts(downloads(EVENTS_FILE[lang]), lang)}
    assert {key: written[key] for key in rows} == rows
    at.session_state["events_past_training-call-2026_open"] = True  # the page's details of the call
    at.run()
    assert rows["training-call-2026"][0] in page_text(at).replace("\\", "")


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_figures_csv_has_every_figure_in_the_page_language(
    monkeypatch: pytest.MonkeyPatch, downloads: Callable[[str], bytes], lang: str,
) -> None:
    monkeypatch.setenv("ENACT_DATA_DIR", str(REPO / "data"))
    at = run_app_page("achievements", lang=lang)
    assert not at.exception
    rows = csv_dicts(downloads(FIGURES_FILE[lang]), lang)
    with (REPO / "data" / "figures.csv").open(encoding="utf-8") as fh:
        assert [row[ID_HEADER[lang]] for row in rows] == [r["id"] for r in csv.DictReader(fh)]
    shown = {"fr": "Chiffre", "en": "Figure", "de": "Zahl"}[lang]
    text = page_text(at)
    assert any(row[shown] in text for row in rows)  # the figures as the page writes them
    units = {row[{"fr": "Unité", "en": "Unit", "de": "Einheit"}[lang]] for row in rows}
    assert units
    assert not units & {"eur", "count", "percent"}  # words, not the data's codes


def test_partners_page_builds_no_download_until_a_click(
    partners_data: Path, downloads: Callable[[str], bytes], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A download of 10,000 partners takes about half a second: never in a page run."""
    from enact_dash.partners import view as pt_view

    built: list[str] = []
    original = pt_view.partners_download
    monkeypatch.setattr(pt_view, "partners_download",
                        lambda *args, **kwargs: built.append("built") or original(*args, **kwargs))
    at = run_app_page("partners", lang="en", q="saar")
    assert not at.exception
    assert built == []
    assert json.loads(downloads(PARTNERS_FILE["en"] + ".json"))["count"] == 1  # the click builds it
    assert built == ["built"]
