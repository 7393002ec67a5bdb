"""AppTest of the achievements page: every language, the axis filter, the year, missing and hostile data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from enact_dash.config import BUNDLED_DATA_DIR
from tests.app.conftest import page_text, run_app_page

pytestmark = pytest.mark.skipif(not (BUNDLED_DATA_DIR / "figures.csv").is_file(),
                                reason="data/ not written yet")
HOSTILE = "<img src=x onerror=alert(1)>"


def visible_text(at) -> str:
    """The page's text with the Markdown escapes of data-bearing summaries removed."""
    return page_text(at).replace("\\", "")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """The page reads today's date through enact_dash.clock: fix it so the year in review is stable."""
    monkeypatch.setenv("ENACT_TODAY", "2026-03-01")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Bilan et perspectives", "L’année 2025 en bref", "30\u00a0M€", ">9<", ">17<",
                "6 chaires pas encore publiées", "Intitulé non publié", "Actions prioritaires pour 2026",
                "Aucune mesure publiée pour l’instant.", "Chiffres qui diffèrent selon les sources",
                "environ 67\u00a0M€", "Source\u00a0: Communiqué de presse, journée annuelle, déc. 2025"]),
        ("en", ["Achievements and outlook", "2025 in review", "€30M", "6 chairs not yet published",
                "Title not published", "Priority actions for 2026", "No measure published yet.",
                "about €67M", "9 international chairs planned for 2026"]),
        ("de", ["Bilanz und Ausblick", "Das Jahr 2025 im Überblick", "30\u00a0Mio.\u00a0€",
                "6 Lehrstühle noch nicht veröffentlicht", "Vorrangige Maßnahmen für 2026",
                "Noch keine Messung veröffentlicht.", "Titel nicht veröffentlicht"]),
    ],
)
def test_page_in_each_language(lang, expected):
    at = run_app_page("achievements", lang=lang)
    assert not at.exception
    text = visible_text(at)
    missing = [snippet for snippet in expected if snippet not in text]
    assert missing == []
    assert at.button_group(key="flt_year").value == 2025
    charts = [e.proto.body for e in at.get("html") if e.proto.body.startswith("<figure class=\"enact-chart ")]
    assert len(charts) == 2, "the charts are missing"  # chairs per axis, milestones timeline
    assert not at.get("plotly_chart"), "no chart library: the charts are HTML"
    assert len(data_tables(at)) >= 4  # the table alternative of every chart and list


def data_tables(at) -> list[str]:
    """The table alternatives (HTML tables in expanders), in page order."""
    return [e.proto.body for e in at.get("html") if '<table class="enact-table">' in e.proto.body]


def test_axis_filter_applies_to_chairs_and_keeps_unpublished_ones_counted():
    at = run_app_page("achievements", lang="en", axis="health")
    assert not at.exception
    text = visible_text(at)
    assert "FM4SURG" in text
    assert "Semantically Consistent LLM Based Text Generation" not in text
    assert "6 chairs not yet published" in text
    assert "Axis filter on: Digital health." in text
    assert "stay visible whatever the axis chosen" in text
    chairs_table = data_tables(at)[0]
    assert "<caption>Research chairs</caption>" in chairs_table
    assert re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td></tr>", chairs_table) == ["1", "6"]


def test_year_from_the_url_and_from_the_selector():
    at = run_app_page("achievements", lang="fr", year="2024")
    assert not at.exception
    text = visible_text(at)
    assert "L’année 2024 en bref" in text
    assert "plus de 2\u202f500" in text
    at.button_group(key="flt_year").set_value(2025).run()
    assert not at.exception
    assert at.query_params.get("year") == "2025"
    assert "L’année 2025 en bref" in visible_text(at)


def test_a_year_with_nothing_to_show_in_the_url_falls_back():
    at = run_app_page("achievements", lang="en", year="2031")
    assert not at.exception
    assert "2025 in review" in visible_text(at)


