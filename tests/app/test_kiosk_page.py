"""The kiosk page under AppTest: every slide in every language, rotation by the clock, broken data."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from enact_dash.data.schemas import FIGURES
from enact_dash.i18n import LANGS, t
from enact_dash.kiosk import CLOCK, SLIDES
from tests.app.conftest import REPO, page_text, run_app_page
from tests.conftest import MINIMAL, csv_text

T0 = 1_800_000_000.0
PUBLIC = "https://enact.example.org"
HEAD = re.compile(r"<header class='kiosk kiosk-head' lang='(\w+)' data-slide='(\w+)' data-tick='(\d+)'")


@pytest.fixture(autouse=True)
def public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """A public address for the QR codes (without one the kiosk shows none: see the test below)."""
    monkeypatch.setenv("ENACT_PUBLIC_URL", PUBLIC)


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


# --- a link's unknown values: left out, never said on the screen (logged) ----------------------------


@pytest.mark.parametrize(
    ("query", "unknown", "kept"),
    [
        ({"axis": "nope"}, "nope", ""),
        ({"axis": "nope,health"}, "nope", "axis=health"),
        ({"city": "Atlantis"}, "Atlantis", ""),
        ({"city": "Atlantis,nancy"}, "Atlantis", "city=Nancy"),
        ({"slides": "nope,events"}, "nope", "slides=events"),
        ({"slides": "nope"}, "nope", ""),
        ({"rotate": "abc"}, "abc", ""),
    ],
)
def test_unknown_link_values_are_left_out_silently_and_logged(
    query: dict[str, str], unknown: str, kept: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="enact_dash.ui.state"):
        at = run_app_page("home", kiosk="1", lang="fr", **query)

    assert_clean(at)
    assert list(at.toast) == []
    assert unknown not in page_text(at)  # neither the theme line nor the QR code's address
    if kept:
        assert kept in "&".join(f"{k}={v}" for k, v in at.query_params.items())
    logged = [r.getMessage() for r in caplog.records if r.name == "enact_dash.ui.state"]
    assert len(logged) == 1, logged
    assert repr(unknown) in logged[0]

    caplog.clear()
    at.run()  # the next run logs nothing new
    assert list(at.toast) == []
    assert not [r for r in caplog.records if r.name == "enact_dash.ui.state"]


def test_a_known_axis_names_the_theme_and_stays_in_the_qr_link() -> None:
    at = run_app_page("home", kiosk="1", lang="fr", axis="nope,health", slides="events")

    text = page_text(at)
    assert t("kiosk.theme", "fr", names="Santé numérique") in text
    assert "axis=health" in text
    assert "nope" not in text


@pytest.mark.parametrize("base", ["https://enact.example.org", "http://localhost:8501", None])
def test_the_qr_code_is_shown_only_for_a_public_address(monkeypatch: pytest.MonkeyPatch,
                                                        base: str | None) -> None:
    if base is None:
        monkeypatch.delenv("ENACT_PUBLIC_URL")
    else:
        monkeypatch.setenv("ENACT_PUBLIC_URL", base)
    at = run_app_page("home", kiosk="1", lang="fr", slides="events")

    assert_clean(at)
    text = page_text(at)
    assert ("<figure class='kiosk-qr'>" in text) is (base == PUBLIC)
    assert ("<span>enact.example.org</span>/<wbr><span>events</span>" in text) is (base == PUBLIC)
    assert "localhost" not in text


def test_the_public_pages_keep_their_notice() -> None:
    at = run_app_page("home", lang="fr", axis="nope")
    assert len(at.toast) == 1
    assert "axis=nope" in at.toast[0].value.replace("\\", "")


@pytest.mark.parametrize("broken", ["axes.csv", "partners.csv"])
def test_chairs_slide_keeps_what_the_last_good_file_gives_them(
    broken: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen_clock: Callable[[float], None],
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(REPO / "data", data_dir)
    monkeypatch.setenv("ENACT_DATA_DIR", str(data_dir))
    at = run_app_page("home", kiosk="1", slides="chairs", rotate="5", lang="fr")
    good = page_text(at)
    assert "Santé numérique" in good
    assert "Université de Strasbourg" in good or "Unistra" in good

    (data_dir / broken).write_text("", encoding="utf-8")  # `: > axes.csv` while the kiosk runs
    frozen_clock(5)
    at.run()
    assert_clean(at)
    text = page_text(at)
    assert "Santé numérique" in text, "the chairs keep their axis"
    assert "Université de Strasbourg" in text or "Unistra" in text, "and their institution"
    assert t("kiosk.chairs.none_presented", "fr") not in text
