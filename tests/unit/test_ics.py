"""The iCalendar export, parsed back with the icalendar library."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pandas as pd
import pytest
from icalendar import Calendar

from enact_dash.dates import PartialDate
from enact_dash.events.frame import prepare
from enact_dash.ics import event_to_ics, event_uid, events_to_ics, export_ics, ics_filename

STAMP = datetime(2025, 11, 1, 9, 30, tzinfo=UTC)


def event(event_id: str, start: str, end: str = "", **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": event_id, "title_fr": event_id, "title_en": "", "title_de": "",
        "type": "workshop", "start": PartialDate.parse(start),
        "end": PartialDate.parse(end) if end else None,
        "venue": "", "city": "", "country": "FR", "lat": float("nan"), "lon": float("nan"),
        "audience": (), "accessibility": (), "accessibility_note_fr": "",
        "registration_url": "", "status": "planned", "description_fr": "", "source": "",
    }
    row.update(fields)
    return row


ANNUAL_DAY = event(
    "annual-day-2025", "2025-12-12", type="annual_day",
    title_fr="Journée annuelle du cluster", title_en="Cluster annual day",
    venue="Bâtiment Ada Lovelace, Centre Inria de l’Université de Lorraine",
    city="Villers-lès-Nancy", lat=48.6653, lon=6.1536, status="confirmed",
    description_fr="Première journée annuelle; environ 150 participants.",
    source="https://example.org/press-release",
)
FDS = event(
    "fds-2025", "2025-10-03", "2025-10-13", type="fete_science", title_fr="Fête de la science",
    city="Strasbourg", accessibility=("sign_language",),
    accessibility_note_fr="Interprètes LSF le 3 octobre", registration_url="https://example.org/r",
)
CANCELLED = event("cancelled-talk", "2025-11-20", title_fr="Conférence", status="cancelled")
MONTH_ONLY = event("workshop-2026-12", "2026-12")
YEAR_ONLY = event("summer-school-2026", "2026", type="summer_school")
HOSTILE = event("hostile", "2025-11-21", title_fr="<img src=x onerror=alert(1)>;\nX-EVIL:1",
                venue="Salle, \"A\"; B", description_fr="Line one\nSUMMARY:fake")


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def vevents(data: bytes) -> dict[str, Any]:
    return {str(ev["UID"]): ev for ev in parse(data).walk("VEVENT")}


def test_calendar_header() -> None:
    cal = parse(events_to_ics(pd.DataFrame([ANNUAL_DAY]), "fr", dtstamp=STAMP))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//IA Grand Est ENACT//")
    assert str(cal["METHOD"]) == "PUBLISH"


def test_all_day_event_fields() -> None:
    ev = vevents(events_to_ics(pd.DataFrame([ANNUAL_DAY]), "fr", dtstamp=STAMP))[
        "annual-day-2025@cluster-ia-enact.ai"
    ]
    assert ev.decoded("DTSTART") == date(2025, 12, 12)
    assert ev.decoded("DTEND") == date(2025, 12, 13)  # exclusive
    assert ev["DTSTART"].params["VALUE"] == "DATE"
    assert ev.decoded("DTSTAMP") == STAMP
    assert str(ev["SUMMARY"]) == "Journée annuelle du cluster"
    assert str(ev["LOCATION"]) == (
        "Bâtiment Ada Lovelace, Centre Inria de l’Université de Lorraine, Villers-lès-Nancy"
    )
    assert str(ev["URL"]) == "https://example.org/press-release"
    assert str(ev["STATUS"]) == "CONFIRMED"
    assert ev["GEO"].latitude == pytest.approx(48.6653)
    assert "150 participants" in str(ev["DESCRIPTION"])
    assert "Source\u00a0: https://example.org/press-release" in str(ev["DESCRIPTION"])


def test_multi_day_event_ends_the_day_after_its_last_day() -> None:
    ev = vevents(events_to_ics(pd.DataFrame([FDS]), "en", dtstamp=STAMP))[event_uid("fds-2025")]
    assert (ev.decoded("DTSTART"), ev.decoded("DTEND")) == (date(2025, 10, 3), date(2025, 10, 14))
    assert str(ev["URL"]) == "https://example.org/r"  # the registration link comes first
    description = str(ev["DESCRIPTION"])
    assert "Accessibility: Sign-language interpreters — Interprètes LSF le 3 octobre" in description
    assert "Registration: https://example.org/r" in description


@pytest.mark.parametrize(
    ("lang", "summary"),
    [("fr", "[ANNULÉ] Conférence"), ("en", "[CANCELLED] Conférence"), ("de", "[ABGESAGT] Conférence")],
)
def test_cancelled_event(lang: str, summary: str) -> None:
    ev = vevents(events_to_ics(pd.DataFrame([CANCELLED]), lang, dtstamp=STAMP))[
        event_uid("cancelled-talk")
    ]
    assert str(ev["STATUS"]) == "CANCELLED"
    assert str(ev["SUMMARY"]) == summary


def test_events_without_known_day_are_left_out_and_counted() -> None:
    rows = pd.DataFrame([ANNUAL_DAY, MONTH_ONLY, FDS, YEAR_ONLY])
    result = export_ics(rows, "fr", dtstamp=STAMP)
    assert (result.included, result.left_out) == (2, 2)
    assert sorted(vevents(result.data)) == [
        "annual-day-2025@cluster-ia-enact.ai", "fds-2025@cluster-ia-enact.ai",
    ]


def test_works_on_a_prepared_frame() -> None:
    result = export_ics(prepare(pd.DataFrame([ANNUAL_DAY, YEAR_ONLY])), "de", dtstamp=STAMP)
    assert (result.included, result.left_out) == (1, 1)


def test_uid_and_content_are_stable_between_downloads() -> None:
    rows = pd.DataFrame([ANNUAL_DAY, FDS])
    assert events_to_ics(rows, "fr", dtstamp=STAMP) == events_to_ics(rows, "fr", dtstamp=STAMP)


def test_hostile_text_cannot_inject_properties() -> None:
    data = events_to_ics(pd.DataFrame([HOSTILE]), "fr", dtstamp=STAMP)
    cal = parse(data)
    (ev,) = cal.walk("VEVENT")
    assert "X-EVIL" not in ev
    assert str(ev["SUMMARY"]) == "<img src=x onerror=alert(1)>;\nX-EVIL:1"
    assert str(ev["LOCATION"]) == 'Salle, "A"; B'
    assert b"\r\nX-EVIL" not in data
    assert b"\r\nSUMMARY:fake" not in data


def test_dtstamp_is_written_in_utc() -> None:
    paris = timezone(timedelta(hours=2))
    ev = vevents(events_to_ics(pd.DataFrame([ANNUAL_DAY]), "fr",
                               dtstamp=datetime(2025, 10, 1, 12, 0, tzinfo=paris)))
    stamp = next(iter(ev.values())).decoded("DTSTAMP")
    assert stamp == datetime(2025, 10, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("row", "expected_none"), [(ANNUAL_DAY, False), (YEAR_ONLY, True)])
def test_event_to_ics(row: dict[str, Any], expected_none: bool) -> None:
    data = event_to_ics(row, "en", dtstamp=STAMP)
    assert (data is None) is expected_none
    if data is not None:
        assert list(vevents(data)) == [event_uid(row["id"])]


@pytest.mark.parametrize(
    ("lang", "event_id", "expected"),
    [
        ("fr", None, "agenda-ia-enact.ics"),
        ("en", None, "ia-enact-events.ics"),
        ("de", "annual-day-2025", "ia-enact-veranstaltungen-annual-day-2025.ics"),
        ("fr", "annual-day-2025", "agenda-ia-enact-annual-day-2025.ics"),
    ],
)
def test_calendar_files_are_named_in_the_page_language(lang, event_id, expected):
    assert ics_filename(lang, event_id) == expected
