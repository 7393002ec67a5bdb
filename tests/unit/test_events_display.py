"""What the events page shows: one event's view, the table alternative, the text summary."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pandas as pd
import pytest

from enact_dash.dates import PartialDate
from enact_dash.events.display import (
    escape_markdown,
    event_view,
    events_table,
    headline,
    period_label,
    place_text,
    summary_text,
)
from enact_dash.events.frame import prepare

TODAY = date(2025, 11, 1)


def event(event_id: str, start: str, end: str = "", **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": event_id, "title_fr": event_id, "title_en": "", "title_de": "",
        "type": "workshop", "start": PartialDate.parse(start),
        "end": PartialDate.parse(end) if end else None, "venue": "", "city": "", "country": "FR",
        "audience": (), "accessibility": (), "accessibility_note_fr": "", "status": "planned",
        "description_fr": "", "registration_url": "", "source": "",
    }
    row.update(fields)
    return row


ANNUAL_DAY = event(
    "annual-day-2025", "2025-12-12", type="annual_day", title_fr="Journée annuelle",
    title_en="Annual day", venue="Bâtiment Ada Lovelace", city="Villers-lès-Nancy",
    audience=("researchers", "companies"), status="confirmed", source="https://example.org/pr",
)
NUIT = event(
    "nuit-2025", "2025-10-03", type="fete_science", title_fr="Nuit de la science",
    city="Vandœuvre-lès-Nancy", accessibility=("sign_language",), audience=("public",),
)
SUMMER = event("summer-2026", "2026", type="summer_school", title_fr="École d’été",
               source="Communiqué de presse, décembre 2025")
HOSTILE = event("hostile", "2025-11-20", title_fr="<img src=x onerror=alert(1)> [x](javascript:1)",
                status="cancelled")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert\(1\)\>"),
        ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
        ("**bold** _it_ `code`", r"\*\*bold\*\* \_it\_ \`code\`"),
        ("a\nb\tc", "a b c"),
        ("Journée d’été", "Journée d’été"),
        ("Journée d'été", "Journée d'été"),
        # The no-break spaces of French typography stay: « never ends a line, : never starts one.
        ("Période\u00a0: «\u202fx\u202f»  1\u202f200 ", "Période\u00a0\\: «\u202fx\u202f» 1\u202f200"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


@pytest.mark.parametrize(
    ("lang", "title", "when", "audience"),
    [
        ("fr", "Journée annuelle", "12 décembre 2025", "Chercheurs, Entreprises"),
        ("en", "Annual day", "12 December 2025", "Researchers, Companies"),
        ("de", "Journée annuelle", "12. Dezember 2025", "Forschende, Unternehmen"),  # no German title
    ],
)
def test_event_view_in_each_language(lang: str, title: str, when: str, audience: str) -> None:
    view = event_view(ANNUAL_DAY, lang, today=TODAY)
    assert (view.title, view.when, view.audience) == (title, when, audience)
    assert view.upcoming
    assert view.days_known
    assert not view.cancelled
    assert view.where == "Bâtiment Ada Lovelace, Villers-lès-Nancy"
    assert view.source_is_url


def test_event_view_of_a_year_only_event() -> None:
    view = event_view(SUMMER, "fr", today=TODAY)
    assert view.when == "2026 — date à venir"
    assert not view.days_known
    assert not view.source_is_url  # a citation, not a link


@pytest.mark.parametrize(
    ("row", "today", "lang", "when", "note"),
    [
        (SUMMER, date(2025, 11, 1), "fr", "2026 — date à venir",
         "Date à préciser\u00a0: pas encore dans un fichier agenda."),
        # 25 November 2026: the year is under way (upcoming until 31 December), its date not published.
        (SUMMER, date(2026, 11, 25), "fr", "2026 — date non publiée",
         "Jour non publié\u00a0: pas dans le fichier agenda."),
        (SUMMER, date(2026, 11, 25), "en", "2026 — date not published",
         "Day not published: not in the calendar file."),
        (SUMMER, date(2026, 11, 25), "de", "2026 — Datum nicht veröffentlicht",
         "Tag nicht veröffentlicht: nicht in der Kalenderdatei."),
        (event("month", "2026-11"), date(2026, 11, 25), "en", "November 2026 — day not published",
         "Day not published: not in the calendar file."),
        (event("month", "2026-12"), date(2026, 11, 25), "en", "December 2026",
         "Date to be confirmed: not yet in a calendar file."),
        (event("month", "2026-01"), date(2026, 11, 25), "fr", "janvier 2026 — jour non publié",
         "Jour non publié\u00a0: pas dans le fichier agenda."),
        (NUIT, date(2026, 11, 25), "en", "3 October 2025", ""),  # known day: a calendar file, no note
    ],
)
def test_event_view_says_a_missing_day_as_of_today(row: dict[str, Any], today: date, lang: str, when: str,
                                                    note: str) -> None:
    view = event_view(row, lang, today=today)
    assert (view.when, view.no_day_note) == (when, note)


def test_table_and_summary_say_dates_as_of_today() -> None:
    today = date(2026, 11, 25)
    events = prepare(pd.DataFrame([NUIT, SUMMER]))
    table = events_table(events, "fr", today=today)
    assert table.iloc[1][["Date", "Statut"]].tolist() == ["2026 — date non publiée", "Prévu"]
    assert summary_text(events, "en", today=today).split(" Next: ")[1].startswith(
        "École d’été (2026 — date not published).")


@pytest.mark.parametrize(
    ("row", "today", "lang", "status"),
    [
        (NUIT, date(2025, 10, 3), "en", "Planned"),  # its day: still under way
        (NUIT, date(2025, 10, 4), "en", "Announced (not confirmed as held)"),
        (NUIT, date(2025, 10, 4), "fr", "Annoncé (déroulement non confirmé)"),
        ({**NUIT, "status": "confirmed"}, date(2025, 10, 4), "en", "Confirmed"),
        ({**NUIT, "status": "cancelled"}, date(2025, 10, 4), "de", "Abgesagt"),
        (event("month", "2026-01"), date(2026, 1, 31), "en", "Planned"),  # the month is not over
        (event("month", "2026-01"), date(2026, 2, 1), "de", "Angekündigt (Durchführung nicht bestätigt)"),
    ],
)
def test_a_past_event_still_planned_is_said_announced(row: dict[str, Any], today: date, lang: str,
                                                      status: str) -> None:
    assert event_view(row, lang, today=today).status == status


def test_place_outside_france_names_the_country() -> None:
    row = event("x", "2026-01-01", venue="Campus", city="Saarbrücken", country="DE")
    assert place_text(row, "fr") == "Campus, Saarbrücken, Allemagne"
    assert place_text(row, "de") == "Campus, Saarbrücken, Deutschland"


def test_headline_marks_cancelled_in_words_and_escapes() -> None:
    text = headline(event_view(HOSTILE, "fr", today=TODAY), "fr")
    assert text.startswith(r"\[ANNULÉ\] ~~")
    assert re.search(r"(?<!\\)[<>\[\]()]", text.removeprefix(r"\[ANNULÉ\] ")) is None


def test_events_table_columns_and_values() -> None:
    table = events_table(prepare(pd.DataFrame([NUIT, SUMMER])), "en", today=TODAY)
    assert list(table.columns) == ["Date", "Event", "Type", "Place", "Audience", "Status"]
    assert table.iloc[0].tolist() == [
        "3 October 2025", "Nuit de la science", "Fête de la science (science festival)",
        "Vandœuvre-lès-Nancy",
        "General public", "Announced (not confirmed as held)",  # past, still "planned" in the data
    ]
    assert table.iloc[1]["Status"] == "Planned"
    assert table.iloc[1]["Date"] == "2026 — date to be announced"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "3 événements\u00a0: 2 à venir, 1 passé. Prochain\u00a0: Journée annuelle (12 décembre 2025)."
               " 1 sans jour connu."),
        ("en", "3 events: 2 upcoming, 1 past. Next: Annual day (12 December 2025)."
               " 1 without a known day."),
    ],
)
def test_summary_text(lang: str, expected: str) -> None:
    events = prepare(pd.DataFrame([NUIT, SUMMER, ANNUAL_DAY]))
    assert summary_text(events, lang, today=TODAY) == expected


def test_summary_of_nothing() -> None:
    events = prepare(pd.DataFrame([NUIT]))
    assert summary_text(events.iloc[0:0], "de", today=TODAY) == (
        "Keine Veranstaltung entspricht den Filtern."
    )


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (None, None, "fr", "Période\u00a0: toutes les dates"),
        (date(2026, 3, 1), date(2026, 3, 31), "fr", "Période\u00a0: du 1er mars 2026 au 31 mars 2026"),
        (date(2026, 3, 1), None, "en", "Period: from 1 March 2026"),
        (None, date(2026, 3, 31), "de", "Zeitraum: bis zum 31. März 2026"),
        (date(2026, 3, 1), date(2026, 3, 31), "de", "Zeitraum: vom 1. März 2026 bis zum 31. März 2026"),
        (date(2026, 3, 1), date(2026, 3, 31), "en", "Period: from 1 March 2026 to 31 March 2026"),
        (None, date(2026, 3, 1), "fr", "Période\u00a0: jusqu’au 1er mars 2026"),
        (None, date(2026, 3, 31), "fr", "Période\u00a0: jusqu’au 31 mars 2026"),
    ],
)
def test_period_label_says_the_range(start, end, lang, expected) -> None:
    assert period_label(start, end, lang) == expected
