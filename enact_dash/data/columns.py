"""Column types: each turns a text cell into a typed value or raises :class:`FieldError`."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from enact_dash.data.labels import Vocabulary, catalogue_vocabulary, split_mistyped
from enact_dash.data.numbers import number
from enact_dash.data.problems import FieldError, FieldNote
from enact_dash.dates import PartialDate, spreadsheet_date
from enact_dash.geo import BORDER_COUNTRIES
from enact_dash.i18n import keep_together
from enact_dash.sources import SEPARATOR, parts, url_in_text

MULTI_SEPARATOR = "|"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_TRUE = {"oui", "yes", "true", "vrai", "wahr", "1", "ja", "x", "o", "y"}
_FALSE = {"non", "no", "false", "faux", "falsch", "0", "nein", "n", ""}

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    """One column of a data file.

    ``required``: an empty cell is an error. A bad value in a required column leaves the row out;
    in an optional column the value is ignored (warning) and the row is kept, unless ``strict``: then a
    bad value leaves the row out too (an empty cell still takes the default). ``added``: a column added
    after files were in use; a file without it is read as all empty without a warning (the files of a
    deployment written before it still validate), while an unknown column still names it as absent.
    """

    name: str
    parse: Parser
    required: bool = False
    default: Any = None
    strict: bool = False
    added: bool = False


def text(cell: str) -> str:
    return " ".join(cell.split())


def french_text(cell: str) -> str:
    """French text as written, its punctuation's spaces made unbreakable (a spreadsheet types plain
    spaces: "ENACT : lauréat", « IA Cluster »); :func:`enact_dash.i18n.keep_together`. The file keeps
    what the staff wrote."""
    return keep_together(text(cell))


def identifier(cell: str) -> str:
    value = cell.strip()
    if not _ID.match(value):
        raise FieldError("bad_id")
    return value


class Choice:
    """Parser of a one-value vocabulary column: the id, or its label as the app shows it
    (``vocab.<labels>.<id>``, fr/en/de; see :mod:`enact_dash.data.labels`)."""

    def __init__(self, allowed: Collection[str], labels: str | None = None) -> None:
        self.ids = tuple(allowed)
        self.kind = labels

    @property
    def vocabulary(self) -> Vocabulary:
        return catalogue_vocabulary(self.ids, self.kind)

    def __call__(self, cell: str) -> str:
        return self.vocabulary.lookup(cell)


def choice(allowed: Collection[str], labels: str | None = None) -> Choice:
    """One id of ``allowed``, or its label as the app shows it (``vocab.<labels>.<id>``, fr/en/de)."""
    return Choice(allowed, labels)


def items(cell: str) -> list[str]:
    """The values of a multi-valued cell: ``|``-separated, spaces collapsed, empty ones (a trailing
    ``|``) dropped."""
    return [text(v) for v in cell.split(MULTI_SEPARATOR) if v.strip()]


class MultiChoice:
    """Parser of a multi-valued vocabulary column: ``nlp|health`` -> ``("nlp", "health")``, each value an
    id or its label.

    ``allowed=None`` defers the check (references to another file: the values are returned as written,
    spaces collapsed, and resolved by the cross-file checks). A value that names nothing, or several
    ids, is left out with a :class:`FieldNote` naming it; the others are kept.
    """

    def __init__(self, allowed: Collection[str] | None = None, labels: str | None = None) -> None:
        self.ids = tuple(allowed) if allowed is not None else None
        self.kind = labels

    @property
    def vocabulary(self) -> Vocabulary | None:
        return catalogue_vocabulary(self.ids, self.kind) if self.ids is not None else None

    def __call__(self, cell: str) -> tuple[str, ...]:
        values = items(cell)
        vocabulary = self.vocabulary
        if vocabulary is None:
            return tuple(dict.fromkeys(values))
        found: list[str] = []
        notes: list[FieldNote] = []
        for value in values:
            try:
                found.append(vocabulary.lookup(value))
            except FieldError as err:
                split = split_mistyped(value, vocabulary.find) if err.code != "ambiguous" else None
                if split is not None:  # "public, students": read, with a note on the separator
                    found.extend(split[1])
                    notes.append(separator_note(value, split))
                    continue
                code = "ambiguous_item" if err.code == "ambiguous" else "not_allowed_item"
                note = FieldNote(None, code, item=value, **dict(err.params))
                note.dropped = True
                notes.append(note)
        kept = tuple(dict.fromkeys(found))
        if notes:
            raise FieldNote.of(kept, notes)
        return kept


def separator_note(value: str, split: tuple[str, list[str]]) -> FieldNote:
    """The note on ``nlp, health`` read as ``nlp|health``."""
    sep, ids = split
    return FieldNote(None, "wrong_separator", item=value, sep=sep, read=MULTI_SEPARATOR.join(ids))


def multi_choice(allowed: Collection[str] | None = None, labels: str | None = None) -> MultiChoice:
    """``nlp|health`` -> ``("nlp", "health")``; ``allowed=None`` defers the check (references)."""
    return MultiChoice(allowed, labels)


def latitude(cell: str) -> float:
    value = number(cell, decimal=True)
    if not -90 <= value <= 90:
        raise FieldError("bad_latitude")
    return value


def longitude(cell: str) -> float:
    value = number(cell, decimal=True)
    if not -180 <= value <= 180:
        raise FieldError("bad_longitude")
    return value


def integer(cell: str) -> int:
    value = number(cell)
    if value != int(value):
        raise FieldError("not_an_integer")
    return int(value)


def boolean(cell: str) -> bool:
    value = cell.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise FieldError("not_a_boolean")


# A date cell that a spreadsheet turned into its date number (45678, 45678.0, 45678,5 with a time).
_SERIAL = re.compile(r"^\s*(\d{5})(?:[.,]\d+)?\s*$")
# 12/12/25: a day-first date with a two-digit year (a spreadsheet's short date format).
_SHORT_YEAR = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2})\s*$")
# 2025-12-12 00:00:00, 12/12/2025 14:30: a day with a time of day (a date-time cell).
_WITH_TIME = re.compile(r"^\s*(\S+)[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*$")


def partial_date(cell: str) -> PartialDate:
    """``2025-12-12``, ``2026-01``, ``2026``, ``12/12/2025``, ``12.12.2025``. A spreadsheet's date number
    (``45678``) and a two-digit year (``12/12/25``) are errors that suggest the date they may stand for,
    never read as one; a day with a time of day (``2025-12-12 00:00:00``) is read as the day, with a note."""
    serial = _SERIAL.match(cell)
    if serial:
        day = spreadsheet_date(int(serial.group(1)))
        if day is not None:
            raise FieldError("spreadsheet_date", serial=serial.group(1), date=day.isoformat())
    short = _SHORT_YEAR.match(cell)
    if short:
        day_, month, year = (int(v) for v in short.groups())
        try:
            suggested = PartialDate(2000 + year, month, day_).iso()
        except ValueError:
            raise FieldError("bad_date") from None
        raise FieldError("short_year", date=suggested)
    timed = _WITH_TIME.match(cell)
    if timed:
        value = partial_date(timed.group(1))
        if value.day is not None:
            raise FieldNote(value, "date_with_time", date=value.iso())
        raise FieldError("bad_date")
    fields = PartialDate.fields(cell)
    if fields is None:
        raise FieldError("bad_date")
    year, month, day = fields
    if year < 1:
        raise FieldError("bad_date")
    if month is not None and not 1 <= month <= 12:
        raise FieldError("bad_month")
    try:
        return PartialDate(year, month, day)
    except ValueError as exc:
        days = calendar.monthrange(year, month or 1)[1]
        raise FieldError("bad_day", days=days) from exc


def url(cell: str) -> str:
    value = cell.strip()
    parsed = urlparse(value)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or " " in value:
        raise FieldError("bad_url")
    return value


def source(cell: str) -> str:
    """One or more citations separated by " ; ", each a URL alone or a short text ("Communiqué de presse,
    déc. 2025"). Kept as written (spaces tidied, empty citations dropped); a text citation with an
    address in it ("site : https://…") is kept with a warning: the address is a citation of its own."""
    value = f" {SEPARATOR} ".join(parts(text(cell)))
    mixed = next((part for part in parts(value) if url_in_text(part)), None)
    if mixed is not None:
        raise FieldNote(value, "url_in_citation", citation=mixed)
    return value


class Country:
    """Parser of a country column: an ISO 3166-1 alpha-2 code (``DE``, ``de``; any code, e.g. ``EU``),
    or the name of a country of the map as the site shows it, in French, English or German (``Allemagne``,
    ``Germany``, ``Deutschland``; ``vocab.country.<code>``), read like the other vocabularies."""

    ids = ("FR", *BORDER_COUNTRIES)

    @property
    def vocabulary(self) -> Vocabulary:
        return catalogue_vocabulary(self.ids, "country")

    def __call__(self, cell: str) -> str:
        value = cell.strip()
        if re.fullmatch(r"[A-Za-z]{2}", value):
            return value.upper()
        found = self.vocabulary.find(value)
        if found is None:
            raise FieldError("bad_country", **self.vocabulary.allowed_params(),
                             **self.vocabulary.suggestion_params(value))
        return found


country = Country()
