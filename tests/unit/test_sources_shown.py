"""Every place that shows a source joins its citations in the page's language: " ; " in French, "; " in
English and German; no place glues them in French on an English or German page."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest
from icalendar import Calendar

from enact_dash.achievements.html import source_html
from enact_dash.events.display import event_view
from enact_dash.events.event_map import event_points
from enact_dash.events.export import events_download
from enact_dash.exports import download_csv
from enact_dash.ics import events_to_ics
from enact_dash.maps.partner_map import partner_points
from enact_dash.partners.display import list_frame, partner_detail
from enact_dash.partners.export import partners_download
from tests.conftest import csv_rows
from tests.unit.test_events_page_model import event
from tests.unit.test_partners_filtering import frame, partner

PR = "Communiqué de presse, journée annuelle, déc. 2025"
URL = "https://www.unistra.fr/fr/node/7418"
SOURCE = f"{PR} ; {URL}"
JOINED = {"fr": f"{PR}\u202f; {URL}", "en": f"{PR}; {URL}", "de": f"{PR}; {URL}"}
SHORT = {"fr": f"{PR}\u202f; unistra.fr", "en": f"{PR}; unistra.fr", "de": f"{PR}; unistra.fr"}
PARTNERS = frame(partner("ul", source=SOURCE))
EVENTS = pd.DataFrame([event("day", "2025-12-12", source=SOURCE, lat=48.66, lon=6.15)])
LANGS = ("fr", "en", "de")


def _shown_in(lang: str) -> dict[str, str]:
    detail = partner_detail(PARTNERS.iloc[0].to_dict(), lang, {})
    return {
        "partners list": str(list_frame(PARTNERS, lang, {})["source"].iloc[0]),
        "partner card": detail.fields[-1][1],
        "partner popup": str(partner_points(PARTNERS, lang)["source"].iloc[0]),
        "event": event_view(EVENTS.iloc[0].to_dict(), lang, today=date(2026, 1, 1)).source,
        "event popup": str(event_points(EVENTS, lang, today=date(2026, 1, 1))["source"].iloc[0]),
        "partners CSV": csv_rows(download_csv(partners_download(PARTNERS, lang, {}), sep=","), ",")[1][13],
        "events CSV": csv_rows(
            download_csv(events_download(EVENTS, lang, {}, today=date(2026, 1, 1)), sep=","), ",")[1][16],
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("place", ["partners list", "partner card", "partner popup", "event", "event popup",
                                   "partners CSV", "events CSV"])
def test_every_place_joins_citations_in_the_page_language(place: str, lang: str) -> None:
    shown = _shown_in(lang)[place]
    expected = SHORT[lang] if place == "partners list" else JOINED[lang]
    assert expected in shown
    if lang != "fr":
        assert " ; " not in shown  # French spacing stays on French pages


@pytest.mark.parametrize("lang", LANGS)
def test_achievements_source_line_links_each_citation_in_the_page_language(lang: str) -> None:
    line = source_html(SOURCE, lang)
    sep = JOINED[lang].removeprefix(PR).removesuffix(URL)
    assert f"{PR}{sep}<a href=\"{URL}\"" in line


@pytest.mark.parametrize(("lang", "text"), [("fr", JOINED["fr"]), ("en", JOINED["en"]), ("de", JOINED["de"])])
def test_calendar_names_the_citations_and_links_the_address(lang: str, text: str) -> None:
    calendar = Calendar.from_ical(events_to_ics(EVENTS, lang, dtstamp=datetime(2026, 1, 1, tzinfo=UTC)))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["URL"]) == URL  # the address, never the whole source field
    assert str(vevent["DESCRIPTION"]).endswith(text)
