"""The kiosk in a real browser: rotation, no chrome, QR code, broken data, server restart, axe.

Slides rotate every 5 s here (the minimum); every wait is on a DOM state, never a sleep.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zxingcpp
from _harness import (
    MAP_FRAME,
    REPO_ROOT,
    AppPage,
    StreamlitServer,
    assert_no_app_errors,
    assert_no_serious_axe,
    free_port,
    wait_app_idle,
    wait_frames_loaded,
    wait_map_ready,
)
from PIL import Image
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PUBLIC = "https://tableau-de-bord.enact.example.org"  # a host name as long as a real one
ENV = {"ENACT_PUBLIC_URL": PUBLIC, "ENACT_TODAY": "2026-03-01"}
HEAD = "header.kiosk-head"
ROTATION_TIMEOUT_MS = 20_000  # a 5 s slide, plus the rerun, on a busy 2-core machine
RESTART_TIMEOUT_MS = 90_000  # Streamlit's client retries with a growing back-off
CHROME = ("stSidebar", "stHeader", "stToolbar", "stMainMenu", "stStatusWidget", "stDecoration")


@pytest.fixture(scope="module")
def kiosk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """The repo's data, a public URL to encode and a fixed "today"."""
    data = tmp_path_factory.mktemp("kiosk") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    with StreamlitServer(data_dir=data, env=ENV) as server:
        yield server


@pytest.fixture
def kiosk(new_app_page: Callable[..., AppPage], kiosk_server: StreamlitServer) -> AppPage:
    return new_app_page(kiosk_server, viewport={"width": 1920, "height": 1080})


def head(page: Page) -> dict[str, str]:
    return dict(page.eval_on_selector(HEAD, "h => ({...h.dataset})"))


def wait_next_tick(page: Page, tick: str) -> None:
    page.wait_for_function(
        "t => { const h = document.querySelector('header.kiosk-head'); return h && h.dataset.tick !== t; }",
        arg=tick,
        timeout=ROTATION_TIMEOUT_MS,
    )


def assert_no_chrome(page: Page) -> None:
    """No sidebar, header, toolbar, menu or status widget is visible (absent or hidden)."""
    for testid in CHROME:
        for element in page.get_by_test_id(testid).all():
            expect(element).to_be_hidden()


def test_slides_and_languages_rotate_without_clicks(kiosk: AppPage) -> None:
    page = kiosk.goto("", kiosk="1", rotate="5", slides="home,events", langs="fr,de")
    expect(page.locator(f"{HEAD}[data-slide='home'][data-lang='fr']")).to_be_attached()
    assert_no_chrome(page)

    seen = [(head(page)["slide"], head(page)["lang"])]
    for _ in range(2):
        wait_next_tick(page, head(page)["tick"])
        seen.append((head(page)["slide"], head(page)["lang"]))
        expect(page.locator("html")).to_have_attribute("lang", seen[-1][1])

    assert seen == [("home", "fr"), ("events", "fr"), ("home", "de")]
    expect(page.locator(f"{HEAD} h1")).to_have_text("Der Cluster in Zahlen")
    expect(page.locator(".kiosk-dots li")).to_have_count(2)
    # Streamlit's own performance marks of each run are cleared periodically (installed once).
    assert page.evaluate("() => typeof window.__enactKioskHousekeeping") == "number"
    assert_no_chrome(page)
    assert_no_app_errors(page)
    assert kiosk.blocked == [], "the kiosk needed non-loopback URLs"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"slides": "events", "lang": "en", "axis": "health"}, f"{PUBLIC}/events?lang=en&axis=health"),
        ({"slides": "home"}, f"{PUBLIC}/"),
        ({"slides": "chairs", "lang": "de"}, f"{PUBLIC}/achievements?lang=de"),
    ],
    ids=["events-en-health", "home-fr", "chairs-de"],
)
def test_qr_code_decodes_to_the_public_view(kiosk: AppPage, query: dict[str, str], expected: str) -> None:
    page = kiosk.goto("", kiosk="1", rotate="600", **query)
    qr = page.locator("img.enact-qr")
    expect(qr).to_be_visible()

    image = Image.open(io.BytesIO(qr.screenshot())).convert("L")
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]

    assert decoded == [expected]
    # the address in clear without its query string: the QR code holds the filters and language
    expect(page.locator(".kiosk-qr .url")).to_have_text(expected.removeprefix("https://").split("?")[0]
                                                        .rstrip("/"))


