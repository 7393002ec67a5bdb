"""The filter model: URL parsing (a table of cases, like Datasette's test_filters) and round trips."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest

from enact_dash.filters import (
    DEFAULT_ROTATE,
    PAGE_PARAMS,
    SHARED_PARAMS,
    Filters,
    Rejected,
    page_params,
    parse_query_params,
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, Filters()),
        ({"lang": "en"}, Filters(lang="en")),
        ({"lang": "DE"}, Filters(lang="de")),
        ({"lang": "it"}, Filters()),
        ({"axis": "health"}, Filters(axis=("health",))),
        ({"axis": ["health", "nlp"]}, Filters(axis=("health", "nlp"))),
        ({"axis": "health,nlp,health"}, Filters(axis=("health", "nlp"))),
        ({"axis": "<script>"}, Filters()),
        ({"city": "Nancy"}, Filters(city=("Nancy",))),
        ({"city": ["Nancy", "Metz"]}, Filters(city=("Nancy", "Metz"))),
        ({"ptype": "hospital,spaceship"}, Filters(ptype=("hospital",))),
        ({"relation": "member"}, Filters(relation=("member",))),
        ({"country": "de,LU,xx1"}, Filters(country=("DE", "LU"))),
        ({"q": "  inria   nancy "}, Filters(q="inria nancy")),
        ({"q": "x" * 500}, Filters(q="x" * 100)),
        ({"partner": "ul"}, Filters(partner="ul")),
        ({"partner": "../etc"}, Filters()),
        ({"etype": "annual_day,party"}, Filters(etype=("annual_day",))),
        ({"audience": "public"}, Filters(audience=("public",))),
        ({"date_from": "2026-01-01"}, Filters(date_from=date(2026, 1, 1))),
        ({"date_from": "2026-02-30"}, Filters()),
        ({"date_from": "2026-12-31", "date_to": "2026-01-01"},
         Filters(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))),
        ({"year": "2025"}, Filters(year=2025)),
        ({"year": "99999"}, Filters()),
        ({"year": "-1"}, Filters()),
        ({"kiosk": "1"}, Filters(kiosk=True)),
        ({"kiosk": "no"}, Filters()),
        ({"rotate": "2"}, Filters(rotate=5)),
        ({"rotate": "100000"}, Filters(rotate=600)),
        ({"rotate": "abc"}, Filters(rotate=DEFAULT_ROTATE)),
        ({"sort": "-City"}, Filters(sort="-city")),
        ({"sort": "name;drop"}, Filters()),
        ({"sort": "x" * 40}, Filters()),
        ({"page": "3"}, Filters(page=3)),
        ({"page": "0"}, Filters()),
        ({"page": "-2"}, Filters()),
        ({"page": "2.5"}, Filters()),
        ({"page": "999999"}, Filters(page=100_000)),
        ({"page": "9" * 12}, Filters()),
        ({"page": "9" * 5000}, Filters()),  # int() would refuse more than 4300 digits
        ({"page": "²"}, Filters()),  # a digit for str.isdigit, not for int()
        ({"page": "٣"}, Filters()),  # an Arabic-Indic three
        ({"year": "²⁰²⁵"}, Filters()),
        ({"rotate": "³⁰"}, Filters()),
        ({"slides": "home,partners"}, Filters(slides=("home", "partners"))),
        ({"langs": "fr,en,xx"}, Filters(langs=("fr", "en"))),
        ({"unknown": "whatever"}, Filters()),
    ],
)
def test_from_query_params(query, expected):
    assert Filters.from_query_params(query) == expected


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(lang="de", axis=("health", "nlp"), city=("Vandœuvre-lès-Nancy", "Saarbrücken")),
        Filters(ptype=("hospital",), country=("DE",), relation=("cooperation",), q="inria"),
        Filters(etype=("summer_school",), audience=("schools",), date_from=date(2026, 1, 1)),
        Filters(year=2025, kiosk=True, rotate=30, slides=("home",), langs=("fr", "de")),
        Filters(sort="-city", page=4),
    ],
)
def test_round_trip(filters):
    assert Filters.from_query_params(filters.to_query_params()) == filters


def test_defaults_are_left_out_of_the_url():
    assert Filters().to_query_params() == {}
    assert Filters(lang="en").to_query_params() == {"lang": "en"}


def test_url_and_public_view():
    view = Filters(lang="en", axis=("health",), kiosk=True, rotate=10)
    assert view.public.url("https://example.org/", "partners") == (
        "https://example.org/partners?lang=en&axis=health"
    )
    assert Filters().url("https://example.org", "") == "https://example.org/"


@pytest.mark.parametrize(
    ("changes", "page"),
    [
        ({"axis": ("health",)}, 1),  # another view of the partners: its first page
        ({"etype": ("workshop",)}, 3),  # an events filter: not the partners list
        ({"year": 2025}, 3),
        ({"city": ("Metz",)}, 1),
        ({"q": "inria"}, 1),
        ({"sort": "-city"}, 1),  # another order: the first page
        ({"ptype": ()}, 3),  # no change at all
        ({"partner": "ul"}, 3),  # a card opened from the list: same page
        ({"lang": "de"}, 3),
        ({"page": 5}, 5),
        ({"axis": ("health",), "page": 2}, 2),  # the page named with the change wins
    ],
)
def test_a_new_view_starts_on_the_first_page(changes, page):
    assert Filters(page=3).with_(**changes).page == page


@pytest.mark.parametrize(
    ("query", "rejected"),
    [
        ({}, []),
        ({"lang": "en", "axis": "health", "city": "Nancy", "q": "x" * 500, "utm_source": "mail"}, []),
        ({"lang": "it"}, [("lang", "it")]),
        ({"axis": "health,<script>"}, [("axis", "<script>")]),
        ({"ptype": "hospital,spaceship"}, [("ptype", "spaceship")]),
        ({"relation": ["member", "Enemy"]}, [("relation", "Enemy")]),  # as written in the link
        ({"country": "de,LU,xx1"}, [("country", "xx1")]),
        ({"etype": "annual_day,party"}, [("etype", "party")]),
        ({"audience": "aliens"}, [("audience", "aliens")]),
        ({"partner": "../etc"}, [("partner", "../etc")]),
        ({"event": "a b"}, [("event", "a b")]),
        ({"sort": "name;drop"}, [("sort", "name;drop")]),
        ({"sort": "-City"}, []),  # the page checks the column
        ({"page": "0"}, [("page", "0")]),
        ({"page": "2.5"}, [("page", "2.5")]),
        ({"page": "999999"}, []),  # a number: the page shows its last list page
        ({"date_from": "2026-02-30", "date_to": "2026-03-01"}, [("date_from", "2026-02-30")]),
        ({"date_to": "tomorrow"}, [("date_to", "tomorrow")]),
        ({"year": "99999"}, [("year", "99999")]),
        ({"year": "1999"}, [("year", "1999")]),
        ({"year": "2031"}, []),  # a possible year: the page checks that it has something to show
        ({"kiosk": "maybe"}, [("kiosk", "maybe")]),
        ({"kiosk": "non"}, []),
        ({"rotate": "abc"}, [("rotate", "abc")]),
        ({"rotate": "2"}, []),  # a number of seconds, brought into range
        ({"slides": "home,<x>"}, [("slides", "<x>")]),
        ({"langs": "fr,xx"}, [("langs", "xx")]),
        ({"axis": ["nope!", "nope!"]}, [("axis", "nope!")]),  # once
        ({"lang": "it", "ptype": "x"}, [("lang", "it"), ("ptype", "x")]),
    ],
)
def test_parse_names_what_it_leaves_out(query, rejected):
    parsed = parse_query_params(query)
    assert parsed.rejected == tuple(Rejected(*item) for item in rejected)
    assert parsed.filters == Filters.from_query_params(query)


def test_every_field_is_shared_or_one_pages_own():
    owners = [*SHARED_PARAMS, *(name for own in PAGE_PARAMS.values() for name in own)]
    assert sorted(owners) == sorted(f.name for f in fields(Filters))


EVERYTHING = Filters(lang="de", axis=("health",), city=("Metz",), ptype=("hospital",), country=("DE",),
                     relation=("member",), q="chu", partner="ul", etype=("workshop",), audience=("public",),
                     date_from=date(2026, 1, 1), date_to=date(2026, 2, 1), event="day", year=2025,
                     sort="-city", page=2, kiosk=True, rotate=30, slides=("home",), langs=("fr",))


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("", ["lang", "axis", "city"]),
        ("about", ["lang", "axis", "city"]),
        ("partners",
         ["lang", "axis", "city", "ptype", "country", "relation", "q", "partner", "sort", "page"]),
        ("events", ["lang", "axis", "city", "etype", "audience", "date_from", "date_to", "event"]),
        ("achievements", ["lang", "axis", "city", "year"]),
        ("kiosk", ["lang", "axis", "city", "kiosk", "rotate", "slides", "langs"]),
        ("nowhere", ["lang", "axis", "city"]),
    ],
)
def test_a_page_shows_the_shared_filters_and_its_own(page, params):
    assert list(EVERYTHING.for_page(page).to_query_params()) == params
    assert page_params(page) == frozenset(params)


def test_a_page_changes_its_own_filters_and_keeps_the_others():
    events = EVERYTHING.for_page("events").with_(etype=(), axis=("nlp",))
    merged = EVERYTHING.merged(events, "events")
    assert merged == replace(EVERYTHING, etype=(), axis=("nlp",), page=1)  # a new axis: the list's page 1
    assert EVERYTHING.merged(EVERYTHING.for_page("partners").with_(q=""), "partners") == replace(
        EVERYTHING, q="", page=1)
