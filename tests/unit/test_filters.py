"""The filter model: URL parsing (a table of cases, like Datasette's test_filters) and round trips."""

from __future__ import annotations

from datetime import date

import pytest

from enact_dash.filters import DEFAULT_ROTATE, Filters


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
