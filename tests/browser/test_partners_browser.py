"""The partners page in a real browser, offline: markers visible, a filter change updates map and list,
a map click opens the detail card, a hostile name stays text and never runs, no serious axe violation.

Runs on its own small data directory (ENACT_DATA_DIR), so the counts below do not move with data/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from _harness import (
    MAP_FRAME,
    AppPage,
    StreamlitServer,
    app_path,
    assert_no_app_errors,
    assert_no_serious_axe,
    horizontal_overflow,
    map_frame,
    wait_app_idle,
    wait_map_ready,
)
from playwright.sync_api import Locator, Page, expect

from enact_dash.i18n import t
from tests.conftest import HOSTILE_NAME, write_data_dir

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The page's headings in order are logical (the detail section's h2 under the h1, the card's h3 under it).
HEADINGS = ("heading-order",)
DESKTOP = {"width": 1440, "height": 1000}  # the whole map in view, as on a laptop


def partner(partner_id: str, name: str, ptype: str, city: str, country: str = "FR",
            **more: str) -> dict[str, str]:
    return {"id": partner_id, "name": name, "type": ptype, "relation": "member", "city": city,
            "country": country, "axes": "all", "source": "test", **more}


WIKI = "https://fr.wikipedia.org/wiki/Universit%C3%A9_de_Lorraine"  # shown "…/Université_de_Lorraine"
# Test data, not facts. Nancy's three partners cluster at the first zoom; Reims stands alone.
PARTNERS = [
    partner("ul", "Université de Lorraine", "university", "Nancy", website="https://www.univ-lorraine.fr",
            source=WIKI),
    partner("chru", "CHRU de Nancy", "hospital", "Nancy"),
    partner("inria", "Inria", "research_organisation", "Villers-lès-Nancy"),
    partner("hus", "Hôpitaux Universitaires de Strasbourg", "hospital", "Strasbourg"),
    partner("saar", "Forschungsinstitut Saar", "research_organisation", "Saarbrücken", "DE"),
    partner("hostile", HOSTILE_NAME, "company", "Reims", short_name="<b>bold</b>",
            note_fr="<script>alert(2)</script>", source='<img src=x onerror="alert(3)">'),
    partner("region", "Région Grand Est", "local_authority", ""),  # no site: listed, not mapped
]
LOCATED = 6

# Markers the map shows now: the number on each cluster icon, plus one per single (canvas) marker.
COUNT_MARKERS = """() => {
    const map = window.map_div;
    if (!map || !document.querySelector('[data-enact-points="ready"]')) { return -1; }
    let n = 0;
    for (const icon of document.querySelectorAll(".enact-cluster")) { n += Number(icon.textContent); }
    for (const layer of Object.values(map._layers)) {
        if (layer._enactIndex !== undefined) { n += 1; }
    }
    return n;
}"""
SINGLE_MARKERS = """() => Object.values(window.map_div._layers)
    .filter((layer) => layer._enactIndex !== undefined)
    .map((layer) => { const p = window.map_div.latLngToContainerPoint(layer.getLatLng());
                      return [p.x, p.y]; })"""
INJECTED_IMAGES = """() => document.querySelectorAll('img[src="x"]').length"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    data = write_data_dir(tmp_path_factory.mktemp("partners") / "data", partners=PARTNERS)
    with StreamlitServer(data_dir=data, env={"ENACT_TILES": "none"}) as running:
        yield running


@pytest.fixture
def dialogs() -> list[str]:
    return []


@pytest.fixture
def app(new_app_page, server: StreamlitServer, dialogs: list[str]) -> AppPage:
    opened = new_app_page(server, viewport=DESKTOP)
    opened.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return opened


def wait_marker_count(page: Page, expected: int) -> None:
    map_frame(page).wait_for_function(f"() => ({COUNT_MARKERS})() === {expected}")


def click_marker_until(page: Page, target: Locator, text: str, attempts: int = 3) -> None:
    """Click the map's single marker until ``target`` shows ``text``.

    The first click can land while streamlit-folium is still reporting the map's initial state (its own
    rerun redraws the map and drops the click), so the click is retried on the map as it is then.
    """
    for attempt in range(attempts):
        wait_app_idle(page)
        wait_map_ready(page)
        wait_marker_count(page, 1)
        [(x, y)] = map_frame(page).evaluate(SINGLE_MARKERS)
        page.locator(MAP_FRAME).first.click(position={"x": x, "y": y})
        try:
            expect(target).to_have_text(text, timeout=10_000)
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise


