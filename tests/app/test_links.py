"""AppTest of links to a view: a link's bad values are said once and the rest of the view works; a page's URL
and link to the view hold the shared filters and that page's own only. Real data, today pinned."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP, page_text, run_app_page

EVENT = "annual-day-2025"  # an event of data/events.csv


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENACT_TODAY", "2026-03-01")


def land(page: str, /, **query: str | list[str]) -> AppTest:
    """The first run of a visitor who follows a link straight to ``page`` (``run_app_page`` runs the home
    page first, and says the link's notice there)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page != "home":
        at.switch_page(f"../pages/{page}.py")
    return at.run()


def toasts(at: AppTest) -> list[str]:
    return [toast.value.replace("\\", "") for toast in at.toast]


def url(at: AppTest) -> dict[str, list[str]]:
    """The URL's parameters after a run (AppTest keeps a lone value as a plain str)."""
    return {key: [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
            for key, value in at.query_params.items()}


def share_link(at: AppTest) -> str:
    [body] = [e.proto.body for e in at.sidebar.get("html") if "enact-share" in e.proto.body]
    return body.replace("&amp;", "&")


EN = "Unknown or malformed value in the link, ignored: "
EN_MANY = "Unknown or malformed values in the link, ignored: "


@pytest.mark.parametrize(
    ("page", "query", "notice", "kept"),
    [
        # the sidebar's filters, on any page
        ("home", {"axis": ["nope", "health"]}, EN + "axis=nope", {"axis": ["health"]}),
        ("about", {"axis": "<b>"}, EN + "axis=<b>", {}),  # malformed (not an id)
        ("home", {"city": ["Atlantis", "nancy"]}, EN + "city=Atlantis", {"city": ["Nancy"]}),
        ("events", {"lang": "it", "axis": "health"},
         "Valeur inconnue ou mal écrite dans le lien, ignorée\u00a0: lang=it", {"axis": ["health"]}),
        # the partners page
        ("partners", {"ptype": "spaceship,hospital"}, EN + "ptype=spaceship", {"ptype": ["hospital"]}),
        ("partners", {"relation": "enemy"}, EN + "relation=enemy", {}),
        ("partners", {"country": ["XX", "FR"]}, EN + "country=XX", {"country": ["FR"]}),
        ("partners", {"country": "FRA"}, EN + "country=FRA", {}),
        ("partners", {"sort": "bogus", "q": "inria"}, EN + "sort=bogus", {"q": ["inria"]}),
        ("partners", {"sort": "name;drop"}, EN + "sort=name;drop", {}),
        ("partners", {"page": "abc"}, EN + "page=abc", {}),
        ("partners", {"page": "0"}, EN + "page=0", {}),
        ("partners", {"page": "999", "q": "inria"}, EN + "page=999", {"q": ["inria"]}),  # one page of 50 rows
        ("partners", {"partner": "../etc"}, EN + "partner=../etc", {}),
        # the events page
        ("events", {"etype": "party", "audience": "public"}, EN + "etype=party", {"audience": ["public"]}),
        ("events", {"audience": "aliens"}, EN + "audience=aliens", {}),
        ("events", {"date_from": "2026-02-30", "date_to": "2026-12-31"}, EN + "date_from=2026-02-30",
         {"date_to": ["2026-12-31"]}),
        ("events", {"date_to": "tomorrow"}, EN + "date_to=tomorrow", {}),
        ("events", {"event": "<script>"}, EN + "event=<script>", {}),
        # the achievements page
        ("achievements", {"year": "1999"}, EN + "year=1999", {}),  # malformed: not a year we could have
        ("achievements", {"year": "2031"}, EN + "year=2031", {}),  # a year with nothing to review
        ("achievements", {"year": "twenty"}, EN + "year=twenty", {}),
        # several at once: one notice naming them all
        ("partners", {"axis": "nope", "ptype": "spaceship", "relation": "member"},
         EN_MANY + "axis=nope, ptype=spaceship", {"relation": ["member"]}),
        # a long value is quoted cut, escaped Markdown
        ("partners", {"page": "9" * 60}, EN + "page=" + "9" * 39 + "…", {}),
    ],
)
def test_a_links_bad_value_is_said_once_and_the_rest_works(page: str, query: dict[str, str | list[str]],
                                                          notice: str, kept: dict[str, list[str]]) -> None:
    lang = {} if "lang" in query else {"lang": "en"}
    at = land(page, **lang, **query)
    assert not at.exception
    assert toasts(at) == [notice]
    assert url(at) == {**({"lang": ["en"]} if lang else {}), **kept}
    at.run()  # said once: not at every run
    assert not at.exception
    assert toasts(at) == []


@pytest.mark.parametrize(
    ("page", "query"),
    [
        ("partners", {"ptype": "hospital", "country": "FR", "sort": "-city", "relation": "member"}),
        ("events", {"etype": "annual_day", "audience": "public", "event": EVENT}),
        ("achievements", {"year": "2025"}),
        ("home", {"axis": "health", "city": "Nancy", "utm_source": "newsletter"}),  # not a filter: silent
    ],
)
def test_a_good_link_says_nothing(page: str, query: dict[str, str]) -> None:
    at = land(page, lang="en", **query)
    assert not at.exception
    assert toasts(at) == []


def test_the_kiosk_logs_what_it_left_out_and_shows_no_notice(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="enact_dash.ui.state"):
        at = land("home", kiosk="1", slides="home,nope", langs="fr,xx", rotate="abc")
    assert not at.exception
    assert toasts(at) == []  # an unattended screen: no notice over the slides
    assert [r.getMessage() for r in caplog.records if r.name == "enact_dash.ui.state"] == [
        "kiosk link: values left out: rotate='abc', slides='nope', langs='xx'"]
    assert url(at) == {"kiosk": ["1"], "slides": ["home"], "langs": ["fr"]}


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({"event": "nope"}, True),  # not in the data (well formed: an inline message, as on partners)
        ({"event": EVENT, "etype": "workshop"}, True),  # in the data, left out by the filters
        ({"event": EVENT}, False),
    ],
)
def test_a_link_to_an_event_not_in_the_view_says_so_on_the_page(query: dict[str, str], says: bool) -> None:
    at = land("events", lang="en", **query)
    assert not at.exception
    assert toasts(at) == []
    message = "The event in this link is not in the current view"
    assert (message in page_text(at)) is says
    assert ("Selected event" in page_text(at)) is not says
    button = at.button(key="events_clear_selected")
    assert button.label == ("Remove this event from the link" if says else "Close this event")
    button.click().run()
    assert not at.exception
    assert "event" not in at.query_params
    assert message not in page_text(at)


