"""AppTest of the shell pages (home, about) in every language, and of the shared filters."""

from __future__ import annotations

import pytest

from enact_dash.partners import view as pt_view
from tests.app.conftest import native_fields, page_text, query_values, run_app_page
from tests.conftest import HOSTILE_NAME, MINIMAL


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Chiffres clés", "30\u00a0M€", "Trois axes de recherche", "Université de Lorraine"]),
        ("en", ["Key figures", "€30M", "Three research axes", "Université de Lorraine"]),
        ("de", ["Kennzahlen", "30\u00a0Mio.\u00a0€", "Drei Forschungsachsen", "Université de Lorraine"]),
    ],
)
def test_home_in_each_language(lang, expected):
    at = run_app_page("home", lang=lang)
    assert not at.exception
    text = page_text(at)
    for snippet in expected:
        assert snippet in text


def test_home_key_figures_come_from_the_press_release():
    text = page_text(run_app_page("home"))
    for figure in (">9<", ">17<"):
        assert figure in text


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_about_in_each_language(lang):
    at = run_app_page("about", lang=lang)
    assert not at.exception
    text = page_text(at)
    assert "RGAA 4.1" in text
    assert "GeoNames (CC BY 4.0)" in text
    [sources] = [h.proto.body for h in at.get("html") if "<table class=\"enact-table\"" in h.proto.body]
    assert sources.count("<tr>") >= 4  # the header and at least 3 sources
    assert "<th scope=\"col\" class=\"num\">" in sources  # the number of records
    # one row per citation: the press release once, never glued to another citation or a French role word
    assert sources.count("Communiqué de presse, journée annuelle, déc. 2025</") == 1
    for glued in (" ; ", "; ", "site :", "sites :", "participants :", "descriptions :"):
        assert glued not in sources


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({"axis": "health", "city": "Nancy"}, "Sidebar filters on: Digital health, Nancy. They do not apply"),
        ({"city": "Strasbourg"}, "Sidebar filters on: Strasbourg."),
        ({}, None),
    ],
)
def test_about_says_the_sidebar_filters_do_not_apply(query, said):
    at = run_app_page("about", lang="en", **query)
    assert not at.exception
    notes = [c.value for c in at.caption if "Sidebar filters" in c.value]
    if said is None:
        assert notes == []
    else:
        [note] = notes
        assert note.startswith(said)


def test_about_shows_disagreeing_budgets_openly():
    text = page_text(run_app_page("about", lang="en"))
    assert "€30M" in text
    for other in ("€50M", "€60M", "€67M"):
        assert other in text


def test_sidebar_reflects_url_filters_and_ignores_bad_values():
    at = run_app_page("home", lang="en", axis=["health", "<script>"], city="Nancy", rotate="abc")
    assert not at.exception
    axis = at.button_group(key="flt_axis")
    assert axis.value == ["health"]
    assert at.button_group(key="flt_city").value == ["Nancy"]
    assert at.button_group(key="flt_lang").value == "en"


def test_changing_a_filter_rewrites_the_url():
    at = run_app_page("home")
    at.button_group(key="flt_axis").select("nlp").run()
    assert not at.exception
    assert query_values(at, "axis") == ["nlp"]
    at.button_group(key="flt_lang").set_value("de").run()
    assert query_values(at, "lang") == ["de"]
    assert "Kennzahlen" in page_text(at)


def test_filters_survive_a_page_change():
    at = run_app_page("home", axis="health")
    at.switch_page("../pages/about.py").run()
    assert not at.exception
    assert at.button_group(key="flt_axis").value == ["health"]
    assert query_values(at, "axis") == ["health"]


def test_empty_data_directory_shows_no_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("ENACT_DATA_DIR", str(tmp_path / "missing"))
    for page in ("home", "about"):
        at = run_app_page(page)
        assert not at.exception


def test_sidebar_links_to_the_current_view_as_escaped_text():
    at = run_app_page("partners", lang="en", axis="health", q='"><img src=x>')
    assert not at.exception
    [share] = [e.proto.body for e in at.sidebar.get("html") if "enact-share" in e.proto.body]
    assert "/partners?lang=en&amp;axis=health&amp;q=%22%3E%3Cimg+src%3Dx%3E" in share
    assert "<img" not in share



@pytest.mark.parametrize(("page", "shared"), [("partners", "/partners?lang=en&amp;page=2<"),
                                              ("about", "/about?lang=en<")])