def test_markers_visible_offline(app: AppPage) -> None:
    page = app.goto("partners", lang="fr")
    wait_map_ready(page)
    assert_no_app_errors(page)
    wait_marker_count(page, LOCATED)
    expect(page.frame_locator(MAP_FRAME).locator(".enact-cluster").first).to_be_visible()
    expect(page.get_by_text("7 partenaires dans 5 villes, 2 pays")).to_be_visible()
    assert app.blocked == []


def test_filter_change_updates_map_and_list(app: AppPage) -> None:
    page = app.goto("partners", lang="en")
    wait_map_ready(page)
    wait_marker_count(page, LOCATED)
    expect(page.locator(".enact-table").first.locator("tbody tr")).to_have_count(7)

    search = page.get_by_label("Search (name, acronym, city, note)")
    search.fill("nancy")
    search.press("Enter")

    expect(page.get_by_text("3 partners in 2 cities, 1 country")).to_be_visible()
    rows = page.locator(".enact-table").first.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.filter(has_text="Inria")).to_have_count(1)
    expect(rows.filter(has_text="Strasbourg")).to_have_count(0)
    wait_app_idle(page)
    wait_marker_count(page, 3)
    expect(page).to_have_url(re.compile(r"[?&]q=nancy"))
    expect(search).to_have_value("nancy")  # the browser's own search box keeps what was typed

    search.fill("")  # cleared: every partner again
    search.press("Enter")
    expect(rows).to_have_count(7)
    expect(page).not_to_have_url(re.compile(r"q="))


def test_the_search_box_keeps_what_is_typed_during_a_rerun_and_follows_a_reset(app: AppPage) -> None:
    page = app.goto("partners", lang="en")
    search = page.get_by_label("Search (name, acronym, city, note)")
    search.fill("nan")
    search.press("Enter")
    search.press_sequentially("cy")  # typed while the page reruns for "nan"
    # Chromium fires "search" for that Enter from a task, which on a busy machine runs after the next
    # keys: it must not send the half-typed word (the box's data-sent is what it last sent).
    search.dispatch_event("search")
    expect(search).to_have_attribute("data-sent", "nan")
    expect(page).to_have_url(re.compile(r"[?&]q=nan(&|$)"))
    wait_app_idle(page)
    expect(search).to_have_value("nancy")  # the rerun did not put "nan" back
    expect(page).to_have_url(re.compile(r"[?&]q=nan(&|$)"))
    expect(search).to_be_focused()
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=nancy"))
    expect(page.get_by_text("3 partners in 2 cities, 1 country")).to_be_visible()

    page.get_by_role("button", name="Clear filters").click()  # from elsewhere: the box follows
    expect(search).to_have_value("")
    expect(page).not_to_have_url(re.compile(r"q="))
    search.fill("nancy")  # the same text as before the reset is sent again
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=nancy"))
    assert_no_app_errors(page)


def test_the_search_box_keeps_typing_across_overlapping_reruns(app: AppPage) -> None:
    page = app.goto("partners", lang="en")
    search = page.get_by_label("Search (name, acronym, city, note)")
    search.fill("  nan")  # the filter keeps "nan": that is still the visitor's own search coming back
    search.press("Enter")
    search.press_sequentially("c")
    search.press("Enter")  # a second search before the first one's rerun is back
    search.press_sequentially("y")
    expect(page).to_have_url(re.compile(r"[?&]q=nanc(&|$)"))
    wait_app_idle(page)
    # Neither "nan" nor "nanc" coming back overwrote what was typed after them.
    expect(search).to_have_value("  nancy")
    expect(search).to_be_focused()
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=nancy"))
    expect(page.get_by_text("3 partners in 2 cities, 1 country")).to_be_visible()
    assert_no_app_errors(page)


POPUP_IN_VIEW = """() => {
    const box = (selector) => document.querySelector(selector)?.getBoundingClientRect();
    const map = box(".leaflet-container"), popup = box(".leaflet-popup"), legend = box(".enact-legend");
    if (!map || !popup || !legend) { return false; }
    const inside = popup.left >= map.left && popup.top >= map.top && popup.right <= map.right
        && popup.bottom <= map.bottom;
    const clear = popup.right <= legend.left || popup.left >= legend.right || popup.bottom <= legend.top
        || popup.top >= legend.bottom;
    return inside && clear;
}"""


