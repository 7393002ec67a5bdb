"""Dates with a precision: a day, a month or only a year.

Events and milestones are often announced before their day is known ("2026, date to be announced").
A :class:`PartialDate` keeps what is known and nothing more.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import total_ordering

from enact_dash.i18n import NBSP, format_day, format_month, normalize_lang, t


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_PATTERN = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
# Spreadsheets often turn 2025-12-12 into 12/12/2025: accept that French/German day-first form too.
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


_RANK = {"day": 0, "month": 1, "year": 2}

# Excel's 1900 date system: day 1 is 1900-01-01, and day 60 is 29 February 1900, a day that never was
# (Lotus 1-2-3's leap-year bug, kept for compatibility); from day 61 on, a serial counts from 1899-12-30.
_SERIAL_EPOCH = date(1899, 12, 30)
_SERIAL_LEAP_BUG = 60


def spreadsheet_date(serial: int) -> date | None:
    """The day that a spreadsheet's date number stands for in the 1900 date system (Excel, and
    LibreOffice, whose day 0 is 1899-12-30): ``45678`` -> 2025-01-21. None for day 60 (the 29 February
    1900 that Excel counts) and for numbers that are no date."""
    if serial < 1 or serial == _SERIAL_LEAP_BUG:
        return None
    days = serial if serial > _SERIAL_LEAP_BUG else serial + 1
    try:
        return _SERIAL_EPOCH + timedelta(days=days)
    except OverflowError:
        return None


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or the year.

    Orders by its first possible day, then the more precise first: 2026-01-01 < 2026-01 < 2026.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError for an impossible date.
        date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``DD/MM/YYYY`` or ``DD.MM.YYYY``; else ValueError."""
        fields = cls.fields(text)
        if fields is None:
            raise ValueError(f"not a date: {text!r}")
        return cls(*fields)

    @staticmethod
    def fields(text: str) -> tuple[int, int | None, int | None] | None:
        """(year, month, day) if ``text`` has the form of a date (the day may not exist), else None."""
        match = _PATTERN.match(text)
        if match:
            year, month, day = match.groups()
            return int(year), int(month) if month else None, int(day) if day else None
        match = _DAY_FIRST.match(text)
        if match:
            day, month, year = match.groups()
            return int(year), int(month), int(day)
        return None

    @classmethod
    def of(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def _key(self) -> tuple[date, int]:
        return (self.first_day, _RANK[self.precision.value])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()

    def has_begun(self, today: date) -> bool:
        """True once its first possible day has come: the period is the current one, or past."""
        return self.first_day <= today

    def period(self, lang: str) -> str:
        """The period alone, whatever the day: ``12 décembre 2025``, ``décembre 2026``, ``2026``."""
        lang = normalize_lang(lang)
        if self.precision is Precision.DAY:
            return format_day(self.first_day, lang)
        if self.precision is Precision.MONTH:
            return format_month(self.first_day, lang)
        return str(self.year)

    def format(self, lang: str, *, today: date) -> str:
        """The date as a visitor reads it on ``today``, honest about a missing day.

        A day: ``12 décembre 2025``. A month or a year still ahead: ``décembre 2026``, ``2027 — date à
        venir``. A month or a year that has begun (the current one, or past) never says the date is still
        to come: ``novembre 2026 — jour non publié``, ``2026 — date non publiée``."""
        lang = normalize_lang(lang)
        if self.precision is Precision.DAY:
            return self.period(lang)
        if self.precision is Precision.MONTH:
            if self.has_begun(today):
                return t("common.day_unpublished", lang, month=self.period(lang))
            return self.period(lang)
        key = "common.date_unpublished" if self.has_begun(today) else "common.date_tba"
        return t(key, lang, year=self.year)

    def format_short(self, lang: str) -> str:
        """For a label where space is short, in one piece (no-break spaces): ``12 déc. 2025`` /
        ``12 Dec 2025`` / ``12.12.2025``; a month in words (``décembre 2025``: Babel's German abbreviation
        has no dot), a year alone."""
        lang = normalize_lang(lang)
        if self.precision is Precision.DAY:
            text = format_day(self.first_day, lang, "medium")
        elif self.precision is Precision.MONTH:
            text = format_month(self.first_day, lang)
        else:
            text = str(self.year)
        return text.replace(" ", NBSP)


# French elides "de" before a vowel: "d’avril 2025", "d’août", "d’octobre".
_FRENCH_ELISION = re.compile(r"^de (?=[aeiouyâàéèêîïôûh])", re.IGNORECASE)


def format_span(first: PartialDate, last: PartialDate, lang: str) -> str:
    """From one date to another, each preposition agreeing with its end's precision (a year stands
    alone, without "date to be announced"):
    ``de mai 2024 au 31 décembre 2029``, ``du 1er janvier 2025 à 2026``, ``d’avril 2025 à mai 2026``;
    ``from May 2024 to 31 December 2029``; ``von Mai 2024 bis zum 31. Dezember 2029``."""
    lang = normalize_lang(lang)
    start = t(f"common.span.from.{first.precision.value}", lang, date=first.period(lang))
    end = t(f"common.span.to.{last.precision.value}", lang, date=last.period(lang))
    if lang == "fr":
        start = _FRENCH_ELISION.sub("d’", start)
    return t("common.span", lang, start=start, end=end)
