"""The partner map from the keyboard, in a real browser (issue #3, WCAG 2.1 AA 2.1.1, 2.4.3, 2.4.7):
every partner on the map is reached with Tab, named, with a visible focus; a partner chosen with Enter
(a single marker, or a name in a cluster's list) takes the focus to its card once the page has run
again; a cluster's zoom frames its points clear of the legend; the kiosk's map takes no focus.

Runs on its own small data directory (ENACT_DATA_DIR). Test data, not facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from _harness import (
    MAP_FRAME,
    AppPage,
    StreamlitServer,
    assert_no_app_errors,
    map_frame,
    wait_app_idle,
    wait_map_ready,
)
from playwright.sync_api import Page, expect

from tests.conftest import write_data_dir

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 1000}


def partner(partner_id: str, name: str, ptype: str, city: str, country: str = "FR") -> dict[str, str]:
    return {"id": partner_id, "name": name, "type": ptype, "relation": "member", "city": city,
            "country": country, "axes": "all", "source": "test"}


# Nancy's two partners share a place (a cluster that lists them), Villers-lès-Nancy is next to them (with
# them, a cluster that zooms in, and whose zoom put Nancy under the legend); Reims, Strasbourg and
# Saarbrücken stand alone (single markers, drawn on a canvas).
PARTNERS = [
    partner("ul", "Université de Lorraine", "university", "Nancy"),
    partner("chru", "CHRU de Nancy", "hospital", "Nancy"),
    partner("inria", "Inria", "research_organisation", "Villers-lès-Nancy"),
    partner("hus", "Hôpitaux Universitaires de Strasbourg", "hospital", "Strasbourg"),
    partner("saar", "Forschungsinstitut Saar", "research_organisation", "Saarbrücken", "DE"),
    partner("urca", "Université de Reims Champagne-Ardenne", "university", "Reims"),
    partner("region", "Région Grand Est", "local_authority", ""),  # no place: listed, not mapped
]
SINGLES = ("Hôpitaux Universitaires de Strasbourg", "Forschungsinstitut Saar",
           "Université de Reims Champagne-Ardenne")

# The focused element, through the map's frame (same origin): its name, role, whether it is in the map's
# document, and its focus ring.
ACTIVE = """() => {
    let doc = document, el = doc.activeElement;
    while (el && el.tagName === "IFRAME" && el.contentDocument) {
        doc = el.contentDocument;
        el = doc.activeElement;
    }
    if (!el) { return null; }
    const style = doc.defaultView.getComputedStyle(el);
    return {name: el.getAttribute("aria-label") || el.textContent.trim().slice(0, 80),
            role: el.getAttribute("role") || el.tagName.toLowerCase(), inMap: doc !== document,
            id: el.id, ring: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0};
}"""
# Whether a box (the focused element's, the clusters' and the markers') is inside the map and clear of
# its top controls (legend, zoom buttons).
CLEAR_JS = """
const inMap = (box, map) => box.left >= map.left && box.top >= map.top && box.right <= map.right
    && box.bottom <= map.bottom;
const overlaps = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const controls = () => Array.from(document.querySelectorAll(".leaflet-top .leaflet-control"))
    .map((c) => c.getBoundingClientRect());
