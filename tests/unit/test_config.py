"""Settings from the environment, and the app's root address from a page's address."""

from __future__ import annotations

import pytest

from enact_dash.config import DEFAULT_PUBLIC_URL, app_root, get_settings


@pytest.mark.parametrize(
    ("env", "url", "is_set"),
    [
        ({}, DEFAULT_PUBLIC_URL, False),
        ({"ENACT_PUBLIC_URL": ""}, DEFAULT_PUBLIC_URL, False),
        ({"ENACT_PUBLIC_URL": "https://enact.example.org/"}, "https://enact.example.org", True),
    ],
)
def test_public_url(env: dict[str, str], url: str, is_set: bool) -> None:
    settings = get_settings(env)
    assert settings.public_url == url
    assert settings.public_url_set is is_set


@pytest.mark.parametrize(
    ("page_url", "page_path", "root"),
    [
        ("http://192.168.1.20:8501/partners", "partners", "http://192.168.1.20:8501"),
        ("http://192.168.1.20:8501/", "", "http://192.168.1.20:8501"),
        ("http://192.168.1.20:8501", "", "http://192.168.1.20:8501"),
        ("https://example.org/dash/events", "events", "https://example.org/dash"),  # a base path is kept
        ("https://example.org/dash/", "", "https://example.org/dash"),
        # a path that does not end with the page's: left whole
        ("https://example.org/partners-old/x", "partners", "https://example.org/partners-old/x"),
        (None, "partners", None),
        ("", "", None),
        ("/partners", "partners", None),  # no scheme or host: nothing to build a link on
    ],
)
def test_app_root(page_url: str | None, page_path: str, root: str | None) -> None:
    assert app_root(page_url, page_path) == root
