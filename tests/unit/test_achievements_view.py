"""The whole page content from data files: the real data, missing files, a French Excel CSV, catalogues."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from enact_dash.achievements import build_view
from enact_dash.config import BUNDLED_DATA_DIR, REPO_ROOT
from enact_dash.data import load_dataset
from enact_dash.filters import Filters
from enact_dash.i18n import LANGS, LOCALES_DIR, has_key

TODAY = date(2026, 3, 1)

CHAIRS = (
    "id,title,holder,institution,axis,call,status,presented,source\n"
    "c1,Chaire A,Alice,,nlp,2025,launched,oui,CP\n"
)
AXES = "id,name_fr,source\nnlp,Langues,CP\nhealth,Santé,CP\n"
# figures.csv as saved by a French Excel: ';' separator, Windows-1252, CRLF, decimal comma.
FIGURES_EXCEL = (
    "id;metric;value;unit;qualifier;as_of;primary;label_fr;source\r\n"
    "f1;chairs_launched;9;count;exact;2025;oui;Chaires lancées;Communiqué de presse, déc. 2025\r\n"
    "f2;funding;30000000;eur;exact;2025-12;oui;Financement État;CP\r\n"
    "f3;funding;67000000;eur;approx;2025-12;non;Budget total, cofinancements compris;"
    "https://www.europesays.com/fr/?p=692376\r\n"
    "f4;ratio;12,5;percent;exact;2025;oui;Part réservée;CP\r\n"
).encode("cp1252")


def write(folder: Path, **files: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, content in files.items():
        path = folder / f"{stem}.csv"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", LANGS)
def test_missing_data_directory_gives_an_empty_view_without_error(tmp_path, lang):
    view = build_view(load_dataset(tmp_path / "missing"), Filters(lang=lang), today=TODAY)
    assert view.year is None
    assert view.years == []
    assert view.key_figures == []
    assert view.conflicts == []
    assert view.chairs.launched is None
    assert view.chairs.shown == ()
    assert view.planned is None
    assert view.targets == []
    assert view.milestones == []


def test_excel_figures_and_few_chairs(tmp_path):
    data = write(tmp_path / "data", chairs=CHAIRS, axes=AXES, figures=FIGURES_EXCEL)
    dataset = load_dataset(data)
    view = build_view(dataset, Filters(lang="fr"), today=TODAY)
    assert view.year == 2025
    assert [f.text for f in view.key_figures] == ["9", "30\u00a0M€", "12,5\u00a0%"]
    assert (view.chairs.launched, view.chairs.presented_total, view.chairs.unpublished) == (9, 1, 8)
    assert [c.metric for c in view.conflicts] == ["funding"]
    assert view.conflicts[0].others[0].text == "environ 67\u00a0M€"


def test_axis_filter_keeps_only_known_axes(tmp_path):
    data = write(tmp_path / "data", chairs=CHAIRS, axes=AXES, figures=FIGURES_EXCEL)
    view = build_view(load_dataset(data), Filters(lang="en", axis=("health", "bogus")), today=TODAY)
    assert view.axes == ("health",)
    assert view.chairs.shown == ()
    assert list(view.chairs_rows["chairs"]) == [0, 8]


@pytest.mark.skipif(not (BUNDLED_DATA_DIR / "figures.csv").is_file(), reason="data/ not written yet")
def test_the_real_data_tells_the_2025_story():
    view = build_view(load_dataset(BUNDLED_DATA_DIR), Filters(lang="en"), today=TODAY)
    assert view.year == 2025
    metrics = [f.metric for f in view.key_figures]
    assert {"chairs_launched", "theses", "funding"} <= set(metrics)
    assert (view.chairs.launched, view.chairs.presented_total, view.chairs.unpublished) == (9, 3, 6)
    assert view.planned is not None
    assert view.planned.count == 9
    assert view.next_year == 2026
    assert len(view.next_actions) >= 5
    funding = next(c for c in view.conflicts if c.metric == "funding")
    assert funding.primary.value == 30e6
    assert {o.value for o in funding.others} >= {50e6, 60e6, 67e6}


@pytest.mark.skipif(not (BUNDLED_DATA_DIR / "actions.csv").is_file(), reason="data/ not written yet")
@pytest.mark.parametrize(
    ("today", "lang", "summary", "chip"),
    [
        # A year after the press release: its statuses are said as of its month (its day is not known).
        (date(2026, 11, 25), "fr", "8 actions pour 2026 — état publié en décembre 2025\u00a0: 8 prévues, "
         "aucune en cours, aucune réalisée.", "Prévue (état de décembre\u00a02025)"),
        (date(2026, 11, 25), "de", "8 Maßnahmen für 2026 — Stand Dezember 2025: 8 geplant, "
         "keine laufend, keine abgeschlossen.", "Geplant (Stand: Dezember\u00a02025)"),
        # The week after: the summary dates them, the cards do not (2026 has not begun).
        (date(2025, 12, 19), "en", "8 actions for 2026 — status as of December 2025: 8 planned, "
         "none in progress, none done.", "Planned"),
    ],
)
def test_the_real_actions_say_when_their_status_was_published(today, lang, summary, chip):
    from enact_dash.achievements import actions_summary

    view = build_view(load_dataset(BUNDLED_DATA_DIR), Filters(lang=lang), today=today)
    assert view.next_year == 2026
    assert actions_summary(view.next_actions, 2026, lang, today=today) == summary
    assert {a.status_text for a in view.next_actions} == {chip}


def test_catalogues_have_the_same_keys_in_every_language():
    keys = {lang: set(json.loads((LOCALES_DIR / lang / "achievements.json").read_text("utf-8")))
            for lang in LANGS}
    assert keys["fr"] == keys["en"] == keys["de"]
    assert all(key.startswith("achievements.") for key in keys["fr"])


def test_every_key_used_by_the_code_exists():
    sources = [*(REPO_ROOT / "enact_dash" / "achievements").glob("*.py"),
               REPO_ROOT / "enact_dash" / "charts_achievements.py",
               REPO_ROOT / "pages" / "achievements.py"]
    used = set()
    for path in sources:
        used |= set(re.findall(r"""["'](achievements\.[a-z_.]+[a-z_])["']""", path.read_text("utf-8")))
    assert len(used) > 50
    # A counted message (plural) is used by its prefix: "<key>.other" is the form every language has.
    missing = sorted(key for key in used if not has_key(key, "fr") and not has_key(f"{key}.other", "fr"))
    assert missing == []
