"""The kiosk page under AppTest: every slide in every language, rotation by the clock, broken data."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from enact_dash.data.schemas import FIGURES
from enact_dash.i18n import LANGS, t
from enact_dash.kiosk import CLOCK, SLIDES
from tests.app.conftest import page_text, run_app_page
from tests.conftest import MINIMAL, csv_text

T0 = 1_800_000_000.0
HEAD = re.compile(r"<header class='kiosk kiosk-head' lang='(\w+)' data-slide='(\w+)' data-tick='(\d+)'")


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[float], None]:
    """Set the kiosk's wall clock: ``frozen_clock(25)`` is 25 s after T0."""
    now = {"value": T0}
    monkeypatch.setattr(CLOCK, "now", lambda: now["value"])

    def set_offset(seconds: float) -> None:
        now["value"] = T0 + seconds

    return set_offset


def heads(at: AppTest) -> list[tuple[str, str, int]]:
    """(lang, slide, tick) of each slide heading drawn."""
    return [(m[0], m[1], int(m[2])) for m in HEAD.findall(page_text(at))]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert len(at.sidebar) == 0, "the kiosk draws no sidebar"
    text = page_text(at)
    for lang in LANGS:
        assert t("kiosk.unavailable", lang) not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slide", SLIDES)
def test_each_slide_renders_in_each_language(slide: str, lang: str) -> None:
    at = run_app_page("home", kiosk="1", slides=slide, lang=lang)

    assert_clean(at)
    assert heads(at) == [(lang, slide, 0)]
    assert f"data-body='{slide}'" in page_text(at)


def test_the_page_hides_streamlit_chrome_only_in_kiosk_mode() -> None:
    kiosk_text = page_text(run_app_page("home", kiosk="1", slides="events"))
    assert '[data-testid="stToolbar"]' in kiosk_text
    assert '[data-testid="stSidebar"]' in kiosk_text

    public = run_app_page("home")
    assert '[data-testid="stToolbar"]' not in page_text(public)
    assert len(public.sidebar) > 0


def test_rotation_follows_the_clock(frozen_clock: Callable[[float], None]) -> None:
    at = run_app_page("home", kiosk="1", rotate="10", slides="events,home", langs="fr,en")
    assert heads(at) == [("fr", "events", 0)]

    seen = []
    for offset in (10, 20, 30, 40):
        frozen_clock(offset)
        at.run()
        assert_clean(at)
        seen.extend(heads(at))

    assert seen == [("fr", "home", 1), ("en", "events", 2), ("en", "home", 3), ("fr", "events", 4)]


def figures_csv(value: str) -> str:
    rows = [{**MINIMAL["figures.csv"][0], "metric": "funding", "value": value}]
    return csv_text(rows, FIGURES.column_names)


BREAKAGES = {
    "column-missing": lambda path: path.write_text("id,metric,unit\nfunding,funding,eur\n", encoding="utf-8"),
    "garbage-bytes": lambda path: path.write_bytes(b"\x00\xff\xfe PK\x03\x04 not a csv \x00" * 50),
    "deleted": lambda path: path.unlink(),
    "empty": lambda path: path.write_text("", encoding="utf-8"),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_last_good_data_stays_when_a_file_breaks_and_the_fix_shows(
    breakage: str, make_data_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
    frozen_clock: Callable[[float], None],
) -> None:
    data_dir = make_data_dir(figures=figures_csv("30000000"))
    monkeypatch.setenv("ENACT_DATA_DIR", str(data_dir))
    figures = data_dir / "figures.csv"

    at = run_app_page("home", kiosk="1", slides="home", rotate="5")
    assert_clean(at)
    assert "30\u00a0M€" in page_text(at)

    BREAKAGES[breakage](figures)
    frozen_clock(5)
    at.run()
    assert_clean(at)
    assert "30\u00a0M€" in page_text(at), "the last good figures are kept"

    figures.write_text(figures_csv("31000000"), encoding="utf-8")
    os.utime(figures, ns=(figures.stat().st_mtime_ns + 10**9,) * 2)
    frozen_clock(10)
    at.run()
    assert_clean(at)
    assert "31\u00a0M€" in page_text(at), "the repaired file is picked up"
