"""AppTest of the public pages on a data directory with one file left out as a whole (a renamed required
column): each page that depends on it says once that the list is temporarily unavailable, and shows no
"0", no "nobody in the data" view and no filter built from the empty table."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from enact_dash.i18n import plural, t
from tests.app.conftest import page_text, run_app_page
from tests.unit.test_unavailable_data import OTHER_FUNDING, UPCOMING, renamed_header

FUNDING = {**OTHER_FUNDING, "id": "f", "value": "30000000", "primary": "oui", "label_fr": "Financement",
           "source": "pr"}


@pytest.fixture
def broken(make_data_dir, monkeypatch: pytest.MonkeyPatch):
    def use(**overrides: object) -> Path:
        path = make_data_dir(**{"events": [UPCOMING], **overrides})
        monkeypatch.setenv("ENACT_DATA_DIR", str(path))
        return path

    return use


def text_of(at) -> str:
    return html.unescape(page_text(at).replace("\\", ""))


@pytest.mark.parametrize("lang", ["fr", "de"])
@pytest.mark.parametrize(
    ("table", "page", "said", "not_said"),
    [
        ("partners", "partners", ["common.unavailable.partners"], ["partners.empty.data"]),
        ("partners", "home", ["home.partners_unavailable"], ["home.partners_listed"]),
        ("events", "events", ["common.unavailable.events"], ["events.empty.data"]),
        ("events", "home", ["home.next_event_unavailable", "common.unavailable.events"],
         ["home.no_upcoming", "home.no_next_event"]),
        ("axes", "home", ["common.unavailable.axes"], []),
        ("figures", "achievements", ["common.unavailable.figures"],
         ["achievements.conflicts.none", "achievements.review.none"]),
        ("chairs", "achievements", ["common.unavailable.chairs"], ["achievements.chairs.none"]),
        ("milestones", "achievements", ["common.unavailable.milestones"], []),
        ("targets", "achievements", ["common.unavailable.targets"], []),
    ],
)
def test_a_file_left_out_is_said_unavailable(broken, lang, table, page, said, not_said):
    broken(**{table: renamed_header(table)})
    at = run_app_page(page, lang=lang)
    assert not at.exception
    text = text_of(at)
    for key in said:
        assert t(key, lang) in text, key
    for key in not_said:
        assert t(key, lang) not in text, key


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_partners_page_builds_no_filter_from_an_unreadable_file(broken, lang):
    broken(partners=renamed_header("partners"))
    at = run_app_page("partners", lang=lang)
    assert not at.exception
    assert [i.value for i in at.info] == [t("common.unavailable.partners", lang)]  # one clear message
    assert "flt_country" not in [w.key for w in at.button_group]


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_home_tile_is_not_a_secondary_figure_when_the_primary_is_unreadable(broken, lang):
    broken(figures=[{**FUNDING, "value": "30 M€"}, OTHER_FUNDING])
    home = text_of(run_app_page("home", lang=lang))
    assert t("home.figure_unavailable", lang, label=t("home.metric.funding", lang)) in home
    assert "Budget total" not in home
    achievements = run_app_page("achievements", lang=lang)
    assert not achievements.exception
    assert t("achievements.conflicts.primary_missing", lang) in text_of(achievements)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_achievements_says_the_city_filter_does_not_apply(broken, lang):
    broken()
    at = run_app_page("achievements", lang=lang, city="Nancy")
    assert not at.exception
    assert t("achievements.city_filter_note", lang, cities="Nancy") in [c.value for c in at.caption]
    plain = run_app_page("achievements", lang=lang)
    assert not any("Nancy" in c.value for c in plain.caption)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_achievements_says_a_figure_left_out_for_its_date_is_missing(broken, lang):
    chairs = {**FUNDING, "id": "chairs", "metric": "chairs_launched", "value": "9", "unit": "count",
              "as_of": "45678", "label_fr": "Chaires lancées", "label_de": "Gestartete Lehrstühle"}
    broken(figures=[FUNDING, chairs])
    at = run_app_page("achievements", lang=lang)
    assert not at.exception
    label = "Chaires lancées" if lang == "fr" else "Gestartete Lehrstühle"
    said = plural("achievements.review.figures_missing", 1, lang, labels=label)
    assert said in [c.value for c in at.caption]
    broken(figures=[FUNDING])  # nothing left out: nothing said
    assert not any(label in c.value for c in run_app_page("achievements", lang=lang).caption)
