"""Partial-date rules of the events: formatting per locale, sort order, upcoming/past."""

from __future__ import annotations

from datetime import date

import pytest

from enact_dash.dates import PartialDate
from enact_dash.events.periods import (
    calendar_days,
    exclusive_end,
    format_when,
    is_upcoming,
    sort_key,
)

P = PartialDate
BEFORE = date(2025, 11, 1)  # before every partial date of the first table
TODAY = date(2026, 11, 25)  # the review's day: 2026 and November 2026 have begun, December 2026 not


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (P(2025, 12, 12), None, "fr", "12 décembre 2025"),
        (P(2025, 12, 12), None, "en", "12 December 2025"),
        (P(2025, 12, 12), None, "de", "12. Dezember 2025"),
        (P(2026, 12), None, "fr", "décembre 2026"),
        (P(2026, 12), None, "en", "December 2026"),
        (P(2026, 12), None, "de", "Dezember 2026"),
        (P(2026), None, "fr", "2026 — date à venir"),
        (P(2026), None, "en", "2026 — date to be announced"),
        (P(2026), None, "de", "2026 — Termin folgt"),
        (P(2025, 10, 3), P(2025, 10, 13), "fr", "3–13 octobre 2025"),
        (P(2025, 10, 3), P(2025, 10, 13), "en", "3–13 October 2025"),
        (P(2025, 10, 3), P(2025, 10, 13), "de", "3.–13. Oktober 2025"),
        (P(2025, 10, 30), P(2025, 11, 2), "fr", "30 octobre\u2009–\u20092 novembre 2025"),
        (P(2025, 12, 30), P(2026, 1, 2), "en", "30 December 2025\u2009–\u20092 January 2026"),
        (P(2025, 12, 12), P(2025, 12, 12), "fr", "12 décembre 2025"),
        (P(2026, 10), P(2026, 12), "fr", "octobre\u2009–\u2009décembre 2026"),
        (P(2026), P(2027), "fr", "2026–2027 — dates à venir"),
        (P(2026), P(2027), "de", "2026–2027 — Termine folgen"),
        (P(2025, 12, 12), P(2026, 1), "fr", "12 décembre 2025 – janvier 2026"),
        (P(2026, 5), P(2026), "en", "May 2026 – 2026"),
        # An end before the start is a data error (reported by the loader): show the start only.
        (P(2025, 10, 13), P(2025, 10, 3), "fr", "13 octobre 2025"),
    ],
)
def test_format_when(start: P, end: P | None, lang: str, expected: str) -> None:
    assert format_when(start, end, lang, today=BEFORE) == expected


