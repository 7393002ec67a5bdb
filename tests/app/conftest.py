"""AppTest helpers shared by every page test.

``run_page("partners", lang="en", axis="health")`` runs the entry point with those query parameters, then
switches to the page (as a visitor following a shared link would land on it) and returns the AppTest.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "dashboard" / "app.py"
PAGES = ("home", "partners", "events", "achievements", "about")
TIMEOUT = 60


def run_app_page(page: str = "home", /, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "home":
        at.switch_page(f"../pages/{page}.py")
        at.run()
    return at


@pytest.fixture
def run_page() -> Callable[..., AppTest]:
    return run_app_page


def page_text(at: AppTest) -> str:
    """All the text a visitor reads on the page (markdown, titles, captions, html, metrics...)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning",
                 "success", "error", "metric", "code", "latex", "expander"):
        for element in getattr(at, kind, []):
            for attr in ("value", "body", "label"):
                value = getattr(element, attr, None)
                if isinstance(value, str):
                    parts.append(value)
    for element in at.get("html"):
        body = getattr(element.proto, "body", "")
        if body:
            parts.append(body)
    return "\n".join(parts)


def query_values(at: AppTest, key: str) -> list[str]:
    """The values of one URL parameter after a run (AppTest keeps a lone value as a plain str)."""
    value = at.query_params.get(key)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
