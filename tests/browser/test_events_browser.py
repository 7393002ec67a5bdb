"""The events page in a real browser, offline: the calendar file downloads and parses, a filter
changes the list and the URL, a hostile title stays text, no serious axe violation, no sideways
scroll on a phone.

Runs on its own small data directory and a pinned day (ENACT_TODAY), so the counts do not move.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from _harness import (
    MAP_FRAME,
    AppPage,
    StreamlitServer,
    assert_no_app_errors,
    assert_no_serious_axe,
    horizontal_overflow,
    wait_app_idle,
    wait_map_ready,
)
from icalendar import Calendar
from playwright.sync_api import Page, expect

from enact_dash.i18n import plural
from tests.conftest import HOSTILE_NAME, write_data_dir

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 1000}
TODAY = "2025-11-01"
INJECTED_IMAGES = """() => document.querySelectorAll('img[src="x"]').length"""


def event(event_id: str, title: str, etype: str, start: str, **more: str) -> dict[str, str]:
    return {"id": event_id, "title_fr": title, "type": etype, "start": start, "country": "FR",
            "status": "confirmed", "source": "test", **more}


# Test data, not facts.
EVENTS = [
    event("day-2025", "Journée annuelle", "annual_day", "2025-12-12", city="Villers-lès-Nancy",
          audience="researchers"),
    event("nuit-2025", "Nuit de la science", "fete_science", "2025-10-03", city="Vandœuvre-lès-Nancy",
          audience="public|schools", accessibility="sign_language"),
    event("hostile", HOSTILE_NAME, "workshop", "2026-03-02", end="2026-03-03", city="Metz",
          status="cancelled", description_fr="<script>alert(2)</script>"),
    event("summer-2026", "École d'été", "summer_school", "2026"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    data = write_data_dir(tmp_path_factory.mktemp("events") / "data", events=EVENTS)
    with StreamlitServer(data_dir=data, env={"ENACT_TILES": "none", "ENACT_TODAY": TODAY}) as running:
        yield running


@pytest.fixture
def dialogs() -> list[str]:
    return []


@pytest.fixture
def app(new_app_page, server: StreamlitServer, dialogs: list[str]) -> AppPage:
    opened = new_app_page(server, viewport=DESKTOP, accept_downloads=True)
    opened.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return opened


def download(page: Page, label: str, tmp_path: Path) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_bytes()


def test_calendar_file_downloads_and_parses(app: AppPage, tmp_path: Path) -> None:
    page = app.goto("events", lang="fr")
    wait_app_idle(page)
    assert_no_app_errors(page)
    expect(page.get_by_text(plural("events.notice.no_day", 1, "fr"))).to_be_visible()
    calendar = Calendar.from_ical(download(page, "Ajouter à mon agenda (.ics)", tmp_path))
    events = {str(ev["UID"]): ev for ev in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "day-2025@cluster-ia-enact.ai", "hostile@cluster-ia-enact.ai", "nuit-2025@cluster-ia-enact.ai",
    ]
    hostile = events["hostile@cluster-ia-enact.ai"]
    assert (hostile.decoded("DTSTART"), hostile.decoded("DTEND")) == (date(2026, 3, 2), date(2026, 3, 4))
    assert str(hostile["STATUS"]) == "CANCELLED"
    assert str(hostile["SUMMARY"]) == f"[ANNULÉ] {HOSTILE_NAME}"
    assert app.blocked == []


def test_csv_download_neutralises_nothing_it_should_not(app: AppPage, tmp_path: Path) -> None:
    page = app.goto("events", lang="en")
    wait_app_idle(page)
    data = download(page, "Download (CSV)", tmp_path)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r["ID"] for r in rows] == ["day-2025", "hostile", "summer-2026", "nuit-2025"]
    assert rows[2]["Start (YYYY-MM-DD)"] == "2026"  # a year only: as precise as the data, sortable
    assert rows[2]["Date"] == "2026 — date to be announced"


def test_type_filter_changes_the_list_and_the_url(app: AppPage) -> None:
    page = app.goto("events", lang="en")
    wait_app_idle(page)
    expect(page.get_by_role("heading", name="Upcoming (3)")).to_be_visible()
    chip = page.get_by_role("toolbar", name="Event type").get_by_role("button", name="Annual day")
    chip.click()  # the types are chips: one tap
    expect(chip).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("heading", name="Upcoming (1)")).to_be_visible()
    expect(page.get_by_role("heading", name="Past (0)")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]etype=annual_day"))
    wait_app_idle(page)
    assert_no_app_errors(page)


def test_the_period_is_chosen_in_the_browsers_own_date_fields(app: AppPage) -> None:
    # Streamlit's date picker spoke English on every page language; the browser's own field speaks the
    # visitor's language, and its calendar is the one they know. (The order of its day, month and year
    # follows the browser's language: the keys below do not depend on it.)
    page = app.goto("events", lang="fr")
    wait_app_idle(page)
    page.get_by_text("Période", exact=True).click()
    start, end = page.get_by_label("Du", exact=True), page.get_by_label("Au", exact=True)
    for field in (start, end):
        expect(field).to_have_attribute("type", "date")
        expect(field).to_have_attribute("min", "2024-01-01")
        expect(field).to_have_attribute("max", "2026-12-31")
    start.fill("2026-01-01")  # as the calendar sets it: sent at once
    expect(page).to_have_url(re.compile(r"[?&]date_from=2026-01-01"))
    expect(page.get_by_role("heading", name="Passés (0)")).to_be_visible()
    expect(end).to_have_attribute("min", "2026-01-01")  # the end's calendar starts at the start
    wait_app_idle(page)

    # Typed (each key makes a new day: 0002, 0020, 0202, 2026 on the way to 2026): sent on Enter only.
    start.focus()
    page.keyboard.press("ArrowUp")  # the first part (day or month, as the browser orders them) + 1
    typed = start.input_value()
    assert typed in {"2026-01-02", "2026-02-01"}
    wait_app_idle(page)
    assert "date_from=2026-01-01" in page.url
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"[?&]date_from={typed}"))
    wait_app_idle(page)

    # A part erased while correcting the date: the field reads as empty, and the period stays.
    start.focus()
    page.keyboard.press("Backspace")
    page.get_by_role("heading", name="Agenda").click()  # leaves the field
    wait_app_idle(page)
    expect(page).to_have_url(re.compile(rf"[?&]date_from={typed}"))
    assert_no_app_errors(page)
    assert_no_serious_axe(page)


def test_hostile_title_stays_text_and_page_is_accessible(app: AppPage, dialogs: list[str]) -> None:
    page = app.goto("events", lang="fr", event="hostile")
    wait_app_idle(page)
    wait_map_ready(page)
    expect(page.get_by_role("heading", name="Événement sélectionné")).to_be_visible()
    expect(page.get_by_text("<script>alert(2)</script>").first).to_be_visible()
    assert dialogs == []
    for each in page.frames:
        assert each.evaluate(INJECTED_IMAGES) == 0, each.url
    assert_no_app_errors(page)
    assert_no_serious_axe(page)


def test_phone_width_has_no_horizontal_scroll(new_app_page, server: StreamlitServer) -> None:
    app = new_app_page(server, viewport=PHONE, is_mobile=True, has_touch=True)
    page = app.goto("events", lang="de")
    wait_app_idle(page)
    expect(page.locator(MAP_FRAME)).to_have_count(0)  # not opened
    page.get_by_text("Karte der Veranstaltungen anzeigen").click()
    wait_map_ready(page)
    assert_no_app_errors(page)
    assert horizontal_overflow(page) == {}
    assert_no_serious_axe(page)


def test_the_timeline_tool_bar_speaks_the_language(app: AppPage) -> None:
    page = app.goto("events", lang="fr")
    wait_app_idle(page)
    page.locator("[data-testid='stExpander'] summary").filter(
        has_text="Calendrier des événements par type").click()  # a lazy expander: drawn once open
    chart = page.locator(".js-plotly-plot")
    expect(chart.locator(".modebar-btn").first).to_be_attached(timeout=30_000)  # plotly's bundle loads first
    chart.hover()  # plotly shows its tool bar on hover
    expect(chart.get_by_role("button", name="Télécharger le graphique (PNG)")).to_be_attached()
    expect(chart.get_by_role("button", name="Rétablir les axes")).to_be_attached()
    expect(chart.locator("[data-title='Reset axes'], [data-title='Download plot as a PNG']")).to_have_count(0)
    assert_no_app_errors(page)


# The focused element, through the map's frame (same origin): its name and whether it is in the map.
ACTIVE = """() => {
    let doc = document, el = doc.activeElement;
    while (el && el.tagName === "IFRAME" && el.contentDocument) {
        doc = el.contentDocument;
        el = doc.activeElement;
    }
    return el ? {name: el.getAttribute("aria-label") || el.textContent.trim().slice(0, 80),
                 tag: el.tagName.toLowerCase(), inMap: doc !== document} : null;
}"""


def test_an_event_chosen_on_the_map_with_the_keyboard_takes_the_focus_to_its_details(app: AppPage) -> None:
    page = app.goto("events", lang="fr")
    page.get_by_text("Afficher la carte des événements").click()
    wait_app_idle(page)
    wait_map_ready(page)
    page.frame_locator(MAP_FRAME).first.locator(".leaflet-container").focus()
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        now = page.evaluate(ACTIVE)
        if now["name"] == f"[ANNULÉ] {HOSTILE_NAME} — afficher les détails":  # Metz's, a single marker
            break
        reached.append(now["name"])
    else:
        raise AssertionError(f"Metz's event was not reached with Tab; reached {reached}")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]event=hostile"))
    chosen = page.locator("details").filter(has=page.locator("#event-chosen"))
    summary = chosen.locator("summary")
    expect(summary).to_contain_text(HOSTILE_NAME)  # as text
    expect(summary).to_be_focused()  # the expander's title, a control that says it is open
    wait_app_idle(page)
    expect(summary).to_be_focused()  # still there once the page and the new map are drawn
    assert_no_app_errors(page)
