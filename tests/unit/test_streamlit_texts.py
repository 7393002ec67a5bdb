"""Streamlit's own texts around the pages (English whatever the language) are said in the page's
language (enact_dash.ui.page.STREAMLIT_TEXTS_JS; the browser test checks them on the page)."""

from __future__ import annotations

import json

import pytest

from enact_dash.ui.page import STREAMLIT_TEXTS, STREAMLIT_TEXTS_JS, streamlit_texts


@pytest.mark.parametrize(
    ("lang", "english", "expected"),
    [
        ("fr", "Skip to main content", "Aller au contenu principal"),
        ("fr", "Expand sidebar", "Déplier la barre latérale"),
        ("fr", "Link to heading", "Lien vers cette section"),
        ("de", "Sidebar", "Seitenleiste"),
        ("de", "App pages", "Seiten des Dashboards"),
        ("en", "App pages", "Dashboard pages"),
        ("en", "Skip to main content", "Skip to main content"),
    ],
)
def test_each_text_has_ours(lang: str, english: str, expected: str) -> None:
    assert streamlit_texts(lang)[english] == expected


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_no_text_stays_english(lang: str) -> None:
    texts = streamlit_texts(lang)
    assert set(texts) == set(STREAMLIT_TEXTS)
    assert all(ours and ours != english for english, ours in texts.items())


def test_the_script_selects_every_text_and_keeps_its_placeholders_filled() -> None:
    for english in STREAMLIT_TEXTS:
        assert json.dumps(f'[aria-label="{english}"]')[1:-1] in STREAMLIT_TEXTS_JS
    assert "LABELLED" not in STREAMLIT_TEXTS_JS
    assert "(SKIP)" not in STREAMLIT_TEXTS_JS
    assert STREAMLIT_TEXTS_JS.count("TEXTS") == 1  # filled per language by set_document_language