# Each part of the address between two "/": its lines (one when it does not break) and its type size.
URL_PARTS_JS = """() => Array.from(document.querySelectorAll('.kiosk-qr .url > span'), (part) => ({
  text: part.textContent, lines: new Set(Array.from(part.getClientRects(), (r) => Math.round(r.top))).size,
  px: parseFloat(getComputedStyle(part).fontSize), right: part.getBoundingClientRect().right}))"""


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080), (3840, 2160)])
def test_the_address_under_the_qr_code_breaks_only_between_its_parts(
    new_app_page: Callable[..., AppPage], kiosk_server: StreamlitServer, width: int, height: int
) -> None:
    page = new_app_page(kiosk_server, viewport={"width": width, "height": height}).goto(
        "", kiosk="1", rotate="600", slides="chairs", lang="de")
    expect(page.locator(".kiosk-qr .url")).to_be_visible()
    parts = page.evaluate(URL_PARTS_JS)
    assert [part["text"] for part in parts] == ["tableau-de-bord.enact.example.org", "achievements"]
    for part in parts:
        assert part["lines"] == 1, part
        assert part["px"] >= 14, part
        assert part["right"] <= width, part
    title = page.locator(f"{HEAD} h1").bounding_box()
    caption = page.locator(".kiosk-qr figcaption").bounding_box()
    assert title is not None
    assert caption is not None
    assert title["x"] + title["width"] <= caption["x"]  # the longest title stays clear of the address


def test_no_qr_code_nor_address_without_a_public_url(
    new_app_page: Callable[..., AppPage], kiosk_server: StreamlitServer
) -> None:
    # ENACT_PUBLIC_URL empty: the default, localhost, which no visitor's phone can open.
    with StreamlitServer(data_dir=kiosk_server.data_dir, env={**ENV, "ENACT_PUBLIC_URL": ""}) as server:
        page = new_app_page(server, viewport={"width": 1920, "height": 1080}).goto(
            "", kiosk="1", rotate="600", slides="events")
        expect(page.locator(f"{HEAD}[data-slide='events']")).to_be_attached()
        expect(page.locator(f"{HEAD} h1")).to_be_visible()
        expect(page.locator(".kiosk-qr")).to_have_count(0)
        assert "localhost" not in page.locator(HEAD).inner_text()
        band = page.locator(HEAD).bounding_box()
        assert band is not None
        assert round(band["height"]) == round(0.21 * 1080)  # the band keeps its height: the body stays put
        assert_no_app_errors(page)


# Everything in the map's document that the keyboard reaches or that is a link or a control.
FOCUSABLE_JS = """() => Array.from(document.querySelectorAll('*'))
  .filter(e => e.tabIndex >= 0 || e.matches('a[href], .leaflet-control-zoom'))
  .map(e => e.outerHTML.slice(0, 120))"""


def test_the_map_slide_has_nothing_to_click_or_focus_and_no_notice(kiosk: AppPage) -> None:
    # Unknown values in the link: left out without a word on the screen (logged on the server).
    page = kiosk.goto("", kiosk="1", rotate="600", slides="partners,nope", axis="nope", city="Atlantis")
    expect(page.locator(f"{HEAD}[data-slide='partners']")).to_be_attached()
    wait_map_ready(page)
    wait_app_idle(page)

    frame = page.frame_locator(MAP_FRAME).first
    expect(frame.locator(".enact-cluster").first).to_be_visible()
    handle = page.locator(MAP_FRAME).first.element_handle()
    assert handle is not None
    document = handle.content_frame()
    assert document is not None
    assert document.evaluate(FOCUSABLE_JS) == []
    credits = frame.locator(".leaflet-control-attribution")
    expect(credits).to_be_visible()  # the licences stay shown, as plain text
    expect(credits).to_contain_text("Leaflet")
    expect(page.get_by_test_id("stToast")).to_have_count(0)
    expect(page.locator(".kiosk-theme")).to_have_count(0)
    assert "nope" not in page.locator(".kiosk-qr").inner_text()
    assert_no_app_errors(page)