# Reims is by the map's west edge; Saarbrücken under the legend (top right). On a phone the popup is
# narrower than on a laptop, so that it fits across the map.
@pytest.mark.parametrize(("partner_id", "viewport"), [
    ("hostile", {"width": 1280, "height": 800}),
    ("saar", {"width": 1280, "height": 800}),
    ("saar", PHONE),
])
def test_a_linked_partners_popup_opens_whole_and_clear_of_the_legend(
    new_app_page, server: StreamlitServer, partner_id: str, viewport: dict[str, int]
) -> None:
    page = new_app_page(server, viewport=viewport).goto("partners", partner=partner_id)
    wait_map_ready(page)
    frame = map_frame(page)
    expect(frame.locator(".leaflet-popup .enact-popup-title")).to_have_count(1)
    frame.wait_for_function(POPUP_IN_VIEW)  # after the map is framed and the popup panned into view


def test_map_click_opens_the_card_and_hostile_name_stays_text(app: AppPage, dialogs: list[str]) -> None:
    page = app.goto("partners", lang="fr", ptype="company")
    card = page.locator(".enact-card")
    click_marker_until(page, card.locator("h3"), HOSTILE_NAME)
    expect(page).to_have_url(re.compile(r"[?&]partner=hostile"))
    expect(card).to_contain_text("<script>alert(2)</script>")
    expect(card).to_contain_text('<img src=x onerror="alert(3)">')
    wait_app_idle(page)
    # The selection reruns the page and may draw the map again: look in the map as it is now.
    wait_map_ready(page)
    expect(map_frame(page).locator(".enact-popup-title")).to_have_text(HOSTILE_NAME)

    # The chooser beside the map lists the same name as text, chosen.
    chooser = page.get_by_role("combobox", name="Afficher la fiche de")
    expect(chooser).to_have_value("hostile")
    expect(chooser.locator("option:checked")).to_have_text(f"{HOSTILE_NAME} (<b>bold</b>)")

    assert dialogs == []
    for each in page.frames:
        assert each.evaluate(INJECTED_IMAGES) == 0, each.url
    assert card.locator("img, script, b").count() == 0


def test_accessible_with_a_partner_selected(app: AppPage) -> None:
    page = app.goto("partners", lang="de", partner="hus")
    wait_map_ready(page)
    expect(page.locator(".enact-card h3")).to_have_text("Hôpitaux Universitaires de Strasbourg")
    expect(page.get_by_role("heading", level=2, name="Steckbrief des Partners")).to_be_visible()
    assert_no_app_errors(page)
    assert_no_serious_axe(page, also=HEADINGS)
    page.get_by_role("tab", name="Nach Ort").click()
    expect(page.locator("caption", has_text="Tabelle der Orte")).to_be_visible()
    assert_no_serious_axe(page, also=HEADINGS)


def test_phone_width_has_no_horizontal_scroll(new_app_page, server: StreamlitServer) -> None:
    app = new_app_page(server, viewport=PHONE, is_mobile=True, has_touch=True)
    page = app.goto("partners", lang="fr")
    wait_map_ready(page)
    assert_no_app_errors(page)
    assert horizontal_overflow(page) == {}
    # Under the type's chips, the country and the relation share a row, then the search box (one
    # under another, they filled the first screen).
    tops = page.locator(".st-key-filters_partners [data-testid='stColumn']").evaluate_all(
        "cols => cols.map(c => Math.round(c.getBoundingClientRect().top))")
    country, relation, search = tops
    assert country == relation
    assert relation < search
    assert_no_serious_axe(page, also=HEADINGS)


SCROLL_LEFT = "(region) => region.scrollLeft"


def test_a_table_wider_than_its_column_says_so_and_scrolls_from_the_keyboard(new_app_page,
                                                                           server: StreamlitServer) -> None:
    page = new_app_page(server, viewport=DESKTOP).goto("partners", lang="fr")
    table = page.get_by_role("region", name="Partenaires affichés, triés par Nom (A → Z)")
    expect(table.locator("tbody tr")).to_have_count(7)
    hint = table.locator(".enact-scroll-hint")
    expect(hint).to_be_visible()  # nine columns are wider than the page's column on a laptop
    expect(hint).to_have_text(t("common.table.scroll_hint", "fr"))
    assert table.evaluate(SCROLL_LEFT) == 0
    table.focus()  # the region is in the tab order: the keyboard scrolls it
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    hint_box, table_box = hint.bounding_box(), table.bounding_box()
    assert hint_box is not None
    assert table_box is not None
    assert abs(hint_box["x"] - table_box["x"]) < 1  # the hint stays at the region's left edge


