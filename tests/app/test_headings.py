"""Headings carry no "Link to heading" anchor: an English label and an extra Tab stop on every heading."""

from __future__ import annotations

import pytest

from tests.app.conftest import run_app_page

PAGES = ["home", "partners", "events", "achievements", "about"]


@pytest.mark.parametrize("page", PAGES)
def test_no_heading_has_an_anchor_link(page: str) -> None:
    at = run_app_page(page, lang="de")
    assert not at.exception
    headings = [*at.title, *at.header, *at.subheader]
    assert len(headings) >= 2  # the page's title and the sidebar's "Filter", at least
    assert [h.value for h in headings if not h.proto.hide_anchor] == []