# Where a place (lat, lon) is on the page: the map's document is the frame's, offset by the frame.
PLACE_JS = """([lat, lon]) => {
  const map = Object.values(window).find((value) => value instanceof L.Map);
  const point = map.latLngToContainerPoint([lat, lon]);
  const box = map.getContainer().getBoundingClientRect();
  return {x: box.left + point.x, y: box.top + point.y};
}"""
HAUTE_MARNE = (48.1, 5.3)  # a département's area, away from the clusters


def hover_place(page: Page, place: tuple[float, float]) -> None:
    frame = page.locator(MAP_FRAME).first
    handle = frame.element_handle()
    assert handle is not None
    document = handle.content_frame()
    assert document is not None
    box = frame.bounding_box()
    assert box is not None
    point = document.evaluate(PLACE_JS, list(place))
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])


def test_nothing_on_the_kiosk_reacts_to_a_hover_or_takes_the_focus(
    kiosk: AppPage, new_app_page: Callable[..., AppPage], kiosk_server: StreamlitServer
) -> None:
    # The same hover on the public partners page shows the département's name: the place is right.
    public = new_app_page(kiosk_server, viewport={"width": 1920, "height": 1080}).goto("partners")
    wait_map_ready(public)
    hover_place(public, HAUTE_MARNE)
    expect(public.frame_locator(MAP_FRAME).first.locator(".leaflet-tooltip")).to_contain_text("(52)")

    page = kiosk.goto("", kiosk="1", rotate="600", slides="partners")
    wait_map_ready(page)
    wait_app_idle(page)
    hover_place(page, HAUTE_MARNE)
    expect(page.frame_locator(MAP_FRAME).first.locator(".leaflet-tooltip")).to_have_count(0)

    # A keyboard left attached: Tab reaches nothing (no skip link, main area or map frame).
    assert page.evaluate("() => Array.from(document.querySelectorAll('*')).filter(e => e.tabIndex >= 0)"
                         ".map(e => e.outerHTML.slice(0, 80))") == []
    expect(page.locator(MAP_FRAME).first).to_have_attribute("tabindex", "-1")
    for _ in range(3):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement === document.body")
    expect(page.get_by_test_id("stSkipToContent")).to_be_hidden()


def test_the_map_slide_names_the_partners_beside_the_map_within_the_screen(kiosk: AppPage) -> None:
    page = kiosk.goto("", kiosk="1", rotate="600", slides="partners")
    wait_map_ready(page)
    wait_app_idle(page)
    aside = page.locator(".kiosk-aside")
    expect(aside.get_by_role("heading", name="Nancy (3)", exact=True)).to_be_visible()
    expect(aside).to_contain_text("Université de Lorraine")
    box, frame_box = aside.bounding_box(), page.locator(MAP_FRAME).first.bounding_box()
    assert box is not None
    assert frame_box is not None
    assert box["x"] >= frame_box["x"] + frame_box["width"]  # beside the map, not under it
    assert box["y"] + box["height"] <= 1080  # nothing cut off by the screen's edge (no scrolling)


# Font sizes (px) in the map's document and beside it: legend, cluster count, credits, a city's name.
MAP_SIZES_JS = """() => {
  const px = (doc, sel) => parseFloat(getComputedStyle(doc.querySelector(sel)).fontSize);
  const map = document.querySelector('iframe[src*="/streamlit_folium.st_folium/"]').contentDocument;
  const cluster = map.querySelector('.enact-cluster span').getBoundingClientRect();
  return {legend: px(map, '.enact-legend'), count: px(map, '.enact-cluster span'),
          bubble: cluster.height, credits: px(map, '.leaflet-control-attribution'),
          aside: px(document, '.kiosk-aside h2')};
}"""


def test_the_map_type_grows_with_the_screen_like_the_text_beside_it(
    new_app_page: Callable[..., AppPage], kiosk_server: StreamlitServer
) -> None:
    sizes = {}
    for width, height in ((1920, 1080), (3840, 2160)):
        page = new_app_page(kiosk_server, viewport={"width": width, "height": height}).goto(
            "", kiosk="1", rotate="600", slides="partners")
        wait_map_ready(page)
        wait_app_idle(page)
        sizes[height] = page.evaluate(MAP_SIZES_JS)

    full_hd, four_k = sizes[1080], sizes[2160]
    assert full_hd["legend"] == pytest.approx(22, abs=0.5)  # as read at 1080p before
    assert full_hd["credits"] >= 14
    for key in ("legend", "count", "bubble", "credits", "aside"):
        assert four_k[key] == pytest.approx(2 * full_hd[key], rel=0.05), key
    # the legend keeps its size against the partners' names beside the map
    assert four_k["legend"] / four_k["aside"] == pytest.approx(full_hd["legend"] / full_hd["aside"], rel=0.05)


