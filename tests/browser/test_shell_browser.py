"""The app shell in a real browser: every page in every language renders, offline and accessible."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from _harness import (
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    MAP_FRAME,
    MAP_MARKS,
    MAP_READY,
    AppPage,
    DeadProxy,
    StreamlitServer,
    app_path,
    assert_no_app_errors,
    assert_no_serious_axe,
    horizontal_overflow,
    wait_app_idle,
    wait_frames_loaded,
    wait_map_ready,
    wait_ready_each_frame,
)
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

PAGES = ("", "partners", "events", "achievements", "about")
LANGS = ("fr", "en", "de")
MAP_PAGES = ("partners",)  # the events map opens on demand (its tests open it)
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_renders_offline_and_accessible(app_page: AppPage, path: str, lang: str) -> None:
    page = app_page.goto(path, lang=lang)
    if path in MAP_PAGES:
        wait_map_ready(page)  # the map's own script and styles come from loopback too
    wait_frames_loaded(page)

    assert_no_app_errors(page)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    heading = page.locator('[data-testid="stMain"] h1').first
    expect(heading).to_be_visible()
    assert heading.inner_text().strip(), "the page's main heading is empty"
    # No "Link to heading" anchor (English, and one more Tab stop per heading): no link in any heading.
    expect(page.locator(":is(h1, h2, h3, h4, h5, h6) a:visible")).to_have_count(0)
    # No tooltip button named "Help for <label>" (English) on the filters.
    expect(page.locator("[aria-label^='Help for']")).to_have_count(0)
    nav_link = page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]')
    nav_title = nav_link.inner_text().strip().splitlines()[-1]  # after the icon's name
    expect(page).to_have_title(f"{nav_title} · IA Grand Est ENACT")  # each page its own title (WCAG 2.4.2)
    assert app_page.blocked == [], "the page needed non-loopback URLs"
    assert_no_serious_axe(page)


STREAMLIT_TEXTS = {  # Streamlit's texts around the pages (English whatever the language), ours by language
    "fr": ("Aller au contenu principal", "Barre latérale", "Pages du tableau de bord",
           "Replier la barre latérale"),
    "de": ("Zum Hauptinhalt springen", "Seitenleiste", "Seiten des Dashboards", "Seitenleiste einklappen"),
}


def expect_streamlit_texts(page: Page, lang: str) -> None:
    skip, sidebar, pages, collapse = STREAMLIT_TEXTS[lang]
    expect(page.locator('[data-testid="stSkipToContent"]')).to_have_text(skip)
    expect(page.get_by_role("region", name=sidebar, exact=True)).to_have_count(1)
    expect(page.get_by_role("navigation", name=pages, exact=True)).to_have_count(1)
    expect(page.locator(f'button[aria-label="{collapse}"]')).to_have_count(1)  # shown on hover


def test_the_page_language_follows_the_language_chosen(app_page: AppPage) -> None:
    """<html lang> (WCAG 3.1.1) follows the sidebar's choice and stays on the next page; so do
    Streamlit's own texts around the pages (the skip link, the sidebar and its navigation)."""
    page = app_page.goto("about", lang="fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect_streamlit_texts(page, "fr")
    page.locator('[data-testid="stSidebar"]').get_by_role("radio", name="Deutsch", exact=True).click()
    expect(page.locator("h1").first).to_have_text("Über dieses Dashboard")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect_streamlit_texts(page, "de")
    wait_app_idle(page)
    page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Startseite").click()
    expect(page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]')).to_contain_text("Startseite")
    wait_app_idle(page)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.locator('[data-testid="stSidebar"]').get_by_role("radio", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_home_at_phone_width_has_no_horizontal_scroll(
    new_app_page: Callable[..., AppPage],
) -> None:
    app = new_app_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page = app.goto("", lang="fr")
    wait_frames_loaded(page)
    expect(page.get_by_role("button", name="Déplier la barre latérale", exact=True)).to_be_visible()

    assert_no_app_errors(page)
    assert horizontal_overflow(page) == {}


def test_with_default_tiles_only_tile_images_leave_loopback(
    start_server: Callable[..., StreamlitServer], new_app_page: Callable[..., AppPage]
) -> None:
    app = new_app_page(start_server(ENACT_TILES="OpenStreetMap"))
    page = app.goto("partners", lang="fr")
    wait_map_ready(page)

    assert app.blocked, "the default tile layer should request tiles"
    assert {urlsplit(url).hostname for url in app.blocked} == {"tile.openstreetmap.org"}
    assert all(urlsplit(url).path.endswith(".png") for url in app.blocked)


def test_guard_aborts_and_records_non_loopback_requests(app_page: AppPage) -> None:
    page = app_page.goto("", lang="fr")

    outcome = page.evaluate(
        "() => fetch('http://example.invalid/tile.png').then(() => 'loaded', () => 'failed')"
    )

    assert outcome == "failed"
    assert app_page.blocked == ["http://example.invalid/tile.png"]


def test_bench_dead_proxy_fails_outside_requests_and_lets_loopback_through(
    browser: Browser, app_server: StreamlitServer
) -> None:
    """bench/ times pages behind a dead proxy instead of the routes above: the app still loads from
    loopback, and a request outside is refused by the proxy and recorded."""
    proxy = DeadProxy()
    proxied = browser.browser_type.launch(
        executable_path=str(CHROMIUM_PATH), headless=True, args=[*CHROMIUM_ARGS, *proxy.chromium_args]
    )
    try:
        context = proxied.new_context(base_url=app_server.base_url)
        tried = DeadProxy.failed_outside(context)
        page = context.new_page()
        failures: list[str] = []
        page.on("requestfailed", lambda request: failures.append(request.failure or ""))
        page.goto(app_path("partners", lang="fr"), wait_until="commit")
        wait_ready_each_frame(page, frame=MAP_FRAME, ready=MAP_READY, marks=MAP_MARKS)
        assert_no_app_errors(page)
        assert tried == []

        outside = ["http://example.invalid/tile.png", "http://169.254.169.254/latest/meta-data"]
        for url in outside:  # a name, and a link-local address (chromium's default bypass list has those)
            outcome = page.evaluate("(url) => fetch(url).then(() => 'loaded', () => 'failed')", url)
            assert outcome == "failed"
        assert tried == outside
        assert len(failures) == len(outside)
        assert all("PROXY" in failure for failure in failures), failures
    finally:
        proxied.close()
        proxy.close()


@pytest.mark.parametrize("public_url", ["", "https://enact.example.org"])
def test_the_link_to_the_view_opens_where_it_is_shared(
    new_app_page: Callable[..., AppPage], start_server: Callable[..., StreamlitServer], public_url: str,
) -> None:
    """Without ENACT_PUBLIC_URL the link is built on the address the visitor used (a localhost address
    would open nothing on another machine); with it, on the public address."""
    server = start_server(ENACT_PUBLIC_URL=public_url)
    page = new_app_page(server).goto("partners", lang="en", ptype="hospital")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Link to this view").click()
    link = sidebar.locator(".enact-share a")
    expected = (public_url or server.base_url.rstrip("/")) + "/partners?lang=en&ptype=hospital"
    expect(link).to_have_attribute("href", expected)
    assert_no_app_errors(page)


# Buttons and the pages' links whose label is cut: a part of it wider than its box, ending in "…".
TRUNCATED_LABELS_JS = """() => [...document.querySelectorAll(
    '[data-testid^=stBaseButton], [data-testid=stSidebarNavLink]')]
  .filter((e) => e.offsetParent)
  .filter((e) => [e, ...e.querySelectorAll('*')].some((d) =>
    d.scrollWidth > d.clientWidth + 1 && getComputedStyle(d).textOverflow === 'ellipsis'))
  .map((e) => e.innerText.replace(/\\n/g, ' '))"""


@pytest.mark.parametrize("path", ["events", "partners"])
def test_text_zoomed_to_200_percent_cuts_no_label(app_page: AppPage, path: str) -> None:
    """WCAG 1.4.4: with the text twice as large, buttons and the pages' links wrap; no label ends in "…"."""
    page = app_page.goto(path, lang="de")
    page.add_style_tag(content="html { font-size: 200% !important; }")
    wait_app_idle(page)
    page.wait_for_function(f"() => ({TRUNCATED_LABELS_JS})().length === 0")
    assert page.evaluate(TRUNCATED_LABELS_JS) == []
