"""AppTest helpers shared by every page test.

``run_page("partners", lang="en", axis="health")`` runs the entry point with those query parameters, then
switches to the page (as a visitor following a shared link would land on it) and returns the AppTest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from enact_dash.ui.native import KEY_PREFIX

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


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], bytes]:
    """``downloads(file_name)``: the bytes a visitor gets from the download button of that file name in
    the last run, as the browser's click would fetch them. AppTest keeps a download's data in a media
    file manager that it drops after each run, and a deferred one (a callable) only runs on a click, so
    this records what each run registers, then calls the callable as the click does."""
    files: dict[str, Callable[[], Any]] = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record_add(self: MediaFileManager, data: Any, mimetype: str, coordinates: str,
                   file_name: str | None = None, *args: Any, **kwargs: Any) -> str:
        if file_name:
            files[file_name] = lambda: data
        return add(self, data, mimetype, coordinates, file_name, *args, **kwargs)

    def record_deferred(self: MediaFileManager, data_callable: Callable[[], Any], mimetype: str | None,
                        coordinates: str, file_name: str | None = None, **kwargs: Any) -> str:
        if file_name:
            files[file_name] = data_callable
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", record_add)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)

    def fetch(file_name: str) -> bytes:
        data = files[file_name]()
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)

    return fetch


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


def native_fields(at: AppTest) -> dict[str, dict[str, Any]]:
    """The page's native fields (``enact_dash.ui.native``) by name (``"q"``, ``"sort"``…): the data each
    was drawn with (kind, label, value, options)."""
    fields = {}
    for element in at.get("bidi_component"):
        user_key = element.proto.id.split("-", 2)[-1]
        if user_key.startswith(KEY_PREFIX):
            fields[user_key.removeprefix(KEY_PREFIX)] = json.loads(element.proto.json)
    return fields


def submit_native(at: AppTest, name: str, value: str) -> AppTest:
    """Run the page as the browser does when a visitor submits the native field ``name``: the field's
    trigger goes with every widget's value. AppTest has no driver for components-v2 elements, so this
    builds the trigger the component's JavaScript sends (``setTriggerValue("submit", value)``)."""
    [element] = [e for e in at.get("bidi_component") if e.proto.id.endswith("-" + KEY_PREFIX + name)]
    states = at._tree.get_widget_states()
    trigger = states.widgets.add()
    trigger.id = _make_trigger_id(element.proto.id, "events")
    trigger.json_trigger_value = json.dumps([{"event": "submit", "value": value}])
    return at._run(states)
