"""The achievements page in a real browser: renders in fr and en, offline, no serious axe violation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from _harness import (
    AppPage,
    assert_no_app_errors,
    assert_no_serious_axe,
    horizontal_overflow,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize(
    ("lang", "heading", "unpublished"),
    [
        ("fr", "Bilan et perspectives", "6 chaires pas encore publiées"),
        ("en", "Achievements and outlook", "6 chairs not yet published"),
    ],
)
def test_achievements_page_is_accessible(app_page: AppPage, lang: str, heading: str,
                                         unpublished: str) -> None:
    page = app_page.goto("achievements", lang=lang)

    assert_no_app_errors(page)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(heading)
    expect(page.get_by_text(unpublished)).to_be_visible()
    expect(page.locator("figure.enact-chart")).to_have_count(2)
    expect(page.locator(".enact-timeline li")).to_have_count(6)  # the bundled data's milestones
    assert app_page.blocked == [], "the page needed non-loopback URLs"
    assert_no_serious_axe(page)


def test_achievements_at_phone_width_has_no_horizontal_scroll(
    new_app_page: Callable[..., AppPage],
) -> None:
    app = new_app_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page = app.goto("achievements", lang="fr")

    assert_no_app_errors(page)
    expect(page.locator("figure.enact-chart")).to_have_count(2)
    assert horizontal_overflow(page) == {}