@pytest.mark.parametrize(
    ("start", "end", "today", "lang", "expected"),
    [
        # A year: to come while ahead, not published once begun (the current year included) or past.
        (P(2026), None, TODAY, "fr", "2026 — date non publiée"),
        (P(2026), None, TODAY, "en", "2026 — date not published"),
        (P(2026), None, TODAY, "de", "2026 — Datum nicht veröffentlicht"),
        (P(2026), None, date(2025, 12, 31), "fr", "2026 — date à venir"),
        (P(2026), None, date(2026, 1, 1), "fr", "2026 — date non publiée"),
        (P(2025), None, TODAY, "en", "2025 — date not published"),
        (P(2027), None, TODAY, "fr", "2027 — date à venir"),
        (P(2027), None, TODAY, "en", "2027 — date to be announced"),
        # A month: the month alone while ahead, its day not published once begun.
        (P(2026, 11), None, TODAY, "fr", "novembre 2026 — jour non publié"),
        (P(2026, 11), None, TODAY, "en", "November 2026 — day not published"),
        (P(2026, 11), None, TODAY, "de", "November 2026 — Tag nicht veröffentlicht"),
        (P(2026, 1), None, TODAY, "fr", "janvier 2026 — jour non publié"),
        (P(2026, 12), None, TODAY, "fr", "décembre 2026"),
        (P(2026, 12), None, date(2026, 11, 30), "en", "December 2026"),
        (P(2026, 12), None, date(2026, 12, 1), "en", "December 2026 — day not published"),
        # Ranges without their days turn with their start.
        (P(2026), P(2027), TODAY, "fr", "2026–2027 — dates non publiées"),
        (P(2026), P(2027), TODAY, "de", "2026–2027 — Termine nicht veröffentlicht"),
        (P(2027), P(2028), TODAY, "en", "2027–2028 — dates to be announced"),
        (P(2026, 10), P(2026, 12), TODAY, "fr", "octobre\u2009–\u2009décembre 2026 — dates non publiées"),
        (P(2026, 10), P(2026, 12), date(2026, 9, 30), "fr", "octobre\u2009–\u2009décembre 2026"),
        (P(2026, 5), P(2026), TODAY, "en", "May 2026 – 2026 — dates not published"),
        # A known day says nothing more, past or not.
        (P(2025, 12, 12), None, TODAY, "fr", "12 décembre 2025"),
        (P(2025, 12, 12), P(2026, 1), TODAY, "fr", "12 décembre 2025 – janvier 2026"),
        (P(2025, 10, 3), P(2025, 10, 13), TODAY, "en", "3–13 October 2025"),
    ],
)
def test_format_when_says_partial_dates_as_of_today(
    start: P, end: P | None, today: date, lang: str, expected: str
) -> None:
    assert format_when(start, end, lang, today=today) == expected


def test_year_sorts_after_its_months_and_days() -> None:
    events = {
        "2026": P(2026),
        "2026-12": P(2026, 12),
        "2026-12-31": P(2026, 12, 31),
        "2026-01-05": P(2026, 1, 5),
        "2027-01-01": P(2027, 1, 1),
        "2025-12-12": P(2025, 12, 12),
    }
    ordered = sorted(events, key=lambda name: sort_key(events[name]))
    assert ordered == ["2025-12-12", "2026-01-05", "2026-12-31", "2026-12", "2026", "2027-01-01"]


@pytest.mark.parametrize(
    ("start", "end", "today", "upcoming"),
    [
        (P(2025, 12, 12), None, date(2025, 12, 11), True),
        (P(2025, 12, 12), None, date(2025, 12, 12), True),  # today's event is still ahead
        (P(2025, 12, 12), None, date(2025, 12, 13), False),
        (P(2025, 10, 3), P(2025, 10, 13), date(2025, 10, 10), True),  # under way
        (P(2025, 10, 3), P(2025, 10, 13), date(2025, 10, 14), False),
        (P(2026, 12), None, date(2026, 12, 31), True),  # may still be on the 31st
        (P(2026), None, date(2026, 12, 31), True),
        (P(2026), None, date(2027, 1, 1), False),
    ],
)
def test_is_upcoming_uses_the_last_possible_day(
    start: P, end: P | None, today: date, upcoming: bool
) -> None:
    assert is_upcoming(start, end, today=today) is upcoming


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (P(2025, 12, 12), None, (date(2025, 12, 12), date(2025, 12, 12))),
        (P(2025, 10, 3), P(2025, 10, 13), (date(2025, 10, 3), date(2025, 10, 13))),
        (P(2025, 10, 13), P(2025, 10, 3), (date(2025, 10, 13), date(2025, 10, 13))),
        (P(2026, 12), None, None),
        (P(2026), None, None),
        (P(2026, 5, 4), P(2026, 6), None),  # the last day is not known
    ],
)
def test_calendar_days_only_when_days_are_known(
    start: P, end: P | None, expected: tuple[date, date] | None
) -> None:
    assert calendar_days(start, end) == expected


def test_exclusive_end_is_the_day_after() -> None:
    assert exclusive_end(date(2025, 12, 31)) == date(2026, 1, 1)
