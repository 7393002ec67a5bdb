"""The one filter model of the app, read from and written to the URL query parameters.

Every view is a shareable link: ``parse_query_params`` leaves out unknown or malformed values and names each
one it left out (``Rejected``: the page says so, the rest of the view works), ``to_query_params`` omits
defaults, so the two round-trip. A page's link holds the shared filters and that page's own only
(``PAGE_PARAMS``, ``Filters.for_page``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, NamedTuple
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
YEAR_RANGE = (2000, 2100)
_TRUE = frozenset({"1", "true", "yes", "oui", "on", "ja"})
_FALSE = frozenset({"0", "false", "no", "non", "off", "nein"})


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
        return parse_query_params(params).filters

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

    def set_among(self, names: Iterable[str]) -> list[str]:
        """The fields among ``names`` that differ from their default (a filter in use)."""
        default = Filters()
        return [name for name in names if getattr(self, name) != getattr(default, name)]

    def cleared(self, names: Iterable[str]) -> Filters:
        """A copy with the fields ``names`` back to their default."""
        default = Filters()
        return self.with_(**{name: getattr(default, name) for name in names})

    @property
    def public(self) -> Filters:
        """The same view without the kiosk parameters (what a visitor carries to a phone)."""
        return replace(self, kiosk=False, rotate=DEFAULT_ROTATE, slides=(), langs=())

    def for_page(self, page: str) -> Filters:
        """The view as the page ``page`` (its URL path; ``"kiosk"`` for the kiosk) shows it: the shared
        filters and the page's own (``PAGE_PARAMS``); every other field at its default."""
        keep = page_params(page)
        default = Filters()
        return replace(self, **{f.name: getattr(default, f.name) for f in fields(self) if f.name not in keep})

    def merged(self, page_view: Filters, page: str) -> Filters:
        """These filters with the fields that the page ``page`` shows taken from ``page_view`` (what a
        page changed); the other pages' own filters stay as they are."""
        return self.with_(**{name: getattr(page_view, name) for name in page_params(page)})


KIOSK_PARAMS = ("kiosk", "rotate", "slides", "langs")
# The filters every page shows and keeps from page to page (the sidebar's).
SHARED_PARAMS = ("lang", "axis", "city")
# Each page's own parameters, by URL path ("" is the home page; "kiosk" the kiosk, served at "/?kiosk=1"). A
# page's URL and link to the view hold the shared ones and its own only; the other pages' own filters are
# kept for the session (a visitor coming back finds them) but not written in this page's URL.
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "": (),
    "partners": ("ptype", "country", "relation", "q", "partner", "sort", "page"),
    "events": ("etype", "audience", "date_from", "date_to", "event"),
    "achievements": ("year",),
    "about": (),
    "kiosk": KIOSK_PARAMS,
}
# The filters of the shared sidebar, kept from page to page (the shared parameters but the language).
SHARED_FILTERS = tuple(name for name in SHARED_PARAMS if name != "lang")
# Each list page's own filters (beside the shared ones): what its "clear this page's filters" clears.
PARTNERS_PAGE_FILTERS = ("ptype", "country", "relation", "q")
EVENTS_PAGE_FILTERS = ("etype", "audience", "date_from", "date_to")
# Every filter that narrows what a page shows (not a selection, an order, a list's page or a year in
# review): what the sidebar's "clear the filters" clears, on every page.
NARROWING_FILTERS = (*SHARED_FILTERS, *PARTNERS_PAGE_FILTERS, *EVENTS_PAGE_FILTERS)
# The fields that choose which partners a view holds (enact_dash.partners.view keys its views on them).
PARTNER_FILTERS = ("axis", "city", "ptype", "country", "relation", "q")
# The fields that change what the partners list holds or its order: a change starts it on page 1.
PAGE_RESETS = frozenset({*PARTNER_FILTERS, "sort"})


def page_params(page: str) -> frozenset[str]:
    """The fields a page shows (and writes in its URL): the shared filters and the page's own."""
    return frozenset((*SHARED_PARAMS, *PAGE_PARAMS.get(page, ())))


