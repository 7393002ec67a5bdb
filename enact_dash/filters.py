"""The one filter model of the app, read from and written to the URL query parameters.

Every view is a shareable link: ``Filters.from_query_params`` ignores unknown or malformed values (a visitor
never sees an error for a bad link) and ``to_query_params`` omits defaults, so the two round-trip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from enact_dash.data import vocab
from enact_dash.i18n import DEFAULT_LANG, LANGS

MAX_VALUES = 20
MAX_TEXT = 100
DEFAULT_ROTATE = 20
ROTATE_RANGE = (5, 600)
MAX_PAGE = 100_000
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SORT = re.compile(r"^-?[a-z][a-z_]{0,30}$")
_WHOLE = re.compile(r"^[0-9]{1,6}$")  # ASCII digits only ("²".isdigit() is true; int("²") fails)


def clean_text(value: Any) -> str:
    """A free text as the filters keep it (the search): runs of spaces made one, at most ``MAX_TEXT``
    characters."""
    return " ".join(str(value or "").split())[:MAX_TEXT]


# Which parameters are multi-valued, and the allowed values where the vocabulary is fixed.
_CHOICES: dict[str, tuple[str, ...] | None] = {
    "axis": None,  # ids come from data/axes.csv: checked as slugs here
    "ptype": vocab.PARTNER_TYPES,
    "relation": vocab.RELATIONS,
    "etype": vocab.EVENT_TYPES,
    "audience": vocab.AUDIENCES,
    "slides": None,
}


@dataclass(frozen=True)
class Filters:
    lang: str = DEFAULT_LANG
    axis: tuple[str, ...] = ()
    city: tuple[str, ...] = ()
    ptype: tuple[str, ...] = ()  # partner type
    country: tuple[str, ...] = ()
    relation: tuple[str, ...] = ()
    q: str = ""  # text search
    partner: str = ""  # selected partner id (detail card)
    etype: tuple[str, ...] = ()  # event type
    audience: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    event: str = ""  # selected event id
    year: int | None = None  # achievements: year in review
    sort: str = ""  # list sort order: a column name, "-name" for descending (each page checks its own)
    page: int = 1  # page of the partners list (the page clamps it to the pages there are)
    kiosk: bool = False
    rotate: int = DEFAULT_ROTATE
    slides: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()  # kiosk: languages to rotate through

    # --- URL --------------------------------------------------------------------------------

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any]) -> Filters:
        """Build from ``st.query_params`` (or any mapping of str -> str | list[str])."""

        def values(name: str) -> list[str]:
            raw = _get_all(params, name)
            out: list[str] = []
            for item in raw:
                out.extend(part.strip() for part in str(item).split(","))
            return [v for v in out if v][:MAX_VALUES]

        def first(name: str) -> str:
            found = values(name)
            return found[0] if found else ""

        kwargs: dict[str, Any] = {}
        lang = first("lang").lower()
        if lang in LANGS:
            kwargs["lang"] = lang
        for name, allowed in _CHOICES.items():
            picked = [v.lower() for v in values(name)]
            picked = [v for v in picked if (v in allowed if allowed else _SLUG.match(v))]
            kwargs[name] = tuple(dict.fromkeys(picked))
        kwargs["city"] = tuple(dict.fromkeys(v[:MAX_TEXT] for v in values("city")))
        kwargs["country"] = tuple(
            dict.fromkeys(v.upper() for v in values("country") if _COUNTRY.match(v.upper()))
        )
        kwargs["langs"] = tuple(dict.fromkeys(v.lower() for v in values("langs") if v.lower() in LANGS))
        q_values = _get_all(params, "q")
        kwargs["q"] = clean_text(q_values[0]) if q_values else ""
        for name in ("partner", "event"):
            value = first(name).lower()
            kwargs[name] = value if _SLUG.match(value) else ""
        sort = first("sort").lower()
        kwargs["sort"] = sort if _SORT.match(sort) else ""
        page = _whole(first("page"))
        kwargs["page"] = min(page, MAX_PAGE) if page is not None and page >= 1 else 1
        kwargs["date_from"] = _parse_date(first("date_from"))
        kwargs["date_to"] = _parse_date(first("date_to"))
        if kwargs["date_from"] and kwargs["date_to"] and kwargs["date_from"] > kwargs["date_to"]:
            kwargs["date_from"], kwargs["date_to"] = kwargs["date_to"], kwargs["date_from"]
        year = _whole(first("year"))
        kwargs["year"] = year if year is not None and 2000 <= year <= 2100 else None
        kwargs["kiosk"] = first("kiosk").lower() in {"1", "true", "yes", "oui", "on"}
        rotate = _whole(first("rotate"))
        if rotate is not None:
            kwargs["rotate"] = min(max(rotate, ROTATE_RANGE[0]), ROTATE_RANGE[1])
        return cls(**kwargs)

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Only what differs from the defaults; lists for multi-valued parameters."""
        out: dict[str, str | list[str]] = {}
        default = Filters()
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            if isinstance(value, tuple):
                out[f.name] = list(value)
            elif isinstance(value, bool):
                out[f.name] = "1"
            elif isinstance(value, date):
                out[f.name] = value.isoformat()
            else:
                out[f.name] = str(value)
        return out

    def query_string(self, *, drop: Iterable[str] = ()) -> str:
        params = {k: v for k, v in self.to_query_params().items() if k not in set(drop)}
        return urlencode(params, doseq=True)

    def url(self, base: str, page: str = "", *, drop: Iterable[str] = ()) -> str:
        """An absolute link to ``page`` showing this view (``drop``: parameters to leave out)."""
        query = self.query_string(drop=drop)
        path = f"{base.rstrip('/')}/{page}".rstrip("/") if page else base.rstrip("/") + "/"
        return f"{path}?{query}" if query else path

    # --- helpers ----------------------------------------------------------------------------

    def with_(self, **changes: Any) -> Filters:
        """A copy with ``changes``. A change of what the partners list holds or of its order
        (``PAGE_RESETS``) brings the list back to its first page, unless the change names the page."""
        new = replace(self, **changes)
        if "page" not in changes and new.page != 1 and any(
            getattr(self, name) != getattr(new, name) for name in changes if name in PAGE_RESETS
        ):
            new = replace(new, page=1)
        return new

    @property
    def public(self) -> Filters:
        """The same view without the kiosk parameters (what a visitor carries to a phone)."""
        return replace(self, kiosk=False, rotate=DEFAULT_ROTATE, slides=(), langs=())

    def is_default(self, *, ignore: Iterable[str] = ("lang",)) -> bool:
        skip = set(ignore)
        default = Filters()
        return all(
            getattr(self, f.name) == getattr(default, f.name) for f in fields(self) if f.name not in skip
        )


KIOSK_PARAMS = ("kiosk", "rotate", "slides", "langs")
# The fields that choose which partners a view holds (enact_dash.partners.view keys its views on them).
PARTNER_FILTERS = ("axis", "city", "ptype", "country", "relation", "q")
# The fields that change what the partners list holds or its order: a change starts it on page 1.
PAGE_RESETS = frozenset({*PARTNER_FILTERS, "sort"})


def _get_all(params: Mapping[str, Any], name: str) -> list[str]:
    getter = getattr(params, "get_all", None)
    if callable(getter):
        return [str(v) for v in getter(name)]
    value = params.get(name)
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def _whole(text: str) -> int | None:
    """A whole number written with up to six ASCII digits, else None."""
    return int(text) if _WHOLE.match(text) else None


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