# How far the slide's body runs past its box (px, 0 when it fits), and the bottom of its last line.
OVERFLOW_JS = """() => {
  const body = document.querySelector('section.kiosk-body');
  const items = body.querySelectorAll('li, p');
  return {over: body.scrollHeight - body.clientHeight,
          bottom: Math.max(...Array.from(items, (e) => e.getBoundingClientRect().bottom))};
}"""


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_year_in_review_fits_a_small_screen(
    new_app_page: Callable[..., AppPage], kiosk_server: StreamlitServer, lang: str
) -> None:
    page = new_app_page(kiosk_server, viewport={"width": 1366, "height": 768}).goto(
        "", kiosk="1", rotate="600", slides="achievements", lang=lang)
    body = page.locator("section.kiosk-body[data-body='achievements']")
    expect(body.locator(".kiosk-steps li").first).to_be_visible()
    expect(body.locator(".kiosk-actions li").first).to_be_visible()
    fit = page.evaluate(OVERFLOW_JS)
    assert fit["over"] <= 0
    assert fit["bottom"] <= 768 * 0.99  # above the progress bar
    assert_no_app_errors(page)


@pytest.mark.parametrize("slide", ["home", "partners", "events", "chairs", "achievements"])
def test_no_serious_axe_violation(kiosk: AppPage, slide: str) -> None:
    page = kiosk.goto("", kiosk="1", rotate="600", slides=slide)
    expect(page.locator(f"{HEAD}[data-slide='{slide}']")).to_be_attached()
    wait_frames_loaded(page)

    assert_no_app_errors(page)
    assert_no_serious_axe(page)


def test_survives_a_data_file_broken_mid_run_and_repaired(
    new_app_page: Callable[..., AppPage], data_copy: Path
) -> None:
    with StreamlitServer(data_dir=data_copy, env=ENV) as server:
        page = new_app_page(server).goto("", kiosk="1", rotate="5", slides="home")
        tiles = page.locator(".kiosk-tiles")
        expect(tiles).to_contain_text("30 M€")
        figures = data_copy / "figures.csv"
        good = figures.read_text(encoding="utf-8")

        figures.write_text("id,metric,unit\nfunding,funding,eur\n", encoding="utf-8")  # "value" lost
        wait_next_tick(page, head(page)["tick"])
        wait_next_tick(page, head(page)["tick"])
        expect(tiles).to_contain_text("30 M€")
        assert_no_app_errors(page)

        figures.write_bytes(b"\x00\xff\xfe not a csv \x00" * 40)  # unreadable
        wait_next_tick(page, head(page)["tick"])
        expect(tiles).to_contain_text("30 M€")
        assert_no_app_errors(page)

        figures.write_text(good.replace(",30000000,", ",31000000,", 1), encoding="utf-8")
        expect(tiles).to_contain_text("31 M€", timeout=ROTATION_TIMEOUT_MS)
        assert_no_app_errors(page)


def test_comes_back_by_itself_after_a_server_restart(
    new_app_page: Callable[..., AppPage], kiosk_server: StreamlitServer
) -> None:
    port = free_port()
    data_dir = kiosk_server.data_dir
    first = StreamlitServer(data_dir=data_dir, env=ENV, port=port).start()
    try:
        app = new_app_page(first)
        page = app.goto("", kiosk="1", rotate="5", slides="home,events")
        wait_next_tick(page, "0")  # rotating: this session's tick is now 1 or more
    finally:
        first.stop()

    with StreamlitServer(data_dir=data_dir, env=ENV, port=port):
        # A new server means a new session, whose first slide has tick 0: the screen came back.
        expect(page.locator(f"{HEAD}[data-tick='0']")).to_be_attached(timeout=RESTART_TIMEOUT_MS)
        wait_next_tick(page, "0")  # and it rotates again
        assert_no_app_errors(page)
        expect(page.get_by_role("dialog")).to_have_count(0)
        assert_no_chrome(page)