class Rejected(NamedTuple):
    """A value of a link that the filters left out: the parameter and the value as written."""

    param: str
    value: str


class Parsed(NamedTuple):
    filters: Filters
    rejected: tuple[Rejected, ...]


def parse_query_params(params: Mapping[str, Any]) -> Parsed:
    """The filters of ``st.query_params`` (or any mapping of str -> str | list[str]), and every value
    left out because it is malformed or not in a fixed vocabulary. Values that only the data can check
    (an axis, a country, a city, an id) are checked by the pages (``enact_dash.ui.state.drop_unknown``).
    Parameters that are not filters (``utm_source``…) are neither kept nor reported."""
    rejected: list[Rejected] = []

    def values(name: str) -> list[str]:
        out: list[str] = []
        for item in _get_all(params, name):
            out.extend(part.strip() for part in str(item).split(","))
        return [v for v in out if v][:MAX_VALUES]

    def first(name: str) -> str:
        found = values(name)
        return found[0] if found else ""

    def keep(name: str, value: str, ok: bool) -> bool:
        if not ok:
            rejected.append(Rejected(name, value))
        return ok

    kwargs: dict[str, Any] = {}
    lang = first("lang")
    if lang and keep("lang", lang, lang.lower() in LANGS):
        kwargs["lang"] = lang.lower()
    for name, allowed in _CHOICES.items():
        picked = [v.lower() for v in values(name)
                  if keep(name, v, v.lower() in allowed if allowed else bool(_SLUG.match(v.lower())))]
        kwargs[name] = tuple(dict.fromkeys(picked))
    kwargs["city"] = tuple(dict.fromkeys(v[:MAX_TEXT] for v in values("city")))
    kwargs["country"] = tuple(dict.fromkeys(
        v.upper() for v in values("country") if keep("country", v, bool(_COUNTRY.match(v.upper())))
    ))
    kwargs["langs"] = tuple(dict.fromkeys(
        v.lower() for v in values("langs") if keep("langs", v, v.lower() in LANGS)
    ))
    q_values = _get_all(params, "q")
    kwargs["q"] = clean_text(q_values[0]) if q_values else ""
    for name in ("partner", "event"):
        value = first(name)
        if value and keep(name, value, bool(_SLUG.match(value.lower()))):
            kwargs[name] = value.lower()
    sort = first("sort")
    if sort and keep("sort", sort, bool(_SORT.match(sort.lower()))):
        kwargs["sort"] = sort.lower()
    text = first("page")
    page = _whole(text)
    if text and keep("page", text, page is not None and page >= 1):
        kwargs["page"] = min(page or 1, MAX_PAGE)
    for name in ("date_from", "date_to"):
        text = first(name)
        day = parse_date(text)
        if text and keep(name, text, day is not None):
            kwargs[name] = day
    if kwargs.get("date_from") and kwargs.get("date_to") and kwargs["date_from"] > kwargs["date_to"]:
        kwargs["date_from"], kwargs["date_to"] = kwargs["date_to"], kwargs["date_from"]
    text = first("year")
    year = _whole(text)
    if text and keep("year", text, year is not None and YEAR_RANGE[0] <= year <= YEAR_RANGE[1]):
        kwargs["year"] = year
    text = first("kiosk")
    if text and keep("kiosk", text, text.lower() in _TRUE | _FALSE):
        kwargs["kiosk"] = text.lower() in _TRUE
    text = first("rotate")
    rotate = _whole(text)
    if text and keep("rotate", text, rotate is not None):
        kwargs["rotate"] = min(max(rotate or 0, ROTATE_RANGE[0]), ROTATE_RANGE[1])
    return Parsed(Filters(**kwargs), tuple(dict.fromkeys(rejected)))


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


def parse_date(text: str) -> date | None:
    """A day written YYYY-MM-DD (as in a link, or sent by the browser's date field), else None."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