# Each cell of a row as the phone shows it: the header drawn beside it, and where it sits.
CELLS = """(row) => [...row.querySelectorAll('td')].filter(td => td.offsetParent !== null).map(td => ({
  label: getComputedStyle(td, '::before').content, left: Math.round(td.getBoundingClientRect().left)}))"""


def test_on_a_phone_the_list_is_cards_of_labelled_lines(new_app_page, server: StreamlitServer) -> None:
    app = new_app_page(server, viewport=PHONE, is_mobile=True, has_touch=True)
    page = app.goto("partners", lang="de", ptype="hospital")
    table = page.get_by_role("region", name=re.compile("^Angezeigte Partner"))
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(table.locator(".enact-scroll-hint")).to_be_hidden()
    assert table.evaluate("(r) => r.scrollWidth <= r.clientWidth")  # nothing to scroll sideways
    first, second = (rows.nth(i).bounding_box() for i in range(2))
    assert first is not None
    assert second is not None
    assert second["y"] >= first["y"] + first["height"]  # one card under the other
    assert first["width"] <= PHONE["width"]
    cells = rows.first.evaluate(CELLS)
    assert cells[0]["label"] == "none"  # the name heads the card
    labels = [c["label"] for c in cells[1:]]
    assert labels[:3] == ['"Art" / ""', '"Ort" / ""', '"Land" / ""']  # read once: alt text ""
    assert len({c["left"] for c in cells}) == 1  # lines, not columns
    # Still a table for a screen reader: its headers and cells by role.
    expect(table.get_by_role("columnheader", name="Ort")).to_have_count(1)
    expect(rows.first.get_by_role("cell", name="Krankenhaus")).to_have_count(1)

    page.get_by_role("tab", name="Nach Ort").click()  # three columns fit: the by-city table stays a table
    cities = page.get_by_role("region", name=re.compile("^Tabelle der Orte"))
    expect(cities.locator("tbody tr")).to_have_count(2)
    assert cities.locator("tbody tr").first.evaluate("(r) => getComputedStyle(r).display") == "table-row"


def test_no_scroll_hint_when_the_table_fits(app: AppPage) -> None:
    page = app.goto("partners", lang="en", ptype="hospital")
    page.get_by_role("tab", name="By city").click()
    cities = page.get_by_role("region", name=re.compile("^Table of the cities"))
    expect(cities.locator("tbody tr")).to_have_count(2)
    expect(cities.locator(".enact-scroll-hint")).to_have_count(1)
    expect(cities.locator(".enact-scroll-hint")).to_be_hidden()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_a_name_in_the_list_lands_on_the_card(new_app_page, server: StreamlitServer,
                                              viewport: dict[str, int]) -> None:
    page = new_app_page(server, viewport=viewport).goto("partners", lang="en", sort="-city")
    link = page.get_by_role("link", name="Inria: show details")
    link.scroll_into_view_if_needed()
    # A slow device draws the page in more steps, and the map's frame above the card takes its height
    # last: the landing must survive that (it did not, on a phone, before KEEP_LINK_TARGET_JS).
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    link.click()  # a plain link: the page loads again, at the detail section (#partner-card)
    expect(page).to_have_url(re.compile(r"[?&]partner=inria&sort=-city#partner-card$"))
    expect(page.locator(".enact-card h3")).to_have_text("Inria", timeout=30_000)  # CPU slowed 4 times
    heading = page.get_by_role("heading", level=2, name="Partner details")
    expect(heading).to_have_attribute("id", "partner-card")
    expect(heading).to_be_in_viewport()
    expect(page.locator(".enact-card h3")).to_be_in_viewport()
    page.locator('[data-testid="stCustomComponentV1"]').wait_for()  # the map, drawn above on a phone
    expect(heading).to_be_in_viewport()
    expect(heading).to_be_focused()  # the keyboard goes on from the card, not from the page's top
    assert_no_app_errors(page)


