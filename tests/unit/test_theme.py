"""The theme in .streamlit/config.toml keeps text contrast at WCAG AA (>= 4.5:1) everywhere."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


THEME = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["theme"]


@pytest.mark.parametrize("foreground", ["textColor", "primaryColor", "linkColor"])
@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_text_contrast_is_aa(foreground, background):
    assert contrast(THEME[foreground], THEME[background]) >= 4.5


def test_white_text_on_primary_buttons_is_aa():
    assert contrast("#ffffff", THEME["primaryColor"]) >= 4.5


def test_contrast_function_on_known_pairs():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_base_css_survives_the_html_sanitizer() -> None:
    """st.html's sanitizer (DOMPurify) drops a whole <style> whose text holds "<" + a letter or "/"."""
    from enact_dash.ui.page import BASE_CSS

    inner = BASE_CSS.split("<style>", 1)[1].rsplit("</style>", 1)[0]
    assert re.search(r"<[/\w]", inner) is None
