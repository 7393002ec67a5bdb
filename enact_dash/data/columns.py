"""Column types: each turns a text cell into a typed value or raises :class:`FieldError`."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlparse

from enact_dash.data.problems import FieldError, FieldNote
from enact_dash.dates import PartialDate
from enact_dash.i18n import LANGS, fold, has_key, t

MULTI_SEPARATOR = "|"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_TRUE = {"oui", "yes", "true", "vrai", "1", "ja", "x", "o", "y"}
_FALSE = {"non", "no", "false", "faux", "0", "nein", "n", ""}

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    """One column of a data file.

    ``required``: an empty cell is an error. A bad value in a required column leaves the row out;
    in an optional column the value is ignored (warning) and the row is kept, unless ``strict``: then a
    bad value leaves the row out too (an empty cell still takes the default).
    """

    name: str
    parse: Parser
    required: bool = False
    default: Any = None
    strict: bool = False


def text(cell: str) -> str:
    return " ".join(cell.split())


def identifier(cell: str) -> str:
    value = cell.strip()
    if not _ID.match(value):
        raise FieldError("bad_id")
    return value


def _key(value: str) -> str:
    """How a vocabulary value is compared: case, accents, spaces, ``-`` and ``_`` folded away."""
    return " ".join(fold(value).replace("_", " ").replace("-", " ").split())


@cache
def synonyms(allowed: tuple[str, ...], labels: str | None) -> Mapping[str, str]:
    """Folded id or label (``vocab.<labels>.<id>`` in every language) -> id.

    A label shared by two ids of the same vocabulary would be ambiguous: it is left out.
    """
    found: dict[str, set[str]] = {}
    for value in allowed:
        found.setdefault(_key(value), set()).add(value)
        if labels:
            for lang in LANGS:
                key = f"vocab.{labels}.{value}"
                if has_key(key, lang):
                    found.setdefault(_key(t(key, lang)), set()).add(value)
    ids = {_key(value): value for value in allowed}
    return {key: ids.get(key) or next(iter(values)) for key, values in found.items()
            if len(values) == 1 or key in ids}


def _lookup(value: str, allowed: tuple[str, ...], labels: str | None) -> str | None:
    return synonyms(allowed, labels).get(_key(value))


def choice(allowed: Collection[str], labels: str | None = None) -> Parser:
    """One id of ``allowed``, or its label as the app shows it (``vocab.<labels>.<id>``, fr/en/de)."""
    ids = tuple(allowed)

    def parse(cell: str) -> str:
        value = _lookup(cell, ids, labels)
        if value is None:
            raise FieldError("not_allowed", allowed=", ".join(sorted(ids)))
        return value

    return parse


def multi_choice(allowed: Collection[str] | None = None, labels: str | None = None) -> Parser:
    """``nlp|health`` -> ``("nlp", "health")``; ``allowed=None`` defers the check (references)."""
    ids = tuple(allowed) if allowed is not None else None

    def parse(cell: str) -> tuple[str, ...]:
        values = [v.strip() for v in cell.split(MULTI_SEPARATOR) if v.strip()]
        if ids is None:
            return tuple(dict.fromkeys(v.lower() for v in values))
        found = [_lookup(v, ids, labels) for v in values]
        if any(v is None for v in found):
            raise FieldError("not_allowed", allowed=", ".join(sorted(ids)))
        return tuple(dict.fromkeys(v for v in found if v is not None))

    return parse


_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?")  # 1.234.567 or 1.234,5 (German)
_THOUSANDS_COMMA = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234,567 or 1,234.5 (English)


def number(cell: str) -> float:
    """``2500``, ``2 500`` (any space, incl. no-break), ``2,5`` / ``2.5``, and where unambiguous
    ``1.234.567``, ``1.234,5``, ``1,234,567``, ``1,234.5``. ``1,234`` and ``1.234`` are decimals."""
    value = "".join(cell.split())  # str.split() also splits on no-break and narrow no-break spaces
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    elif _THOUSANDS_DOT.fullmatch(value) and (value.count(".") > 1 or "," in value):
        value = value.replace(".", "").replace(",", ".")
    elif _THOUSANDS_COMMA.fullmatch(value) and (value.count(",") > 1 or "." in value):
        value = value.replace(",", "")
    if not _PLAIN.fullmatch(value):
        raise FieldError("not_a_number")
    return float(value)


_SIGNS = {"€": "eur", "eur": "eur", "euro": "eur", "euros": "eur", "%": "percent"}
_SIGNED = re.compile(r"^(.*?)\s*(€|eur|euros?|%)\s*$", re.IGNORECASE)


def amount(cell: str) -> float:
    """A :func:`number` that may end with ``€`` or ``%``: read, with a :class:`FieldNote` saying that
    the unit belongs in the unit column (``unit`` = the unit id the sign stands for)."""
    match = _SIGNED.match(cell)
    if not match or not match.group(1).strip():
        return number(cell)
    value = number(match.group(1))
    raise FieldNote(value, "unit_in_value", sign=match.group(2), unit=_SIGNS[match.group(2).lower()],
                    number=f"{value:g}" if abs(value) < 1e15 else str(value))


def latitude(cell: str) -> float:
    value = number(cell)
    if not -90 <= value <= 90:
        raise FieldError("bad_latitude")
    return value


def longitude(cell: str) -> float:
    value = number(cell)
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


def partial_date(cell: str) -> PartialDate:
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
    """A URL or a short citation ("Communiqué de presse, déc. 2025"): any non-empty text."""
    return text(cell)


def country(cell: str) -> str:
    value = cell.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise FieldError("bad_country")
    return value