def test_a_hand_written_link_with_the_default_language_keeps_its_landing(app: AppPage) -> None:
    # "lang=fr" is the default, which the app's own links leave out; a link written by hand (a newsletter)
    # spells it out. The URL is not rewritten for it: that would lose the fragment where the link lands.
    page = app.page
    page.goto(app_path("partners", lang="fr", partner="inria") + "#partner-card", wait_until="commit")
    wait_app_idle(page)
    heading = page.get_by_role("heading", level=2, name="Fiche du partenaire")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    expect(page).to_have_url(re.compile(r"\?lang=fr&partner=inria#partner-card$"))


def test_an_empty_view_is_one_message_and_its_button_clears_the_page(app: AppPage) -> None:
    page = app.goto("partners", lang="en", q="zzzz", relation="member")
    alerts = page.locator('[data-testid="stAlert"]')
    expect(alerts).to_have_count(1)
    expect(alerts.locator("p")).to_have_text("No partner matches the search “zzzz” with the filters chosen.")
    expect(page.locator(".enact-table")).to_have_count(0)
    expect(page.locator('[data-testid="stDownloadButton"]')).to_have_count(0)
    expect(page.locator(MAP_FRAME)).to_have_count(0)
    search = page.get_by_label("Search (name, acronym, city, note)")
    expect(search).to_have_value("zzzz")
    page.get_by_role("button", name=t("common.empty.clear_page", "en")).click()
    expect(page.locator(".enact-table").first.locator("tbody tr")).to_have_count(7)
    expect(search).to_have_value("")  # the search box follows
    expect(page).to_have_url(re.compile(r"\?lang=en$"))
    assert_no_app_errors(page)



def test_list_is_a_sorted_table_whose_names_open_the_card(app: AppPage) -> None:
    page = app.goto("partners", lang="en", sort="-city")
    table = page.locator(".enact-table").first
    expect(table.locator("th[aria-sort=descending]")).to_have_text("City")
    first_cells = table.locator("tbody tr td:first-child")
    expect(first_cells.first).to_have_text("Inria")  # Villers-lès-Nancy, Z to A
    table.get_by_role("link", name="Inria: show details").click()
    expect(page.locator(".enact-card h3")).to_have_text("Inria")
    expect(page).to_have_url(re.compile(r"[?&]partner=inria"))
    expect(page).to_have_url(re.compile(r"[?&]sort=-city"))  # the rest of the view is kept
    order = page.get_by_role("combobox", name="Sort the list by")
    expect(order).to_have_value("-city")
    order.select_option("name")  # back to the default order: left out of the link
    expect(table.locator("th[aria-sort=ascending]")).to_have_text("Name")
    expect(page).not_to_have_url(re.compile(r"sort="))
    assert_no_app_errors(page)


def test_by_city_tab_lists_cities_when_chosen(app: AppPage) -> None:
    page = app.goto("partners", lang="fr")
    wait_app_idle(page)
    page.get_by_role("tab", name="Par ville").click()
    cities = page.locator(".enact-table", has=page.locator("caption", has_text="Tableau des villes"))
    expect(cities.locator("tbody tr")).to_have_count(5)
    expect(cities.locator("tbody tr", has_text="Saarbrücken")).to_contain_text("Allemagne")
    page.get_by_role("combobox", name=t("partners.cities.choose", "fr")).select_option("Strasbourg")
    expect(page).to_have_url(re.compile(r"[?&]city=Strasbourg"))
    expect(page.get_by_role("tab", name="Par ville")).to_have_attribute("aria-selected", "true")
    assert_no_app_errors(page)


def test_a_marker_selects_again_after_the_card_is_closed(app: AppPage) -> None:
    page = app.goto("partners", lang="en", ptype="hospital", city="Strasbourg")
    card = page.locator(".enact-card h3")
    click_marker_until(page, card, "Hôpitaux Universitaires de Strasbourg")
    expect(page).to_have_url(re.compile(r"[?&]partner=hus"))
    # Choose nobody elsewhere (the chooser beside the map), then the same marker again.
    chooser = page.get_by_role("combobox", name="Show the details of")  # the browser's own <select>
    expect(chooser).to_have_value("hus")
    chooser.select_option(label="— no partner —")
    expect(card).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"partner=hus"))
    click_marker_until(page, card, "Hôpitaux Universitaires de Strasbourg")
    expect(page).to_have_url(re.compile(r"[?&]partner=hus"))


MAP_ZOOM = "() => Number(document.querySelector('.leaflet-container').dataset.enactZoom)"


