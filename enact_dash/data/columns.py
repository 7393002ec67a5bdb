"""Column types: each turns a text cell into a typed value or raises :class:`FieldError`."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from enact_dash.data.problems import FieldError
from enact_dash.dates import PartialDate

MULTI_SEPARATOR = "|"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_TRUE = {"oui", "yes", "true", "vrai", "1", "ja", "x", "o", "y"}
_FALSE = {"non", "no", "false", "faux", "0", "nein", "n", ""}

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    """One column of a data file.

    ``required``: an empty cell is an error. A bad value in a required column leaves the row out;
    in an optional column the value is ignored (warning) and the row is kept.
    """

    name: str
    parse: Parser
    required: bool = False
    default: Any = None


def text(cell: str) -> str:
    return " ".join(cell.split())


def identifier(cell: str) -> str:
    value = cell.strip()
    if not _ID.match(value):
        raise FieldError("bad_id")
    return value


def choice(allowed: Collection[str]) -> Parser:
    def parse(cell: str) -> str:
        value = cell.strip().lower()
        if value not in allowed:
            raise FieldError("not_allowed", allowed=", ".join(sorted(allowed)))
        return value

    return parse


def multi_choice(allowed: Collection[str] | None = None) -> Parser:
    """``nlp|health`` -> ``("nlp", "health")``; ``allowed=None`` defers the check (references)."""

    def parse(cell: str) -> tuple[str, ...]:
        values = tuple(
            dict.fromkeys(v.strip().lower() for v in cell.split(MULTI_SEPARATOR) if v.strip())
        )
        if allowed is not None:
            bad = [v for v in values if v not in allowed]
            if bad:
                raise FieldError("not_allowed", allowed=", ".join(sorted(allowed)))
        return values

    return parse


def number(cell: str) -> float:
    """Accept ``2500``, ``2 500``, ``2,5`` (French decimal comma) and ``2.5``."""
    value = cell.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    try:
        result = float(value)
    except ValueError as exc:
        raise FieldError("not_a_number") from exc
    if result != result or result in (float("inf"), float("-inf")):
        raise FieldError("not_a_number")
    return result


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
    try:
        return PartialDate.parse(cell)
    except ValueError as exc:
        raise FieldError("bad_date") from exc


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
