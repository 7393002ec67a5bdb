"""Dates as each language writes them: the French "1er", ranges and spans with the right prepositions."""

from __future__ import annotations

from datetime import date

import pytest

from enact_dash.dates import PartialDate, format_span
from enact_dash.events.periods import format_when
from enact_dash.i18n import format_day

P = PartialDate
THIN = "\u2009"


@pytest.mark.parametrize(
    ("value", "lang", "fmt", "expected"),
    [
        (date(2025, 1, 1), "fr", "long", "1er janvier 2025"),
        (date(2025, 1, 1), "en", "long", "1 January 2025"),
        (date(2025, 1, 1), "de", "long", "1. Januar 2025"),
        (date(2025, 1, 11), "fr", "long", "11 janvier 2025"),
        (date(2025, 1, 21), "fr", "long", "21 janvier 2025"),
        (date(2021, 3, 1), "fr", "long", "1er mars 2021"),
        (date(2025, 1, 2), "fr", "long", "2 janvier 2025"),
        (date(2025, 1, 1), "fr", "medium", "1er janv. 2025"),
        (date(2025, 1, 1), "fr", "short", "01/01/2025"),
        (date(2025, 1, 1), "fr", "full", "mercredi 1er janvier 2025"),
    ],
)
def test_format_day(value: date, lang: str, fmt: str, expected: str) -> None:
    assert format_day(value, lang, fmt) == expected


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (P(2025, 1, 1), None, "fr", "1er janvier 2025"),
        (P(2025, 1, 1), None, "de", "1. Januar 2025"),
        (P(2025, 10, 1), P(2025, 10, 3), "fr", "1er–3 octobre 2025"),
        (P(2025, 10, 1), P(2025, 10, 3), "en", "1–3 October 2025"),
        (P(2025, 10, 1), P(2025, 10, 3), "de", "1.–3. Oktober 2025"),
        (P(2025, 9, 30), P(2025, 10, 1), "fr", f"30 septembre{THIN}–{THIN}1er octobre 2025"),
        (P(2025, 12, 1), P(2026, 1, 1), "fr", f"1er décembre 2025{THIN}–{THIN}1er janvier 2026"),
        (P(2025, 12, 1), P(2026, 1, 1), "en", f"1 December 2025{THIN}–{THIN}1 January 2026"),
        (P(2025, 10, 11), P(2025, 10, 12), "fr", "11–12 octobre 2025"),
    ],
)
def test_event_dates_write_the_first_of_the_month(start: P, end: P | None, lang: str, expected: str) -> None:
    assert format_when(start, end, lang, today=date(2025, 11, 1)) == expected


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        (P(2024, 5), P(2029, 12, 31), "fr", "de mai 2024 au 31 décembre 2029"),
        (P(2024, 5), P(2029, 12, 31), "en", "from May 2024 to 31 December 2029"),
        (P(2024, 5), P(2029, 12, 31), "de", "von Mai 2024 bis zum 31. Dezember 2029"),
        (P(2025, 1, 1), P(2026), "fr", "du 1er janvier 2025 à 2026"),
        (P(2025, 1, 1), P(2026), "en", "from 1 January 2025 to 2026"),
        (P(2025, 1, 1), P(2026), "de", "vom 1. Januar 2025 bis 2026"),
        (P(2025, 4), P(2026, 10), "fr", "d’avril 2025 à octobre 2026"),
        (P(2025, 8), P(2025, 12), "fr", "d’août 2025 à décembre 2025"),
        (P(2025, 10, 3), P(2025, 10, 13), "fr", "du 3 octobre 2025 au 13 octobre 2025"),
        (P(2024), P(2026, 3, 1), "fr", "de 2024 au 1er mars 2026"),
        (P(2024), P(2026, 3, 1), "en", "from 2024 to 1 March 2026"),
        (P(2024), P(2026), "de", "von 2024 bis 2026"),
    ],
)
def test_format_span(first: P, last: P, lang: str, expected: str) -> None:
    assert format_span(first, last, lang) == expected


@pytest.mark.parametrize(
    ("value", "today", "lang", "period", "formatted"),
    [
        (P(2025, 12, 12), date(2026, 11, 25), "fr", "12 décembre 2025", "12 décembre 2025"),
        (P(2025, 12, 12), date(2025, 11, 1), "de", "12. Dezember 2025", "12. Dezember 2025"),
        (P(2026, 12), date(2026, 11, 25), "fr", "décembre 2026", "décembre 2026"),
        (P(2026, 11), date(2026, 11, 25), "fr", "novembre 2026", "novembre 2026 — jour non publié"),
        (P(2026, 1), date(2026, 11, 25), "de", "Januar 2026", "Januar 2026 — Tag nicht veröffentlicht"),
        (P(2027), date(2026, 11, 25), "fr", "2027", "2027 — date à venir"),
        (P(2026), date(2026, 11, 25), "fr", "2026", "2026 — date non publiée"),
        (P(2026), date(2026, 11, 25), "en", "2026", "2026 — date not published"),
        (P(2024), date(2026, 11, 25), "de", "2024", "2024 — Datum nicht veröffentlicht"),
        (P(2026), date(2025, 11, 1), "de", "2026", "2026 — Termin folgt"),
    ],
)
def test_a_partial_date_is_said_as_of_today(value: P, today: date, lang: str, period: str,
                                            formatted: str) -> None:
    """``period`` is the same whatever the day (milestones, spans); ``format`` never says "to be
    announced" of a month or a year that has begun."""
    assert value.period(lang) == period
    assert value.format(lang, today=today) == formatted