@pytest.mark.parametrize(
    ("lang", "zoom_in", "zoom_out", "zooming", "listing", "close"),
    [
        ("fr", "Zoom avant", "Zoom arrière", "3 partenaires — zoomer", "2 partenaires — afficher la liste",
         t("map.leaflet.close_popup", "fr")),
        ("de", "Vergrößern", "Verkleinern", "3 Partner — vergrößern", "2 Partner — Liste anzeigen",
         "Infofenster schließen"),
    ],
)
def test_clusters_work_from_the_keyboard_in_the_language(
    app: AppPage, lang: str, zoom_in: str, zoom_out: str, zooming: str, listing: str, close: str
) -> None:
    page = app.goto("partners", lang=lang)
    wait_app_idle(page)
    wait_map_ready(page)
    wait_marker_count(page, LOCATED)
    frame = map_frame(page)
    leaflet = page.frame_locator(MAP_FRAME)
    # Leaflet's own controls speak the page's language, not English.
    expect(leaflet.get_by_role("button", name=zoom_in, exact=True)).to_have_attribute("title", zoom_in)
    expect(leaflet.get_by_role("button", name=zoom_out, exact=True)).to_be_visible()
    expect(leaflet.locator(".leaflet-control-attribution a[href='https://leafletjs.com']")).not_to_have_attribute(
        "title", "A JavaScript library for interactive maps")

    # Nancy and Villers-lès-Nancy: a cluster that zooms in, a button named by its size and action.
    start = frame.evaluate(MAP_ZOOM)
    cluster = leaflet.get_by_role("button", name=zooming, exact=True)
    cluster.focus()
    cluster.press("Enter")
    frame.wait_for_function(f"() => ({MAP_ZOOM})() > {start}")
    expect(leaflet.locator(".leaflet-container")).to_be_focused()  # not lost with the old clusters

    # Two partners at one place (Nancy): Space lists them, the focus goes into the list and back.
    same_place = leaflet.get_by_role("button", name=listing, exact=True)
    same_place.focus()
    same_place.press(" ")
    items = leaflet.locator(".leaflet-popup .enact-popup-list button")
    expect(items).to_have_count(2)
    expect(items.first).to_be_focused()
    expect(leaflet.locator(".leaflet-popup-close-button")).to_have_attribute("aria-label", close)
    items.first.press("Escape")
    expect(items).to_have_count(0)
    expect(same_place).to_be_focused()

    # Enter on a listed partner shows it; its source address reads "Université", and links as written.
    same_place.press("Enter")
    items.filter(has_text="Université de Lorraine").press("Enter")
    readable = "https://fr.wikipedia.org/wiki/Université_de_Lorraine"
    expect(leaflet.locator(f".leaflet-popup a[href='{WIKI}']")).to_have_text(readable.removeprefix("https://"))
    expect(page.locator(f".enact-card a[href='{WIKI}']")).to_have_text(readable)
    # The card's heading is a link's target (#partner-card) without Streamlit's "Link to heading" anchor.
    expect(page.locator("#partner-card")).to_be_visible()
    expect(page.locator("#partner-card a:visible")).to_have_count(0)
    assert_no_app_errors(page)


def test_the_chips_say_their_counts_and_keep_their_choices_as_the_counts_change(app: AppPage) -> None:
    page = app.goto("partners", lang="en")
    wait_app_idle(page)
    # a chip's accessible name is its label with what it would give
    page.get_by_role("button", name="Hospital (2)", exact=True).click()
    wait_app_idle(page)
    france = page.get_by_role("button", name="France (2)", exact=True)  # counted within the hospitals
    expect(page.get_by_role("button", name="Germany (0)", exact=True)).to_be_visible()
    france.click()
    wait_app_idle(page)
    expect(page).to_have_url(re.compile(r"ptype=hospital.*country=FR|country=FR.*ptype=hospital"))
    # a search relabels both chosen chips in the same run: both stay chosen, and in the URL
    search = page.get_by_label("Search (name, acronym, city, note)")
    search.fill("nancy")
    search.press("Enter")
    expect(page.get_by_text("1 partner in 1 city, 1 country")).to_be_visible()
    wait_app_idle(page)
    for name, pressed in (("Hospital (1)", "true"), ("France (1)", "true"), ("Company (0)", "false")):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_attribute("aria-pressed", pressed)
    for param in ("ptype=hospital", "country=FR", "q=nancy"):
        expect(page).to_have_url(re.compile(param))
    assert_no_app_errors(page)