"""
# Every cluster icon and single marker drawn now, each with whether it is in the map and clear of the
# controls (a canvas marker as a box of its radius around its place).
MARKS_CLEAR = "() => {" + CLEAR_JS + """
    const map = window.map_div, frame = map.getContainer().getBoundingClientRect(), out = [];
    for (const layer of Object.values(map._layers)) {
        let box = null;
        if (layer._enactMembers) { box = layer.getElement().getBoundingClientRect(); }
        else if (layer._enactIndex !== undefined) {
            const p = map.latLngToContainerPoint(layer.getLatLng()), r = layer.getRadius();
            box = {left: frame.left + p.x - r, right: frame.left + p.x + r,
                   top: frame.top + p.y - r, bottom: frame.top + p.y + r};
        }
        if (box) {
            out.push({what: layer._enactMembers ? `cluster of ${layer._enactMembers.length}` : "marker",
                      inside: inMap(box, frame), clear: !controls().some((c) => overlaps(box, c))});
        }
    }
    return out;
}"""
MAP_ZOOM = "() => Number(document.querySelector('.leaflet-container').dataset.enactZoom)"
# Everything in the map's document that the keyboard reaches or that is a link or a control.
FOCUSABLE_JS = """() => Array.from(document.querySelectorAll('*'))
  .filter(e => e.tabIndex >= 0 || e.matches('a[href], .leaflet-control-zoom'))
  .map(e => e.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    data = write_data_dir(tmp_path_factory.mktemp("keyboard") / "data", partners=PARTNERS)
    with StreamlitServer(data_dir=data, env={"ENACT_TILES": "none"}) as running:
        yield running


@pytest.fixture
def app(new_app_page, server: StreamlitServer) -> AppPage:
    return new_app_page(server, viewport=DESKTOP)


def open_map(app: AppPage, lang: str) -> Page:
    page = app.goto("partners", lang=lang)
    wait_app_idle(page)
    wait_map_ready(page)
    return page


def active(page: Page) -> dict[str, Any]:
    found = page.evaluate(ACTIVE)
    assert found is not None
    return dict(found)


def tab_to(page: Page, name: str, limit: int = 12) -> dict[str, Any]:
    """Press Tab until the focus is on the element named ``name`` (at most ``limit`` times)."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = active(page)
        if now["name"] == name:
            return now
        seen.append(now["name"])
    raise AssertionError(f"{name!r} not reached with Tab; reached {seen}")


def focus_the_map(page: Page) -> None:
    """The map itself is one Tab stop (Leaflet's keyboard panning): start from it."""
    page.frame_locator(MAP_FRAME).first.locator(".leaflet-container").focus()


def test_every_partner_on_the_map_is_reached_with_tab_named_and_with_a_visible_focus(app: AppPage) -> None:
    page = open_map(app, "fr")
    legend = page.frame_locator(MAP_FRAME).first.locator(".enact-legend")
    # The legend counts what the map shows, and names the others as the summary does.
    expect(legend.locator(".enact-legend-title")).to_have_text("6 partenaires sur la carte")
    expect(legend.locator(".enact-legend-note")).to_have_text("1 autre sans lieu connu")
    expect(page.get_by_text("1 partenaire sans lieu connu figure dans la liste")).to_be_visible()

    focus_the_map(page)
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        now = active(page)
        if now["name"] == "Zoom avant":  # past the markers: the map's controls
            break
        assert now["inMap"], now
        assert now["role"] == "button", now
        assert now["ring"] >= 2, now  # a visible focus ring
        reached.append(now["name"])
    assert sorted(reached) == sorted(["3 partenaires — zoomer",
                                      *(f"{name} — afficher la fiche" for name in SINGLES)])
    # Focused, a single marker shows its name over the map, as the mouse's hover does.
    focus_the_map(page)
    tab_to(page, "Forschungsinstitut Saar — afficher la fiche")
    # (the others' names fade out as the focus leaves them)
    expect(page.frame_locator(MAP_FRAME).first.locator(".leaflet-tooltip")).to_have_text(
        ["Forschungsinstitut Saar"])
    assert_no_app_errors(page)


@pytest.mark.parametrize(
    ("lang", "name", "heading"),
    [("fr", "Forschungsinstitut Saar — afficher la fiche", "Fiche du partenaire"),
     ("de", "Forschungsinstitut Saar — Steckbrief anzeigen", "Steckbrief des Partners")],
)
def test_enter_on_a_single_marker_shows_the_partner_and_the_focus_lands_on_its_card(
    app: AppPage, lang: str, name: str, heading: str
) -> None:
    page = open_map(app, lang)
    focus_the_map(page)
    tab_to(page, name)
    page.keyboard.press("Enter")
    expect(page.locator(".enact-card h3")).to_have_text("Forschungsinstitut Saar")
    expect(page).to_have_url(re.compile(r"[?&]partner=saar"))
    card_heading = page.get_by_role("heading", level=2, name=heading)
    expect(card_heading).to_have_attribute("id", "partner-card")
    expect(card_heading).to_be_focused()
    expect(card_heading).to_be_in_viewport()
    wait_app_idle(page)
    expect(card_heading).to_be_focused()  # still there once the page and the new map are drawn
    assert_no_app_errors(page)


def test_a_screen_reader_activates_a_single_marker_with_a_click(app: AppPage) -> None:
    # NVDA, JAWS, TalkBack and VoiceOver send a click to a button, not a key: the same choice as Enter.
    page = open_map(app, "fr")
    button = page.frame_locator(MAP_FRAME).first.get_by_role(
        "button", name="Forschungsinstitut Saar — afficher la fiche")
    button.dispatch_event("click")
    expect(page).to_have_url(re.compile(r"[?&]partner=saar"))
    expect(page.locator(".enact-card h3")).to_have_text("Forschungsinstitut Saar")
    expect(page.get_by_role("heading", level=2, name="Fiche du partenaire")).to_be_focused()
    assert_no_app_errors(page)


def test_a_name_chosen_in_a_clusters_list_with_the_keyboard_lands_on_its_card(app: AppPage) -> None:
    page = open_map(app, "fr")
    frame = map_frame(page)
    focus_the_map(page)
    tab_to(page, "3 partenaires — zoomer")
    start = frame.evaluate(MAP_ZOOM)
    page.keyboard.press("Enter")
    frame.wait_for_function(f"() => ({MAP_ZOOM})() > {start}")
    tab_to(page, "2 partenaires — afficher la liste")  # Nancy's two, at one place
    page.keyboard.press("Enter")
    items = page.frame_locator(MAP_FRAME).first.locator(".leaflet-popup .enact-popup-list button")
    expect(items).to_have_count(2)
    expect(items.first).to_be_focused()
    page.keyboard.press("Tab")
    expect(items.filter(has_text="CHRU de Nancy")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(".enact-card h3")).to_have_text("CHRU de Nancy")
    card_heading = page.locator("#partner-card")
    expect(card_heading).to_be_focused()  # not the page's <body>
    wait_app_idle(page)
    expect(card_heading).to_be_focused()
    # The keyboard goes on from the card: the chooser beside the map says who is shown.
    page.keyboard.press("Tab")
    expect(page.get_by_role("combobox", name="Afficher la fiche de")).to_be_focused()
    expect(page.get_by_role("combobox", name="Afficher la fiche de")).to_have_value("chru")
    assert_no_app_errors(page)


@pytest.mark.parametrize(
    ("lang", "title"),
    [("fr", "Carte des partenaires du cluster"), ("de", "Karte der Partner des Clusters")],
)
def test_the_maps_frame_is_named_and_speaks_the_language(app: AppPage, lang: str, title: str) -> None:
    # A screen reader names a frame by its title: Streamlit's was "streamlit_folium.st_folium", and the
    # frame's document said it was English.
    page = open_map(app, lang)
    expect(page.locator(MAP_FRAME)).to_have_attribute("title", title)
    expect(page.get_by_title(title)).to_have_count(1)
    assert map_frame(page).evaluate("() => [document.title, document.documentElement.lang]") == [title, lang]


@pytest.mark.parametrize("how", ["keyboard", "mouse"])
def test_a_clusters_zoom_frames_its_points_clear_of_the_legend(app: AppPage, how: str) -> None:
    page = open_map(app, "fr")
    frame = map_frame(page)
    cluster = page.frame_locator(MAP_FRAME).first.get_by_role("button", name="3 partenaires — zoomer")
    start = frame.evaluate(MAP_ZOOM)
    if how == "keyboard":
        focus_the_map(page)
        tab_to(page, "3 partenaires — zoomer")
        page.keyboard.press("Enter")
    else:
        # The map's bottom is below the screen's edge, as on a laptop: the press that focuses the map
        # scrolled the page, and the release landed elsewhere (the click was lost) before the fix.
        frame_box = page.locator(MAP_FRAME).first.bounding_box()
        assert frame_box is not None
        assert frame_box["y"] + frame_box["height"] > DESKTOP["height"]
        cluster.click()
    frame.wait_for_function(f"() => ({MAP_ZOOM})() > {start}")
    marks = frame.evaluate(MARKS_CLEAR)
    # Nancy's two (a cluster at this zoom) and Inria, each in the map and clear of the legend and buttons.
    assert sorted(m["what"] for m in marks if m["inside"]) == ["cluster of 2", "marker"], marks
    assert all(m["clear"] for m in marks if m["inside"]), marks


def test_a_focused_marker_comes_out_from_under_the_legend(app: AppPage) -> None:
    page = open_map(app, "fr")
    frame = map_frame(page)
    # Saarbrücken under the legend (top right): the map is panned so that it is there.
    frame.evaluate("""() => {
        const map = window.map_div, legend = document.querySelector(".enact-legend").getBoundingClientRect();
        const origin = map.getContainer().getBoundingClientRect();
        const at = map.latLngToContainerPoint([49.23262, 7.00982]);
        map.panBy([at.x - (legend.left + legend.width / 2 - origin.left),
                   at.y - (legend.top + legend.height / 2 - origin.top)], {animate: false});
    }""")
    focus_the_map(page)
    tab_to(page, "Forschungsinstitut Saar — afficher la fiche")
    focused_clear = "() => {" + CLEAR_JS + """
        const box = document.activeElement.getBoundingClientRect();
        return !controls().some((c) => overlaps(box, c));
    }"""
    assert frame.evaluate(focused_clear)


def test_the_kiosks_map_takes_no_focus_even_with_single_markers(app: AppPage) -> None:
    page = app.goto("", kiosk="1", rotate="600", slides="partners")
    wait_map_ready(page)
    wait_app_idle(page)
    frame = map_frame(page)
    expect(page.frame_locator(MAP_FRAME).first.locator(".enact-legend-title")).to_have_text(
        "6 partenaires sur la carte")
    assert frame.evaluate("() => Object.values(window.map_div._layers)"
                          ".filter((layer) => layer._enactIndex !== undefined).length") > 0
    assert frame.evaluate(FOCUSABLE_JS) == []


# What the map draws, in the frame's pixels: single markers (canvas circles of their radius) and cluster
# icons (boxes); and the pairs of them that overlap, each hiding the other.
HIDDEN_JS = """() => {
    const map = window.map_div, frame = map.getContainer().getBoundingClientRect();
    const singles = [], clusters = [];
    for (const layer of Object.values(map._layers)) {
        if (layer._enactMembers) { clusters.push(layer.getElement().getBoundingClientRect()); }
        else if (layer._enactIndex !== undefined) {
            const p = map.latLngToContainerPoint(layer.getLatLng());
            singles.push({x: frame.left + p.x, y: frame.top + p.y, r: layer.getRadius()});
        }
    }
    let hidden = 0;
    singles.forEach((a, i) => singles.slice(i + 1).forEach((b) => {
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) { hidden++; }
    }));
    singles.forEach((a) => clusters.forEach((c) => {
        if (a.x + a.r > c.left && a.x - a.r < c.right && a.y + a.r > c.top && a.y - a.r < c.bottom) {
            hidden++;
        }
    }));
    return {singles: singles.length, clusters: clusters.length, hidden: hidden};
}"""


ZOOM_ON_NANCY = """(zoom) => new Promise((done) => {
    window.map_div.once("moveend", () => requestAnimationFrame(() => done()));
    window.map_div.setView([48.68, 6.17], zoom, {animate: false});
})"""


@pytest.mark.parametrize(
    ("partner_id", "zoom", "singles", "clusters"),
    [
        # Nancy's other partner and Inria, a cluster at almost the same place: drawn beside it
        ("ul", None, 4, 1),
        ("inria", None, 4, 1),
        # closer, Inria stands apart and the CHRU, at the very same place in Nancy, is drawn beside it
        ("ul", 12, 3, 0),
    ],
)
def test_the_selected_partner_hides_nothing_and_nothing_hides_it(
    app: AppPage, partner_id: str, zoom: int | None, singles: int, clusters: int
) -> None:
    page = app.goto("partners", lang="fr", partner=partner_id)
    wait_app_idle(page)
    wait_map_ready(page)
    frame = map_frame(page)
    if zoom is not None:
        frame.evaluate(ZOOM_ON_NANCY, zoom)
    drawn = frame.evaluate(HIDDEN_JS)
    assert drawn == {"singles": singles, "clusters": clusters, "hidden": 0}
