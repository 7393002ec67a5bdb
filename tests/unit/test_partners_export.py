"""The partners' downloads: CSV for people (headers and labels in the page's language, unknown said in
words, formulas neutralised), JSON for programs (codes, labels, null, the envelope)."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime

import pytest

from enact_dash.exports import DATA_LICENCE, EXPORT_FORMAT, download_csv, download_json
from enact_dash.filters import Filters
from enact_dash.partners import export_download, partners_view
from enact_dash.partners.export import CSV_COLUMNS, JSON_KEYS, partners_download
from tests.conftest import csv_rows
from tests.unit.test_partners_filtering import frame, partner

AXES = {"nlp": "Langues et modèles multimodaux", "health": "Santé numérique"}
GENERATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)

# Test data, not facts: made up to cover every case.
PARTNERS = frame(
    partner("ul", name="Université de Lorraine", short_name="UL", city="Nancy", axes=("all",), lead=True,
            lat=48.69313, lon=6.18267, website="https://www.univ-lorraine.fr", source="Communiqué",
            note_fr="Établissement porteur.", note_en="Lead institution.", note_de=""),
    partner("saar", name="Institut Saar", type="research_organisation", relation="cooperation",
            city="Saarbrücken", country="DE", axes=("health", "nlp"), lat=49.23, lon=7.0),
    partner("region", name="Région Grand Est", type="local_authority", relation="partner"),
    partner("eu", name="Programme", type="network", relation="network", country="", axes=("x",),
            source=""),
    partner("hostile", name="=HYPERLINK(\"http://evil.example\",\"clic\")", short_name="-2+3",
            city="@Nancy", axes=("evil",), note_fr="+33 3 83", website="https://x.example/=1"),
)
HOSTILE_AXES = {**AXES, "evil": "=cmd|' /C calc'!A0"}


@pytest.mark.parametrize(
    ("lang", "sep", "headers"),
    [
        ("fr", ";", ["Identifiant", "Nom", "Nom court", "Type", "Relation", "Porteur du cluster", "Ville",
                     "Pays", "Latitude", "Longitude", "Sur la carte", "Axes de recherche", "Site web",
                     "Source", "Remarque"]),
        ("en", ",", ["ID", "Name", "Short name", "Type", "Relation", "Cluster lead", "City", "Country",
                     "Latitude", "Longitude", "On the map", "Research axes", "Website", "Source", "Note"]),
        ("de", ";", ["Kennung", "Name", "Kurzname", "Art", "Beziehung", "Federführend", "Ort", "Land",
                     "Breitengrad", "Längengrad", "Auf der Karte", "Forschungsachsen", "Website", "Quelle",
                     "Hinweis"]),
    ],
)
def test_csv_headers_are_in_the_page_language(lang: str, sep: str, headers: list[str]) -> None:
    rows = csv_rows(download_csv(partners_download(PARTNERS.iloc[:1], lang, AXES), sep=sep), sep)
    assert rows[0] == headers
    assert len(headers) == len(CSV_COLUMNS)


@pytest.mark.parametrize(
    ("lang", "sep", "row", "expected"),
    [
        ("fr", ";", 0, ["ul", "Université de Lorraine", "UL", "Université", "Membre", "oui", "Nancy",
                        "France", "48,69313", "6,18267", "oui", "Tous les axes", "https://www.univ-lorraine.fr",
                        "Communiqué", "Établissement porteur."]),
        ("en", ",", 0, ["ul", "Université de Lorraine", "UL", "University", "Member", "yes", "Nancy",
                        "France", "48.69313", "6.18267", "yes", "All axes", "https://www.univ-lorraine.fr",
                        "Communiqué", "Lead institution."]),
        # no German note: the French one, as the page shows it
        ("de", ";", 0, ["ul", "Université de Lorraine", "UL", "Universität", "Mitglied", "ja", "Nancy",
                        "Frankreich", "48,69313", "6,18267", "ja", "Alle Achsen", "https://www.univ-lorraine.fr",
                        "Communiqué", "Établissement porteur."]),
        ("fr", ";", 1, ["saar", "Institut Saar", "", "Organisme de recherche", "Coopération", "non",
                        "Saarbrücken", "Allemagne", "49,23", "7", "oui",
                        "Santé numérique, Langues et modèles multimodaux", "non connu", "test", ""]),
        # unknown stays unknown, in words: no site, no coordinates, no axis, no website
        ("fr", ";", 2, ["region", "Région Grand Est", "", "Collectivité", "Partenaire", "non",
                        "site non précisé", "France", "non connu", "non connu", "non", "Axe non précisé",
                        "non connu", "test", ""]),
        ("en", ",", 3, ["eu", "Programme", "", "Network or programme", "Network", "no", "site not specified",
                        "unknown", "unknown", "unknown", "no", "x", "unknown", "unknown", ""]),
        ("de", ";", 3, ["eu", "Programme", "", "Netzwerk oder Programm", "Netzwerk", "nein",
                        "Standort nicht angegeben", "unbekannt", "unbekannt", "unbekannt", "nein", "x",
                        "unbekannt", "unbekannt", ""]),
    ],
)
def test_csv_values_are_labels_in_the_page_language(lang: str, sep: str, row: int,
                                                    expected: list[str]) -> None:
    rows = csv_rows(download_csv(partners_download(PARTNERS, lang, AXES), sep=sep), sep)
    assert rows[row + 1] == expected


@pytest.mark.parametrize(
    ("column", "written"),
    [
        (1, "'=HYPERLINK(\"http://evil.example\",\"clic\")"),
        (2, "'-2+3"),
        (6, "'@Nancy"),
        (11, "'=cmd|' /C calc'!A0"),  # a label (an axis name from axes.csv) is neutralised too
        (12, "https://x.example/=1"),
        (14, "'+33 3 83"),
    ],
)
def test_csv_neutralises_formulas_in_values_and_labels(column: int, written: str) -> None:
    rows = csv_rows(download_csv(partners_download(PARTNERS, "fr", HOSTILE_AXES), sep=";"), ";")
    assert rows[5][column] == written


@pytest.mark.parametrize(
    ("lang", "row", "expected"),
    [
        ("fr", 0, {"id": "ul", "name": "Université de Lorraine", "short_name": "UL", "type": "university",
                   "type_label": "Université", "relation": "member", "relation_label": "Membre",
                   "lead": True, "city": "Nancy", "country": "FR", "country_label": "France",
                   "lat": 48.69313, "lon": 6.18267, "on_map": True, "axes": ["all"],
                   "axes_label": "Tous les axes", "website": "https://www.univ-lorraine.fr",
                   "source": "Communiqué", "note_fr": "Établissement porteur.",
                   "note_en": "Lead institution.", "note_de": None}),
        ("de", 1, {"id": "saar", "name": "Institut Saar", "short_name": None,
                   "type": "research_organisation", "type_label": "Forschungseinrichtung",
                   "relation": "cooperation", "relation_label": "Kooperation", "lead": False,
                   "city": "Saarbrücken", "country": "DE", "country_label": "Deutschland", "lat": 49.23,
                   "lon": 7.0, "on_map": True, "axes": ["health", "nlp"],
                   "axes_label": "Santé numérique, Langues et modèles multimodaux", "website": None,
                   "source": "test", "note_fr": None, "note_en": None, "note_de": None}),
        # unknown is null (and said in the label where there is one), never invented
        ("en", 3, {"id": "eu", "name": "Programme", "short_name": None, "type": "network",
                   "type_label": "Network or programme", "relation": "network", "relation_label": "Network",
                   "lead": False, "city": None, "country": None, "country_label": None, "lat": None,
                   "lon": None, "on_map": False, "axes": ["x"], "axes_label": "x", "website": None,
                   "source": None, "note_fr": None, "note_en": None, "note_de": None}),
        ("fr", 2, {"id": "region", "name": "Région Grand Est", "short_name": None,
                   "type": "local_authority", "type_label": "Collectivité", "relation": "partner",
                   "relation_label": "Partenaire", "lead": False, "city": None, "country": "FR",
                   "country_label": "France", "lat": None, "lon": None, "on_map": False, "axes": [],
                   "axes_label": "Axe non précisé", "website": None, "source": "test", "note_fr": None,
                   "note_en": None, "note_de": None}),
        # JSON is for programs: text is kept as written, not neutralised
        ("fr", 4, {"id": "hostile", "name": "=HYPERLINK(\"http://evil.example\",\"clic\")",
                   "short_name": "-2+3", "type": "university", "type_label": "Université",
                   "relation": "member", "relation_label": "Membre", "lead": False, "city": "@Nancy",
                   "country": "FR", "country_label": "France", "lat": None, "lon": None, "on_map": False,
                   "axes": ["evil"], "axes_label": "evil", "website": "https://x.example/=1",
                   "source": "test", "note_fr": "+33 3 83", "note_en": None, "note_de": None}),
    ],
)
def test_json_records_have_codes_labels_and_null(lang: str, row: int, expected: dict[str, object]) -> None:
    document = json.loads(download_json(partners_download(PARTNERS, lang, AXES), generated=GENERATED))
    assert list(document["records"][row]) == list(JSON_KEYS)
    assert document["records"][row] == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(lang="fr"), {}),
        (Filters(lang="de", axis=("health",), ptype=("university", "hospital"), q="nancy", sort="-city",
                 page=2, partner="ul"),
         {"axis": ["health"], "ptype": ["university", "hospital"], "q": "nancy"}),
        (Filters(lang="en", country=("DE",), relation=("cooperation",), city=("Saarbrücken",)),
         {"city": ["Saarbrücken"], "country": ["DE"], "relation": ["cooperation"]}),
    ],
)
def test_json_envelope_says_what_the_file_is(filters: Filters, expected: dict[str, object]) -> None:
    view = partners_view(PARTNERS, filters)
    download = export_download(PARTNERS, view, filters, AXES)
    document = json.loads(download_json(download, generated=GENERATED))
    assert list(document) == ["format", "version", "dataset", "lang", "generated", "filters", "source",
                              "licence", "geodata_attribution", "count", "records"]
    assert (document["format"], document["version"], document["dataset"]) == (EXPORT_FORMAT, 1, "partners")
    assert document["lang"] == filters.lang
    assert document["generated"] == "2026-03-01T09:30:00Z"
    assert document["filters"] == expected
    assert document["licence"] == dict(DATA_LICENCE)
    assert "GeoNames (CC BY 4.0)" in document["geodata_attribution"]
    assert document["count"] == len(document["records"]) == len(view.shown)
    assert {r["id"] for r in document["records"]} == set(view.shown["id"])


@pytest.mark.parametrize(
    ("sort", "ids"),
    [
        ("", ["hostile", "saar", "eu", "region", "ul"]),  # the list's default order: by name
        ("-name", ["ul", "region", "eu", "saar", "hostile"]),
        ("country", ["saar", "hostile", "region", "ul", "eu"]),  # Allemagne, France, unknown last
    ],
)
def test_download_rows_follow_the_list_order(sort: str, ids: list[str]) -> None:
    filters = Filters(lang="fr", sort=sort)
    download = export_download(PARTNERS, partners_view(PARTNERS, filters), filters, AXES)
    assert list(download.records["id"]) == ids
    assert list(download.table["Identifiant"]) == ids


def test_an_empty_view_gives_a_header_and_an_empty_list() -> None:
    filters = Filters(lang="en", q="no such partner")
    download = export_download(PARTNERS, partners_view(PARTNERS, filters), filters, AXES)
    assert csv_rows(download_csv(download, sep=","), ",")[0][0] == "ID"
    assert len(csv_rows(download_csv(download, sep=","), ",")) == 1
    document = json.loads(download_json(download, generated=GENERATED))
    assert (document["count"], document["records"], document["filters"]) == (0, [], {"q": "no such partner"})


def test_coordinates_are_numbers_in_json() -> None:
    records = json.loads(download_json(partners_download(PARTNERS, "en", AXES)))["records"]
    assert all(r["lat"] is None or (isinstance(r["lat"], float) and math.isfinite(r["lat"])) for r in records)