def test_figures_download_is_offered():
    at = run_app_page("achievements", lang="en")
    buttons = [b for b in at.get("download_button") if "key figures" in b.proto.label]
    assert len(buttons) == 1


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_empty_data_says_not_yet_published(tmp_path, monkeypatch, lang):
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("chairs.csv", "figures.csv"):
        header = (BUNDLED_DATA_DIR / name).read_text("utf-8").splitlines()[0]
        (folder / name).write_text(header + "\n", encoding="utf-8")
    monkeypatch.setenv("ENACT_DATA_DIR", str(folder))
    at = run_app_page("achievements", lang=lang)
    assert not at.exception
    text = visible_text(at)
    expected = {"fr": "Chaires\u00a0: pas encore publiées.", "en": "Chairs: not yet published.",
                "de": "Lehrstühle: noch nicht veröffentlicht."}[lang]
    assert expected in text
    assert not at.get("download_button") or all(
        "CSV" not in b.proto.label for b in at.get("download_button")
    )


def test_hostile_text_in_the_data_is_shown_as_text(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, folder)
    chairs = folder / "chairs.csv"
    lines = chairs.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace("Nicolas Padoy", HOSTILE)
    chairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("ENACT_DATA_DIR", str(folder))
    at = run_app_page("achievements", lang="fr")
    assert not at.exception
    text = visible_text(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert HOSTILE not in text


def test_missing_data_directory_has_no_traceback(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ENACT_DATA_DIR", str(tmp_path / "missing"))
    at = run_app_page("achievements", lang="en")
    assert not at.exception
    text = visible_text(at)
    # No file could be read: each section says its data is unavailable, none that it is not published.
    assert "The key figures are temporarily unavailable" in text
    assert "The milestones are temporarily unavailable" in text
    assert "No dated figure has been published yet." not in text
    assert "Milestones: not yet published." not in text


@pytest.mark.parametrize(
    ("lang", "summary", "chip", "period"),
    [
        # the press release of December 2025 (its day of publication is not known)
        ("fr", "8 actions pour 2026 — état publié en décembre 2025\u00a0: 8 prévues, aucune en cours, "
               "aucune réalisée.", "○ Prévue (état de décembre\u00a02025)", "Période en cours\u00a0: "),
        ("en", "8 actions for 2026 — status as of December 2025: 8 planned, none in progress, none done.",
         "○ Planned (as of December\u00a02025)", "Current period: "),
        ("de", "8 Maßnahmen für 2026 — Stand Dezember 2025: 8 geplant, keine laufend, "
               "keine abgeschlossen.", "○ Geplant (Stand: Dezember\u00a02025)", "Laufender Zeitraum: "),
    ],
)
def test_a_year_later_the_actions_say_when_their_status_was_published(monkeypatch, lang, summary, chip,
                                                                      period):
    monkeypatch.setenv("ENACT_TODAY", "2026-11-25")
    at = run_app_page("achievements", lang=lang)
    assert not at.exception
    text = visible_text(at)
    assert summary in text
    assert text.count(chip) == 8
    label = {"fr": "Actions prioritaires 2026", "en": "2026 priority actions",
             "de": "Vorrangige Maßnahmen 2026"}[lang]
    assert f"{period}{label}" in text  # the milestone of 2026: its period, not its progress
    assert "En cours\u00a0: Actions" not in text
    assert "Under way:" not in text


def test_an_actions_file_without_status_dates_says_they_are_not_given(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, folder)
    actions = folder / "actions.csv"
    frame = pd.read_csv(actions, dtype=str, keep_default_na=False)
    frame.drop(columns="status_as_of").to_csv(actions, index=False)  # as written before the column
    monkeypatch.setenv("ENACT_DATA_DIR", str(folder))
    monkeypatch.setenv("ENACT_TODAY", "2026-11-25")
    at = run_app_page("achievements", lang="fr")
    assert not at.exception
    text = visible_text(at)
    assert "8 actions pour 2026 — date de l’état non précisée\u00a0: 8 prévues" in text
    assert text.count("○ Prévue (date de l’état non précisée)") == 8
    assert "actions.csv" not in text  # an old file is no data problem: no notice
