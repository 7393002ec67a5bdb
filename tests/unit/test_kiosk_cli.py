"""`enact-dash kiosk`: the address to open and the command it runs."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest

from enact_dash import cli
from enact_dash.filters import Filters
from enact_dash.i18n import t
from enact_dash.kiosk import cli_main, kiosk_url
from enact_dash.kiosk.cli import public_url_warning


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


@pytest.mark.parametrize(
    ("env", "lang", "expected"),
    [
        ({}, "fr", t("kiosk.cli.public_url_unset", "fr")),
        ({"ENACT_PUBLIC_URL": "  "}, "en", t("kiosk.cli.public_url_unset", "en")),
        ({"ENACT_PUBLIC_URL": "http://localhost:8501/"}, "fr",
         t("kiosk.cli.public_url_local", "fr", url="http://localhost:8501")),
        ({"ENACT_PUBLIC_URL": "http://127.0.0.1:8501"}, "de",
         t("kiosk.cli.public_url_local", "de", url="http://127.0.0.1:8501")),
        ({"ENACT_PUBLIC_URL": "http://0.0.0.0:8501"}, "fr",
         t("kiosk.cli.public_url_local", "fr", url="http://0.0.0.0:8501")),
        ({"ENACT_PUBLIC_URL": "https://enact.example.org"}, "fr", ""),
        ({"ENACT_PUBLIC_URL": "http://192.168.1.20:8501"}, "fr", ""),  # the stand's network
    ],
    ids=["unset", "blank", "localhost", "127.0.0.1", "0.0.0.0", "public", "lan"],
)
def test_public_url_warning(env: dict[str, str], lang: str, expected: str) -> None:
    assert public_url_warning(env, lang) == expected


def test_the_kiosk_command_warns_in_french_when_the_qr_code_cannot_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ENACT_PUBLIC_URL", raising=False)
    out, err = io.StringIO(), io.StringIO()
    assert cli_main(["--dry-run"], out=out, err=err) == 0
    assert err.getvalue().startswith("Attention\u00a0: ENACT_PUBLIC_URL n’est pas définie.")
    assert "Kiosque\u00a0: ouvrez http://localhost:8501/?kiosk=1" in out.getvalue()

    monkeypatch.setenv("ENACT_PUBLIC_URL", "https://enact.example.org")
    err = io.StringIO()
    assert cli_main(["--dry-run"], out=io.StringIO(), err=err) == 0
    assert err.getvalue() == ""
