"""The empty view of a list page: which message, which button, and what the button clears."""

from __future__ import annotations

from datetime import date

import pytest

from enact_dash.empty_view import empty_view, shared_filters_text
from enact_dash.filters import EVENTS_PAGE_FILTERS, PARTNERS_PAGE_FILTERS, Filters

PAGE = "Effacer les filtres de cette page"
SIDEBAR = "Effacer les filtres de la barre latérale"


@pytest.mark.parametrize(
    ("filters", "message", "action", "cleared"),
    [
        # only the search: say which search, clear it
        (Filters(q="zzzz"), "Aucun partenaire ne correspond à la recherche «\u202fzzzz\u202f».", PAGE,
         Filters()),
        # the search and a filter of the page: both cleared, the selected partner and the list's page too
        (Filters(q="zz", ptype=("company",), partner="ul", page=3),
         "Aucun partenaire ne correspond à la recherche «\u202fzz\u202f» avec les filtres choisis.", PAGE,
         Filters()),
        # the page's filters, the sidebar's kept (they are shared with the other pages), the order kept
        (Filters(lang="en", axis=("health",), country=("LU",), relation=("member",), sort="-city"),
         "No partner matches the filters chosen.", "Clear this page’s filters",
         Filters(lang="en", axis=("health",), sort="-city")),
        # the search with the sidebar's filters only: the search is the page's, cleared first
        (Filters(lang="de", q="x", city=("Metz",)),
         "Kein Partner entspricht der Suche „x“ mit den gewählten Filtern.",
         "Filter dieser Seite zurücksetzen",
         Filters(lang="de", city=("Metz",))),
        # only the sidebar's filters empty the view: those are cleared, the language kept
        (Filters(axis=("health",), city=("Metz",), partner="ul"),
         "Aucun partenaire ne correspond aux filtres choisis.", SIDEBAR, Filters()),
        (Filters(lang="en", city=("Metz",), sort="name"), "No partner matches the filters chosen.",
         "Clear the sidebar’s filters", Filters(lang="en", sort="name")),
        # no filter at all: no data, nothing to clear
        (Filters(), "Aucun partenaire dans les données pour l’instant.", "", None),
        (Filters(lang="en", sort="-name"), "No partners in the data yet.", "", None),
    ],
)
def test_partners_empty_view(filters: Filters, message: str, action: str, cleared: Filters | None) -> None:
    empty = empty_view(filters, PARTNERS_PAGE_FILTERS, filters.lang, domain="partners", selection="partner")
    assert (empty.message, empty.action, empty.cleared) == (message, action, cleared)


@pytest.mark.parametrize(
    ("filters", "message", "cleared"),
    [
        (Filters(etype=("summer_school",), audience=("schools",), event="x"),
         "Aucun événement ne correspond aux filtres choisis.", Filters()),
        (Filters(date_from=date(2030, 1, 1), axis=("nlp",)),
         "Aucun événement ne correspond aux filtres choisis.",
         Filters(axis=("nlp",))),
        (Filters(axis=("nlp",)), "Aucun événement ne correspond aux filtres choisis.", Filters()),
        (Filters(), "Aucun événement dans les données pour l’instant.", None),
    ],
)
def test_events_empty_view(filters: Filters, message: str, cleared: Filters | None) -> None:
    empty = empty_view(filters, EVENTS_PAGE_FILTERS, "fr", domain="events", selection="event")
    assert (empty.message, empty.cleared) == (message, cleared)


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
@pytest.mark.parametrize("filters", [Filters(q="a"), Filters(q="a", ptype=("company",)),
                                     Filters(ptype=("company",)), Filters(city=("Metz",)), Filters()])
def test_every_case_has_its_text_in_every_language(lang: str, filters: Filters) -> None:
    empty = empty_view(filters.with_(lang=lang), PARTNERS_PAGE_FILTERS, lang, domain="partners")
    assert empty.message.endswith(".")
    assert "partners.empty" not in empty.message
    assert "common.empty" not in empty.action
    assert (empty.cleared is None) == (empty.action == "")


def test_a_hostile_search_is_kept_as_text() -> None:
    """Plain text: the page escapes it for Markdown (enact_dash.ui.page.show_empty_view)."""
    empty = empty_view(Filters(q="<b>*x*</b>"), PARTNERS_PAGE_FILTERS, "en", domain="partners")
    assert empty.message == "No partner matches the search “<b>*x*</b>”."


@pytest.mark.parametrize(
    ("filters", "lang", "expected"),
    [
        (Filters(), "fr", ""),
        (Filters(ptype=("hospital",)), "fr", ""),  # the page's own filters show as its chips
        (Filters(axis=("health",)), "fr",
         "Filtré dans la barre latérale — axe de recherche\u00a0: Santé numérique."),
        (Filters(axis=("health", "zz"), city=("Nancy", "Metz")), "en",
         "Filtered in the sidebar — research axis: Digital health, zz · city: Nancy, Metz."),
        (Filters(city=("Straßburg",)), "de", "In der Seitenleiste gefiltert — Stadt: Straßburg."),
    ],
)
def test_the_sidebars_filters_are_said_in_the_page(filters: Filters, lang: str, expected: str) -> None:
    names = {"fr": "Santé numérique", "en": "Digital health", "de": "Digitale Gesundheit"}
    assert shared_filters_text(filters, {"health": names[lang]}, lang) == expected
