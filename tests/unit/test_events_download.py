"""The events' downloads (enact_dash.events.export): CSV in the page's language with ISO dates and unknown
said in words, formulas neutralised in values and labels; JSON with codes, labels, translations, null."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from enact_dash.events.display import event_view
from enact_dash.events.export import CSV_COLUMNS, JSON_KEYS, events_download
from enact_dash.exports import download_csv, download_json
from tests.conftest import csv_rows
from tests.unit.test_events_page_model import event

AXES = {"nlp": "Langues et modèles multimodaux", "health": "Santé numérique", "evil": "=1+1"}
GENERATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
BEFORE = date(2025, 11, 1)  # every event but one still ahead
TODAY = date(2026, 11, 25)  # the review's day: 2026 under way, February and March 2026 over

# Test data, not facts.
EVENTS = pd.DataFrame([
    event("day", "2025-12-12", end=None, type="annual_day", title_fr="Journée annuelle",
          title_en="Annual day", venue="Bâtiment Ada Lovelace", city="Villers-lès-Nancy", country="FR",
          audience=("researchers", "companies"), accessibility=("sign_language",),
          accessibility_note_fr="LSF", axes=("all",), status="confirmed", lat=48.66, lon=6.15,
          description_fr="Bilan.", registration_url="https://example.org/inscription"),
    event("summer", "2026", type="summer_school", title_fr="École d’été", status="", source=""),
    event("fds", "2025-10-03", end="2025-10-13", type="fete_science", city="Saarbrücken", country="de",
          axes=("health", "nlp"), status="cancelled", origin="fds", external_id="123"),
    event("hostile", "2026-02", title_fr="=HYPERLINK(\"http://x\")", venue="+33 3 83", axes=("evil",)),
    event("talk", "2026-03-10", title_fr="Conférence"),
])


@pytest.mark.parametrize(
    ("lang", "sep", "headers"),
    [
        ("fr", ";", ["Identifiant", "Titre", "Type", "Début (AAAA-MM-JJ)", "Fin (AAAA-MM-JJ)", "Date",
                     "Statut", "Lieu", "Ville", "Pays", "Axes de recherche", "Public", "Accessibilité",
                     "Précisions sur l’accessibilité", "Inscription", "Description", "Source"]),
        ("en", ",", ["ID", "Title", "Type", "Start (YYYY-MM-DD)", "End (YYYY-MM-DD)", "Date", "Status",
                     "Venue", "City", "Country", "Research axes", "Audience", "Accessibility",
                     "Accessibility details", "Registration", "Description", "Source"]),
        ("de", ";", ["Kennung", "Titel", "Art", "Beginn (JJJJ-MM-TT)", "Ende (JJJJ-MM-TT)", "Datum", "Status",
                     "Veranstaltungsort", "Ort", "Land", "Forschungsachsen", "Zielgruppe", "Barrierefreiheit",
                     "Hinweise zur Barrierefreiheit", "Anmeldung", "Beschreibung", "Quelle"]),
    ],
)
def test_csv_headers_are_in_the_page_language(lang: str, sep: str, headers: list[str]) -> None:
    rows = csv_rows(download_csv(events_download(EVENTS, lang, AXES, today=BEFORE), sep=sep), sep)
    assert rows[0] == headers
    assert len(headers) == len(CSV_COLUMNS)


@pytest.mark.parametrize(
    ("lang", "row", "expected"),
    [
        ("fr", 0, ["day", "Journée annuelle", "Journée annuelle", "2025-12-12", "non connu",
                   "12 décembre 2025", "Confirmé", "Bâtiment Ada Lovelace", "Villers-lès-Nancy", "France",
                   "Tous les axes", "Chercheurs, Entreprises", "Interprètes en langue des signes", "LSF",
                   "https://example.org/inscription", "Bilan.", "test"]),
        # the English title; no English description or note: the French ones, as the page shows them
        ("en", 0, ["day", "Annual day", "Annual day", "2025-12-12", "unknown", "12 December 2025",
                   "Confirmed", "Bâtiment Ada Lovelace", "Villers-lès-Nancy", "France", "All axes",
                   "Researchers, Companies",
                   "Sign-language interpreters", "LSF", "https://example.org/inscription", "Bilan.", "test"]),
        # a year only: ISO "2026", said as the page says it; unknown place, audience, source in words
        ("fr", 1, ["summer", "École d’été", "École d’été", "2026", "non connu", "2026 — date à venir",
                   "Prévu", "non connu", "non connu", "non connu", "Axe non précisé", "non précisé",
                   "non précisé", "non précisé", "non précisé", "non précisé", "non connu"]),
        ("de", 2, ["fds", "fds", "Fête de la science (Wissenschaftsfest)", "2025-10-03", "2025-10-13",
                   "3.–13. Oktober 2025", "Abgesagt", "unbekannt", "Saarbrücken", "Deutschland",
                   "Santé numérique, Langues et modèles multimodaux", "nicht angegeben", "nicht angegeben",
                   "nicht angegeben", "nicht angegeben", "nicht angegeben", "test"]),
    ],
)
def test_csv_values_are_labels_and_iso_dates(lang: str, row: int, expected: list[str]) -> None:
    sep = "," if lang == "en" else ";"
    rows = csv_rows(download_csv(events_download(EVENTS, lang, AXES, today=BEFORE), sep=sep), sep)
    assert rows[row + 1] == expected


@pytest.mark.parametrize(
    ("column", "written"),
    [(1, "'=HYPERLINK(\"http://x\")"), (7, "'+33 3 83"), (10, "'=1+1")],  # 10: a label (an axis name)
)
def test_csv_neutralises_formulas_in_values_and_labels(column: int, written: str) -> None:
    rows = csv_rows(download_csv(events_download(EVENTS, "fr", AXES, today=BEFORE), sep=";"), ";")
    assert rows[4][column] == written


@pytest.mark.parametrize(
    ("lang", "row", "expected"),
    [
        ("fr", 1, {"id": "summer", "title_fr": "École d’été", "title_en": None, "title_de": None,
                   "type": "summer_school", "type_label": "École d’été", "start": "2026", "end": None,
                   "when_label": "2026 — date à venir", "status": "planned", "status_label": "Prévu",
                   "venue": None, "city": None, "country": None, "country_label": None, "lat": None,
                   "lon": None, "axes": [], "axes_label": "Axe non précisé", "audience": [],
                   "audience_labels": [], "accessibility": [], "accessibility_labels": [],
                   "accessibility_note_fr": None, "accessibility_note_en": None,
                   "accessibility_note_de": None,
                   "registration_url": None, "description_fr": None, "description_en": None,
                   "description_de": None, "source": None, "origin": "manual",
                   "origin_label": "Saisie manuelle", "external_id": None}),
        ("en", 2, {"id": "fds", "title_fr": "fds", "title_en": None, "title_de": None,
                   "type": "fete_science", "type_label": "Fête de la science (science festival)",
                   "start": "2025-10-03", "end": "2025-10-13",
                   "when_label": "3–13 October 2025", "status": "cancelled", "status_label": "Cancelled",
                   "venue": None, "city": "Saarbrücken", "country": "DE", "country_label": "Germany",
                   "lat": None, "lon": None, "axes": ["health", "nlp"],
                   "axes_label": "Santé numérique, Langues et modèles multimodaux", "audience": [],
                   "audience_labels": [], "accessibility": [], "accessibility_labels": [],
                   "accessibility_note_fr": None, "accessibility_note_en": None,
                   "accessibility_note_de": None,
                   "registration_url": None, "description_fr": None, "description_en": None,
                   "description_de": None, "source": "test", "origin": "fds",
                   "origin_label": "Fête de la science import", "external_id": "123"}),
    ],
)
def test_json_records_have_codes_labels_and_null(lang: str, row: int, expected: dict[str, object]) -> None:
    download = events_download(EVENTS, lang, AXES, today=BEFORE)
    document = json.loads(download_json(download, generated=GENERATED))
    assert list(document["records"][row]) == list(JSON_KEYS)
    assert document["records"][row] == expected


def test_json_keeps_audience_codes_beside_their_labels() -> None:
    record = json.loads(download_json(events_download(EVENTS, "de", AXES, today=BEFORE)))["records"][0]
    assert (record["audience"], record["audience_labels"]) == (
        ["researchers", "companies"], ["Forschende", "Unternehmen"])
    assert (record["lat"], record["lon"], record["title_en"]) == (48.66, 6.15, "Annual day")


@pytest.mark.parametrize(
    ("lang", "event_id", "today", "when", "status"),
    [
        # The year under way: its date was not published, the event may still come (planned).
        ("fr", "summer", TODAY, "2026 — date non publiée", "Prévu"),
        ("en", "summer", TODAY, "2026 — date not published", "Planned"),
        ("de", "summer", BEFORE, "2026 — Termin folgt", "Geplant"),
        # Over and still "planned" in the data: announced, not confirmed as held, as the page says it.
        ("fr", "hostile", TODAY, "février 2026 — jour non publié", "Annoncé (déroulement non confirmé)"),
        ("en", "talk", TODAY, "10 March 2026", "Announced (not confirmed as held)"),
        ("de", "talk", TODAY, "10. März 2026", "Angekündigt (Durchführung nicht bestätigt)"),
        ("en", "talk", date(2026, 3, 10), "10 March 2026", "Planned"),  # its day: still ahead
        ("fr", "day", TODAY, "12 décembre 2025", "Confirmé"),
    ],
)
def test_downloads_say_the_dates_and_status_as_the_page_does(
    lang: str, event_id: str, today: date, when: str, status: str
) -> None:
    download = events_download(EVENTS, lang, AXES, today=today)
    index = list(EVENTS["id"]).index(event_id)
    sep = "," if lang == "en" else ";"
    cells = csv_rows(download_csv(download, sep=sep), sep)[index + 1]
    record = json.loads(download_json(download))["records"][index]
    view = event_view(EVENTS.iloc[index].to_dict(), lang, today=today)
    assert (cells[CSV_COLUMNS.index("when")], cells[CSV_COLUMNS.index("status")]) == (when, status)
    assert (record["when_label"], record["status_label"]) == (view.when, view.status) == (when, status)
    assert record["status"] == ("confirmed" if event_id == "day" else "planned")  # the data's code stays
