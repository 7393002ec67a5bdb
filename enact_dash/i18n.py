"""Translations and locale-aware formatting.

Catalogues are JSON files ``enact_dash/locales/<lang>/<domain>.json``; a key's domain is the part before
its first dot (``"home.title"`` lives in ``home.json``). French is the reference language.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_compact_currency, format_decimal, format_percent

LANGS: tuple[str, ...] = ("fr", "en", "de")
DEFAULT_LANG = "fr"
LOCALES_DIR = Path(__file__).parent / "locales"

# Babel locales per interface language (territory matters for number formats).
BABEL_LOCALE = {"fr": "fr_FR", "en": "en_GB", "de": "de_DE"}
LANG_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch"}

# French typography: a no-break space before ":" (and between a number and its unit), a narrow no-break
# space before ";", "!", "?" and inside « » (tests/unit/test_typography.py checks every catalogue).
NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACE_BEFORE = re.compile(r" +([;!?»])")
_SPACE_AFTER = re.compile(r"« +")
_SPACE_BEFORE_COLON = re.compile(r" +:(?=\s|$)")


def keep_together(text: str) -> str:
    """Text as the staff wrote it, with the spaces of French punctuation made unbreakable, so that a
    line never starts with ";", ":", "!", "?" or "»" nor ends with "«" ("Communiqué ; https://…",
    "site : …"). Only which spaces may break changes; no character is added or removed but spaces."""
    text = _SPACE_BEFORE.sub(NNBSP + r"\1", text)
    text = _SPACE_AFTER.sub("«" + NNBSP, text)
    return _SPACE_BEFORE_COLON.sub(NBSP + ":", text)


def normalize_lang(lang: str | None) -> str:
    """Return a supported language code, French for anything unknown."""
    if lang:
        code = lang.strip().lower()[:2]
        if code in LANGS:
            return code
    return DEFAULT_LANG


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """All keys of one language, merged from its domain files."""
    merged: dict[str, str] = {}
    folder = LOCALES_DIR / lang
    for path in sorted(folder.glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            merged.update(json.load(fh))
    return merged


def has_key(key: str, lang: str = DEFAULT_LANG) -> bool:
    return key in catalogue(normalize_lang(lang))


def t(key: str, lang: str = DEFAULT_LANG, /, **kwargs: object) -> str:
    """Translate ``key`` into ``lang``, falling back to French, then to the key itself."""
    lang = normalize_lang(lang)
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANG).get(key, key)
    if kwargs:
        try:
            return text.format(**kwargs)
        except (KeyError, IndexError, ValueError):
            return text
    return text


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALE[normalize_lang(lang)])


def plural_form(count: int, lang: str) -> str:
    """CLDR plural category of ``count`` in ``lang``: ``one``, ``many`` or ``other`` (Babel's rules)."""
    return str(_locale(lang).plural_form(count))


def fold(text: str) -> str:
    """Text as compared by a French reader: case, accents and the ligatures œ, æ, ß folded away
    ("Œuvre" -> "oeuvre", "Épinal" -> "epinal", "Straße" -> "strasse"), and the apostrophe ’ read as
    the ' that a keyboard types ("École d’été" and "ecole d'ete" are the same)."""
    value = text.casefold().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    value = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in value if not unicodedata.combining(ch))


def plural(key: str, count: int, lang: str, /, **kwargs: object) -> str:
    """``t("<key>.<category>", count=...)`` with the count written the local way; ``other`` is the
    fallback category ("1 partenaire", "2 partenaires", "1 000 000 de partenaires").

    A count of 0 takes ``<key>.zero`` where the catalogue has one, so that nothing reads "0 à venir"
    ("aucun événement à venir"); without it, 0 takes its CLDR category (``one`` in French, ``other`` in
    English and German: "0 partenaire", "0 partners")."""
    forms = [f"{key}.zero"] if count == 0 else []
    forms += [f"{key}.{plural_form(count, lang)}", f"{key}.other"]
    chosen = next((form for form in forms if has_key(form, lang)), forms[-1])
    return t(chosen, lang, count=format_number(count, lang), **kwargs)


def pick(values: Mapping[str, str | None], lang: str) -> str:
    """Choose the text for ``lang`` among ``{"fr": ..., "en": ..., "de": ...}``, French as fallback."""
    lang = normalize_lang(lang)
    text = values.get(lang) or values.get(DEFAULT_LANG) or ""
    return str(text)


# The day number "1" standing alone (not in "01", "2021" or "1.").
_LONE_ONE = re.compile(r"(?<![\d.])1(?![\d.])")


def first_of_month(text: str, value: date, lang: str) -> str:
    """French writes the first day of a month as an ordinal: ``1er janvier 2025`` (not ``1 janvier``).

    ``text`` is ``value`` (or a part of a range starting with it) formatted by Babel; other languages
    and other days are returned as they are (German already writes ``1. Januar``)."""
    if value.day != 1 or normalize_lang(lang) != "fr":
        return text
    return _LONE_ONE.sub("1er", text, count=1)


def format_day(value: date, lang: str, fmt: str = "long") -> str:
    """``12 décembre 2025`` / ``12 December 2025`` / ``12. Dezember 2025``; ``1er janvier 2025``."""
    text = _babel_format_date(value, fmt, locale=BABEL_LOCALE[normalize_lang(lang)])
    return first_of_month(text, value, lang)


def format_month(value: date, lang: str) -> str:
    """``décembre 2025`` / ``December 2025`` / ``Dezember 2025``."""
    return _babel_format_date(value, "LLLL y", locale=BABEL_LOCALE[normalize_lang(lang)])


def format_number(value: float | int, lang: str) -> str:
    """``2 500`` / ``2,500`` / ``2.500``."""
    return format_decimal(value, locale=BABEL_LOCALE[normalize_lang(lang)])


def format_money(value: float | int, lang: str, currency: str = "EUR") -> str:
    """Compact money: ``30 M€`` / ``€30M`` / ``30 Mio. €``."""
    text = format_compact_currency(value, currency, locale=BABEL_LOCALE[normalize_lang(lang)])
    # Babel writes "30 M €" in French; French typography writes "30 M€".
    return text.replace("\u00a0€", "€").replace(" M €", " M€") if normalize_lang(lang) == "fr" else text


def format_percent_value(value: float, lang: str) -> str:
    return format_percent(value, locale=BABEL_LOCALE[normalize_lang(lang)])
