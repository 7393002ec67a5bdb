"""`enact-dash kiosk`: the address to open and the command it runs."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest

from enact_dash import cli
from enact_dash.filters import Filters
from enact_dash.kiosk import cli_main, kiosk_url


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "http://localhost:8501/?kiosk=1"),
        ({"rotate": 7}, "http://localhost:8501/?kiosk=1&rotate=7"),
        ({"rotate": 2}, "http://localhost:8501/?kiosk=1&rotate=5"),
        ({"slides": ["events", "home"]}, "http://localhost:8501/?kiosk=1&slides=events&slides=home"),
        ({"slides": ["home", "partners", "events", "chairs", "achievements"]},
         "http://localhost:8501/?kiosk=1"),
        ({"langs": ["fr", "en", "xx"]}, "http://localhost:8501/?kiosk=1&langs=fr&langs=en"),
        ({"lang": "de", "axis": ["health"]}, "http://localhost:8501/?lang=de&axis=health&kiosk=1"),
    ],
)
def test_kiosk_url(kwargs: dict[str, object], expected: str) -> None:
    url = kiosk_url("http://localhost:8501", **kwargs)  # type: ignore[arg-type]
    assert url == expected
    assert Filters.from_query_params(_query(url)).kiosk


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_dry_run_prints_the_address_and_the_command() -> None:
    out = io.StringIO()
    status = cli_main(["--port", "8600", "--rotate", "9", "--slides", "events,partners", "--langs",
                       "fr,en", "--lang", "en", "--dry-run"], out=out)

    text = out.getvalue()
    url = "http://localhost:8600/?lang=en&kiosk=1&rotate=9&slides=events&slides=partners&langs=fr&langs=en"
    assert status == 0
    assert f"Kiosk: open {url}" in text
    assert f"chromium --kiosk --app='{url}'" in text
    assert "streamlit run" in text
    assert "--server.port 8600" in text
    assert "--server.headless true" in text


def test_unknown_slide_names_are_refused() -> None:
    err = io.StringIO()
    assert cli_main(["--slides", "home,bogus", "--dry-run"], out=io.StringIO(), err=err) == 2
    assert "bogus" in err.getvalue()


def test_the_main_command_dispatches_kiosk(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["kiosk", "--dry-run", "--port", "8123"]) == 0
    assert "http://localhost:8123/?kiosk=1" in capsys.readouterr().out