def test_the_list_page_is_shared_from_the_partners_page_only(page: str, shared: str, monkeypatch) -> None:
    monkeypatch.setattr(pt_view, "LIST_PAGE_SIZE", 2)  # the test data's partners fill 3 pages
    at = run_app_page(page, lang="en", page="2")
    assert not at.exception
    [share] = [e.proto.body for e in at.sidebar.get("html") if "enact-share" in e.proto.body]
    assert shared in share
    assert not at.sidebar.button, "a page number is not a filter: nothing to reset"


def test_the_link_shows_the_page_the_list_shows(monkeypatch) -> None:
    """A link beyond the last page lands on the last page; the link to the view says so too (the
    sidebar runs before the page, so the link is written once the page has run)."""
    monkeypatch.setattr(pt_view, "LIST_PAGE_SIZE", 2)
    at = run_app_page("partners", lang="en", page="99")
    assert not at.exception
    last = int(native_fields(at)["page"]["options"][-1][0])
    assert 1 < last < 99
    [share] = [e.proto.body for e in at.sidebar.get("html") if "enact-share" in e.proto.body]
    assert f"/partners?lang=en&amp;page={last}<" in share
    assert at.query_params["page"] == str(last)


def test_the_link_to_the_view_is_there_when_a_page_fails(monkeypatch) -> None:
    from enact_dash.events import page as ev

    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(ev, "select_events", broken)
    at = run_app_page("events", lang="en")
    assert at.exception  # the page failed...
    assert [e for e in at.sidebar.get("html") if "enact-share" in e.proto.body]  # ...the link is there


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "axe inconnu «\u202fRobotique\u202f» (connus\u00a0: &lt;img src=x onerror=alert(1)&gt; (nlp), "
               "Santé numérique (health), Tous les axes (all))"),
        ("de", "unbekannte Achse „Robotique“ (bekannt: Sprache (nlp), Digitale Gesundheit (health), "
               "Alle Achsen (all))"),
    ],
)
def test_the_data_notice_lists_the_axes_by_name_escaped(make_data_dir, monkeypatch, lang, expected):
    axes = [dict(MINIMAL["axes.csv"][0], name_fr=HOSTILE_NAME), MINIMAL["axes.csv"][1]]
    partners = [MINIMAL["partners.csv"][0],
                dict(MINIMAL["partners.csv"][1], axes="Robotique|santé numérique")]
    monkeypatch.setenv("ENACT_DATA_DIR", str(make_data_dir(axes=axes, partners=partners)))
    at = run_app_page("about", lang=lang)
    assert not at.exception
    [notice] = [h.proto.body for h in at.get("html") if "Robotique" in h.proto.body]
    assert expected in notice
    assert HOSTILE_NAME not in notice


@pytest.mark.parametrize(("page", "query", "shared"), [
    ("partners", {"q": "zzzz"}, "/partners?lang=en&amp;q=zzzz<"),
    ("events", {"etype": "summer_school", "audience": "schools"},
     "/events?lang=en&amp;etype=summer_school&amp;audience=schools<"),
])
def test_an_empty_view_still_has_its_link(page: str, query: dict[str, str], shared: str) -> None:
    """A view that matches nothing is a view too: the sidebar links to it (written after the page)."""
    at = run_app_page(page, lang="en", **query)
    assert not at.exception
    assert at.button(key=f"{page}_clear")  # the empty view
    [share] = [e.proto.body for e in at.sidebar.get("html") if "enact-share" in e.proto.body]
    assert shared in share


@pytest.mark.parametrize(
    ("today", "lang", "label"),
    [
        ("2031-01-01", "fr", "Tout l’agenda (aucun événement à venir)"),  # nothing left in the bundled data
        ("2031-01-01", "en", "The full agenda (no upcoming events)"),
        ("2031-01-01", "de", "Der ganze Kalender (keine anstehenden Veranstaltungen)"),
        ("2026-03-01", "fr", "Tout l’agenda (2 à venir)"),
    ],
)
def test_home_link_to_the_agenda_says_the_upcoming_count_in_words(monkeypatch, today, lang, label):
    monkeypatch.setenv("ENACT_TODAY", today)
    at = run_app_page("home", lang=lang)
    assert not at.exception
    assert next(link.proto.label for link in at.get("page_link")) == label  # then the other pages
