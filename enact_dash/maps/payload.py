"""Compact, columnar encoding of map points, decoded in the browser by ``assets/points_layer.js``.

At 10,000 points one folium object per point makes the page slow; instead the points travel as one JSON
object of columns, and the browser creates the markers. Layout (version 1)::

    {
      "v": 1, "n": <number of points>,
      "lat": {"o": <offset>, "w": <digits>, "s": "<codes>"},   # lat = (o + code) / 10^4
      "lon": {"o": ..., "w": ..., "s": ...},                  # idem
      "c": {"w": <digits>, "s": "<codes>"},                   # category index per point
      "id": [...], "t": [...],                                # id and title (tooltip) per point
      "f": [<column>, ...]                                    # one per popup field, in order
    }

A ``<column>`` is either ``{"d": [<distinct values>], "w": <digits>, "s": "<codes>"}`` (dictionary
encoded, for repeated values such as a city) or ``{"v": [<value per point>]}``; ``"p"`` and ``"x"`` are
an optional prefix and suffix (e.g. ``"https://www."``) removed from every non-empty value and added
back by the browser. Codes are
fixed-width base-64 numbers written with :data:`ALPHABET`, ``w`` digits per point, no separators.
Empty text is ``""``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

# 64 characters that need no escaping in JSON, HTML or JS, and contain no "_" (streamlit-folium rewrites
# "_<id>" tokens in the map script).
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-."
COORD_SCALE = 10_000  # 4 decimals, about 11 m
_ALPHABET_BYTES = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)


def width_for(max_value: int) -> int:
    """Number of base-64 digits needed to write every integer in ``0..max_value``."""
    width = 1
    while max_value >= 64**width:
        width += 1
    return width


def encode_ints(values: Sequence[int], width: int) -> str:
    """Write non-negative integers as fixed-width base-64 numbers, concatenated."""
    numbers = np.asarray(values, dtype=np.int64).reshape(-1)
    if numbers.size and (numbers.min() < 0 or numbers.max() >= 64**width):
        bad = numbers[(numbers < 0) | (numbers >= 64**width)][0]
        raise ValueError(f"{bad} does not fit in {width} base-64 digits")
    powers = 64 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    digits = (numbers[:, None] // powers) % 64
    return _ALPHABET_BYTES[digits.reshape(-1)].tobytes().decode("ascii")


def decode_ints(text: str, width: int) -> list[int]:
    """Inverse of :func:`encode_ints` (the browser has its own copy; this one serves the tests)."""
    index = {char: pos for pos, char in enumerate(ALPHABET)}
    out: list[int] = []
    for start in range(0, len(text), width):
        value = 0
        for char in text[start : start + width]:
            value = value * 64 + index[char]
        out.append(value)
    return out


def encode_coords(values: Sequence[float]) -> dict[str, Any]:
    """Coordinates rounded to 4 decimals, as offset + fixed-width codes."""
    scaled = np.rint(np.asarray(values, dtype=np.float64) * COORD_SCALE).astype(np.int64)
    offset = int(scaled.min()) if scaled.size else 0
    codes = scaled - offset
    width = width_for(int(codes.max()) if codes.size else 0)
    return {"o": offset, "w": width, "s": encode_ints(codes, width)}


def decode_coords(column: dict[str, Any]) -> list[float]:
    return [(column["o"] + c) / COORD_SCALE for c in decode_ints(column["s"], column["w"])]


def encode_codes(codes: Sequence[int]) -> dict[str, Any]:
    width = width_for(max(codes, default=0))
    return {"w": width, "s": encode_ints(codes, width)}


def _common_prefix(values: Sequence[str]) -> str:
    first, last = min(values), max(values)
    size = 0
    while size < len(first) and first[size] == last[size]:
        size += 1
    return first[:size]


def _common_affixes(values: Sequence[str]) -> tuple[str, str]:
    """Longest prefix and suffix shared by all ``values`` that leave each of them non-empty."""
    if len(values) < 2:
        return "", ""
    prefix = _common_prefix(values)[: min(len(v) for v in values) - 1]
    rests = [v[len(prefix) :] for v in values]
    reversed_suffix = _common_prefix([r[::-1] for r in rests])[: min(len(r) for r in rests) - 1]
    return prefix, reversed_suffix[::-1]


def _json_size(values: Sequence[str]) -> int:
    """About the size of ``values`` as a JSON list (quotes and comma per value; escapes ignored)."""
    return sum(len(v) for v in values) + 3 * len(values)


def encode_text_column(values: Sequence[str]) -> dict[str, Any]:
    """A text column, as compact as the values allow.

    A prefix (``"p"``) and a suffix (``"x"``) shared by every non-empty value are written once; the
    column is dictionary-encoded when that is smaller than the plain list (repeated cities, types).
    """
    column: dict[str, Any] = {}
    prefix, suffix = _common_affixes([v for v in values if v])
    if prefix or suffix:
        values = [v[len(prefix) : len(v) - len(suffix)] if v else v for v in values]
        if prefix:
            column["p"] = prefix
        if suffix:
            column["x"] = suffix
    distinct = list(dict.fromkeys(values))
    width = width_for(len(distinct) - 1)
    if _json_size(distinct) + width * len(values) + 10 < _json_size(values):
        position = {value: pos for pos, value in enumerate(distinct)}
        column.update(d=distinct, **encode_codes([position[v] for v in values]))
    else:
        column["v"] = list(values)
    return column


def decode_text_column(column: dict[str, Any]) -> list[str]:
    if "d" in column:
        values = [column["d"][c] for c in decode_ints(column["s"], column["w"])]
    else:
        values = list(column["v"])
    prefix, suffix = column.get("p", ""), column.get("x", "")
    return [prefix + v + suffix if v else v for v in values]


def script_json(value: Any) -> str:
    """JSON safe to embed in an inline ``<script>``: no ``</script>``, ``<!--`` or ``]]>`` can appear.

    ``json.dumps`` then ``<``, ``>`` and ``&`` as ``\\u00XX`` escapes (still valid JSON and JS), and the
    JS line terminators U+2028/U+2029 escaped too. NaN or infinity are refused.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def is_finite(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)
