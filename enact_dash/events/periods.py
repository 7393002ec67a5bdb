"""When an event happens: formatting, ordering and upcoming/past for partial dates.

An event has a start (:class:`~enact_dash.dates.PartialDate`, known to the day, the month or
only the year) and an optional end. Decisions, documented once here:

* **Sort key.** An event sorts by the *last possible day* of its start, then by precision (day,
  month, year). "December 2026" therefore comes after every event known to happen in December
  2026, and "2026 — date to be announced" after every event of 2026 with a known month or day: an
  event is never listed before something that may well happen earlier than it. Within equal keys,
  the title decides (in the caller), so the order is total and stable.
* **Upcoming or past.** An event is *upcoming* while its last possible day (of the end, or of the
  start if there is no end) is today or later. An event under way is upcoming; "2026" stays
  upcoming until 31 December 2026. ``today`` is always a parameter: nothing here reads the clock.
* **Said as of today.** A start known only to the month or the year reads as still to come while its
  period is ahead ("2027 — date to be announced") and as not published once it has begun, the current
  month or year included ("2026 — date not published" on 25 November 2026): never "to be announced"
  for a date that may be over. A page, a download and the kiosk all say it with :func:`format_when`.
* **Ranges.** Two known days use the locale's interval pattern with the month written in full
  ("3–13 octobre 2025", "3–13 October 2025", "3.–13. Oktober 2025").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from babel import Locale
from babel.dates import format_interval, parse_pattern

from enact_dash.dates import PartialDate, Precision
from enact_dash.i18n import BABEL_LOCALE, first_of_month, normalize_lang, t

PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}
# CLDR has interval patterns for "yMMMd" (abbreviated month); widen MMM to MMMM, as CLDR allows.
_ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")


def sort_key(start: PartialDate) -> tuple[date, int]:
    """Last possible day of the start, then precision (see the module docstring)."""
    return (start.last_day, PRECISION_RANK[start.precision])


def last_possible_day(start: PartialDate, end: PartialDate | None) -> date:
    return (end or start).last_day


def is_upcoming(start: PartialDate, end: PartialDate | None, *, today: date) -> bool:
    """True while the event may still be under way or ahead (see the module docstring)."""
    return last_possible_day(start, end) >= today


def has_known_days(start: PartialDate, end: PartialDate | None) -> bool:
    """True when the first and last day are both known: the event can go in a calendar file."""
    return start.precision is Precision.DAY and (end is None or end.precision is Precision.DAY)


def calendar_days(start: PartialDate, end: PartialDate | None) -> tuple[date, date] | None:
    """(first day, last day) when both are known, else None. An end before the start is ignored."""
    if not has_known_days(start, end):
        return None
    first = start.first_day
    last = end.first_day if end is not None else first
    return first, max(first, last)


def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALE[normalize_lang(lang)])


def format_day_range(first: date, last: date, lang: str) -> str:
    """``3–13 octobre 2025``, ``30 octobre – 2 novembre 2025``, ``1er–3 octobre 2025``,
    ``3.–13. Oktober 2025``."""
    locale = _locale(lang)
    patterns = locale.interval_formats.get("yMMMd")
    if first == last or not patterns:
        return PartialDate.of(first).period(lang)
    if first.year != last.year:
        field = "y"
    elif first.month != last.month:
        field = "M"
    else:
        field = "d"
    parts = patterns.get(field)
    if not parts:
        return f"{PartialDate.of(first).period(lang)} – {PartialDate.of(last).period(lang)}"
    return "".join(
        first_of_month(parse_pattern(_ABBREVIATED_MONTH.sub("MMMM", pattern)).apply(value, locale),
                       value, lang)
        for pattern, value in zip(parts, (first, last), strict=True)
    )


def _range_periods(start: PartialDate, end: PartialDate, lang: str) -> str:
    """The periods of a range with a missing day: ``octobre – décembre 2026``, ``2026–2027``,
    ``12 décembre 2025 – janvier 2026`` (a year stands alone)."""
    if start.precision is Precision.MONTH and end.precision is Precision.MONTH:
        return format_interval(start.first_day, end.first_day, "yMMMM", locale=BABEL_LOCALE[lang])
    if start.precision is Precision.YEAR and end.precision is Precision.YEAR:
        return f"{start.year}–{end.year}"
    return f"{start.period(lang)} – {end.period(lang)}"


def _ends_before(start: PartialDate, end: PartialDate) -> bool:
    """Two months or two years in the wrong order (or the same): said as the start alone."""
    if start.precision is not end.precision or start.precision is Precision.DAY:
        return False
    return end.first_day <= start.first_day


@lru_cache(maxsize=16384)
def format_when(start: PartialDate, end: PartialDate | None, lang: str, *, today: date) -> str:
    """The human form of an event's dates on ``today``, honest about what is not known.

    ``12 décembre 2025``; ``3–13 octobre 2025``; ``décembre 2026``; ``octobre – décembre 2026``;
    ``2027 — date à venir``. Once the period of a start without its day has begun (the current month or
    year, or past), the dates are said not published rather than to come: ``2026 — date non publiée``,
    ``novembre 2026 — jour non publié``, ``2026–2027 — dates non publiées``. A range whose start day is
    known says nothing more (``12 décembre 2025 – janvier 2026``).
    """
    lang = normalize_lang(lang)
    if end is None or end == start or _ends_before(start, end):
        # An end before the start is a data error (reported by the loader): the start only.
        return start.format(lang, today=today)
    days = calendar_days(start, end)
    if days is not None:
        return format_day_range(days[0], days[1], lang)
    periods = _range_periods(start, end, lang)
    if start.precision is Precision.DAY:
        return periods
    if start.has_begun(today):
        return t("events.date.unpublished", lang, dates=periods)
    if start.precision is Precision.YEAR and end.precision is Precision.YEAR:
        return t("events.date.years_tba", lang, start=start.year, end=end.year)
    return periods


def exclusive_end(last: date) -> date:
    """iCalendar all-day events end on the day *after* the last one (RFC 5545, 3.6.1)."""
    return last + timedelta(days=1)