def test_the_link_to_the_events_view_has_no_partners_parameters() -> None:
    at = run_app_page("partners", lang="en", axis="health", ptype="hospital", q="chu", sort="-city",
                      partner="chru-nancy", etype="workshop")
    assert not at.exception
    at.switch_page("../pages/events.py").run()
    assert not at.exception
    assert url(at) == {"lang": ["en"], "axis": ["health"], "etype": ["workshop"]}
    assert share_link(at).endswith("/events?lang=en&axis=health&etype=workshop</a></p>")


def test_each_page_finds_its_own_filters_again() -> None:
    """Going from page to page keeps the shared filters; a page's own filters are not in another page's
    URL, and are there again when the visitor comes back."""
    at = run_app_page("partners", lang="de", ptype="hospital")
    at.switch_page("../pages/events.py").run()
    at.button_group(key="flt_etype").select("workshop").run()
    at.sidebar.button_group(key="flt_axis").select("nlp").run()
    assert url(at) == {"lang": ["de"], "axis": ["nlp"], "etype": ["workshop"]}
    at.switch_page("../pages/achievements.py").run()
    assert url(at) == {"lang": ["de"], "axis": ["nlp"]}
    assert "/achievements?lang=de&axis=nlp<" in share_link(at)
    at.switch_page("../pages/partners.py").run()
    assert not at.exception
    assert url(at) == {"lang": ["de"], "axis": ["nlp"], "ptype": ["hospital"]}
    assert at.button_group(key="flt_ptype").value == ["hospital"]
    at.switch_page("../pages/events.py").run()
    assert at.button_group(key="flt_etype").value == ["workshop"]


@pytest.mark.parametrize(
    ("page", "query", "offered"),
    [
        ("partners", {"ptype": "hospital"}, True),
        ("partners", {"q": "inria"}, True),
        ("events", {"axis": "health"}, True),
        ("events", {"audience": "public"}, True),
        ("home", {"city": "Nancy"}, True),
        ("home", {}, False),
        # a selection, an order, a list's page or a year is not a filter
        ("partners", {"partner": "inria"}, False),
        ("partners", {"sort": "-name"}, False),
        ("events", {"event": EVENT}, False),
        ("achievements", {"year": "2025"}, False),
    ],
)
def test_clear_filters_is_offered_only_when_a_filter_narrows_the_page(
    page: str, query: dict[str, str], offered: bool,
) -> None:
    at = land(page, lang="fr", **query)
    assert not at.exception
    assert bool([b for b in at.sidebar.button if b.key == "reset_filters"]) is offered


def test_clear_filters_keeps_the_selected_partner_and_the_order() -> None:
    at = land("partners", lang="fr", ptype="hospital", axis="health", partner="hus", sort="-name")
    at.sidebar.button(key="reset_filters").click().run()
    assert not at.exception
    assert url(at) == {"partner": ["hus"], "sort": ["-name"]}  # French, the default, is not written


@pytest.mark.parametrize(
    ("query", "written"),
    [
        # the same view written otherwise: left as it is (its #fragment would be lost)
        ({"lang": "fr", "partner": "inria"}, {"lang": ["fr"], "partner": ["inria"]}),
        ({"ptype": "hospital,university"}, {"ptype": ["hospital,university"]}),
        # a value left out, another page's filter or a parameter the app does not know: rewritten
        ({"lang": "fr", "ptype": "spaceship"}, {}),
        ({"lang": "fr", "etype": "workshop"}, {}),
        ({"lang": "fr", "utm_source": "newsletter"}, {}),
    ],
)
def test_a_link_that_says_the_view_otherwise_is_left_as_written(
    query: dict[str, str], written: dict[str, list[str]],
) -> None:
    at = land("partners", **query)
    assert not at.exception
    assert url(at) == written


def test_reset_clears_every_pages_filters() -> None:
    at = run_app_page("partners", lang="en", ptype="hospital", axis="health")
    at.switch_page("../pages/events.py").run()
    at.sidebar.button(key="reset_filters").click().run()
    assert url(at) == {"lang": ["en"]}
    at.switch_page("../pages/partners.py").run()
    assert not at.exception
    assert url(at) == {"lang": ["en"]}
