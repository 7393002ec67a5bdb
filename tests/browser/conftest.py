"""Fixtures for the real-browser tests (marker `browser`): one server and one chromium per session.

- `app_server`: the session's server running dashboard/app.py on the repo's data/, offline
  (ENACT_TILES=none)
  (ENACT_BROWSER_APP may point at another entry point, e.g. to try the harness on a scratch app).
- `start_server(data_dir=None, **env)`: factory for extra servers (another data directory, other
  environment variables), stopped after the test; `data_copy`: a private copy of data/ to break.
- `browser`: Debian's chromium; skipped when missing, except under CI=true where that is a failure.
- `new_app_page(server=None, **context_kwargs) -> AppPage`: a page in a fresh loopback-only context
  (`.page`, `.goto(path, **query)`, `.blocked`: the URLs the guard aborted).
- `app_page`: `new_app_page()` on the session server at the default viewport.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _harness import (
    APP_SCRIPT,
    CHROMIUM_PATH,
    REPO_ROOT,
    AppPage,
    StreamlitServer,
    chromium_available,
    launch_chromium,
    new_guarded_context,
)
from playwright.sync_api import Browser, BrowserContext, sync_playwright

# As at a kiosk or in CI: no tile layer, so every request of the app must stay on loopback.
OFFLINE_ENV = {"ENACT_TILES": "none"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def _app_script() -> Path:
    override = os.environ.get("ENACT_BROWSER_APP")
    return Path(override).resolve() if override else APP_SCRIPT


@pytest.fixture(scope="session")
def app_server() -> Iterator[StreamlitServer]:
    with StreamlitServer(script=_app_script(), env=OFFLINE_ENV) as server:
        yield server


@pytest.fixture
def start_server() -> Iterator[Callable[..., StreamlitServer]]:
    started: list[StreamlitServer] = []

    def start(data_dir: Path | None = None, **env: str) -> StreamlitServer:
        server = StreamlitServer(script=_app_script(), data_dir=data_dir, env={**OFFLINE_ENV, **env})
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the repo's data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", target)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not chromium_available():
        message = f"Debian's chromium is missing at {CHROMIUM_PATH} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def new_app_page(browser: Browser, app_server: StreamlitServer) -> Iterator[Callable[..., AppPage]]:
    contexts: list[BrowserContext] = []

    def new_page(server: StreamlitServer | None = None, **context_kwargs: Any) -> AppPage:
        context, guard = new_guarded_context(browser, (server or app_server).base_url, **context_kwargs)
        contexts.append(context)
        return AppPage(context.new_page(), guard)

    yield new_page
    for context in contexts:
        context.close()


@pytest.fixture
def app_page(new_app_page: Callable[..., AppPage]) -> AppPage:
    return new_app_page()
