"""Numbers as the staff write them in a spreadsheet, read only where they are unambiguous.

``2500``, ``2 500`` (spaces, including the no-break spaces a spreadsheet writes, between groups of three
digits), ``2,5`` / ``2.5``, ``1.234.567``, ``1.234,5``, ``30,000,000``, ``1,234.5`` are read. What could be
two numbers is never read as one of them: ``1,500`` and ``1.500`` may be 1.5 or 1500 (the message gives
both and how to write each), ``12 5`` may be 125 or 12.5. An abbreviated amount (``30 M€``, ``30 k€``,
``1,5 Mio.``) is not read either; the message gives the number to write (``30000000``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from enact_dash.data.problems import FieldError, FieldNote

_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?")  # 1.234.567 or 1.234,5 (German)
_THOUSANDS_COMMA = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234,567 or 1,234.5 (English)
# Spaces between groups of three digits (60 000 000, 1 500,5): thousands separators (str.isspace: any
# space, the no-break U+00A0 and narrow no-break U+202F of a French spreadsheet included).
_SPACED = re.compile(r"[+-]?\d{1,3}(\s\d{3})+([.,]\d+)?")
# One separator followed by exactly three digits: 1,500 is 1.5 in French and 1500 in English (1.500 the
# reverse in German). A leading 0 (0,125) is a decimal: no number starts its thousands with 0.
_FIGURES = re.compile(r"[+-]?[\d\s.,]+")  # figures, separators and spaces only
_TWO_WAYS = re.compile(r"(?P<int>[+-]?[1-9]\d{0,2})(?P<sep>[.,])(?P<frac>\d{3})")


def plain(value: float | Decimal) -> str:
    """``60000000``, ``1.5``: a number as the staff should write it (no exponent, no separator)."""
    number = Decimal(repr(value)) if isinstance(value, float) else value
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def number(cell: str, *, decimal: bool = False) -> float:
    """The number that ``cell`` writes (see the module's docstring), else :class:`FieldError`:
    ``not_a_number``, or ``ambiguous_number`` (``1,500``: with both readings and how to write each).
    ``decimal``: the column only holds decimals (coordinates), so ``48,673`` is 48.673."""
    value = cell.strip()
    if any(ch.isspace() for ch in value):
        if not _SPACED.fullmatch(value):
            # 12 5: 125, or 12,5 with a space typed for the comma? Only figures and separators get that
            # advice; "30 m2" or "2 MW" are no numbers at all (without the space they would not be either).
            raise FieldError("number_spaces" if _FIGURES.fullmatch(value) else "not_a_number")
        value = "".join(value.split())
    elif not decimal and (two_ways := _TWO_WAYS.fullmatch(value)):
        raise _ambiguous(two_ways)
    if value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    elif _THOUSANDS_DOT.fullmatch(value) and (value.count(".") > 1 or "," in value):
        value = value.replace(".", "").replace(",", ".")
    elif _THOUSANDS_COMMA.fullmatch(value) and (value.count(",") > 1 or "." in value):
        value = value.replace(",", "")
    if not _PLAIN.fullmatch(value):
        raise FieldError("not_a_number")
    return float(value)


def _ambiguous(found: re.Match[str]) -> FieldError:
    """``1,500``: 1500 or 1,5 (the decimal in the staff's own separator, without its final zeros; with
    one more zero when it has none, ``1,2340``, the only way to write it that reads one way)."""
    whole, sep, fraction = found.group("int"), found.group("sep"), found.group("frac")
    trimmed = fraction.rstrip("0")
    reading = f"{whole}{sep}{trimmed}" if trimmed else whole
    written = reading if trimmed != fraction else f"{whole}{sep}{fraction}0"
    return FieldError("ambiguous_number", thousands=f"{whole}{fraction}", decimal=reading,
                      decimal_written=written)


_SIGNS = {"€": "eur", "eur": "eur", "euro": "eur", "euros": "eur", "%": "percent"}
_SIGNED = re.compile(r"^\s*(?P<before>€?)\s*(?P<number>.*?)\s*(?P<sign>€|eur|euros?|%)?\s*$", re.IGNORECASE)
# Abbreviations of an amount: thousands, millions, billions (milliards) in French, English, German.
# "billion" is left out: 10^9 in English, 10^12 in French.
_SCALES = {"k": 3, "m": 6, "mio": 6, "mill": 6, "million": 6, "millions": 6, "millionen": 6,
           "md": 9, "mds": 9, "mrd": 9, "milliard": 9, "milliards": 9, "milliarde": 9, "milliarden": 9}
_SCALED = re.compile(r"(?P<number>.*?\d)\s*(?P<scale>[a-z]+)\.?", re.IGNORECASE)


def amount(cell: str) -> float:
    """A :func:`number` that may end (or, for ``€``, start) with ``€`` or ``%``: read, with a
    :class:`FieldNote` saying that the unit belongs in the unit column (``unit``: the unit id the sign
    stands for; ``number``: the number read). An abbreviated amount (``30 M€``) is a :class:`FieldError`
    giving the number to write (``scaled_number``, or ``scaled_amount`` with the unit of its sign)."""
    match = _SIGNED.match(cell)
    if match is None or not match.group("number"):
        return number(cell)
    sign = match.group("sign") or match.group("before")
    unit = _SIGNS[sign.lower()] if sign else None
    written = match.group("number")
    scaled = _SCALED.fullmatch(written)
    if scaled and scaled.group("scale").lower() in _SCALES:
        raise _scaled(scaled.group("number"), _SCALES[scaled.group("scale").lower()], unit)
    if unit is None:
        return number(cell)
    value = number(written)
    raise FieldNote(value, "unit_in_value", sign=sign, unit=unit, number=plain(value))


def _scaled(written: str, power: int, unit: str | None) -> FieldError:
    """``30 M€``: not read; the message gives ``30000000`` (nothing when the number itself is unclear,
    ``1,500 M€``)."""
    try:
        value = Decimal(repr(number(written))) * (Decimal(10) ** power)
    except (FieldError, InvalidOperation):
        return FieldError("scaled_unclear")
    if unit is None:
        return FieldError("scaled_number", number=plain(value))
    return FieldError("scaled_amount", number=plain(value), unit=unit)
