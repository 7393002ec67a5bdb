"""What Streamlit would write in English on a French or German page, and the extra Tab stops it adds:
no "Link to heading" anchor on headings, no "Help for …" tooltip button on filters."""

from __future__ import annotations

import pytest

from tests.app.conftest import run_app_page

PAGES = ["home", "partners", "events", "achievements", "about"]


@pytest.mark.parametrize("page", PAGES)
def test_no_heading_anchor_and_no_tooltip_button(page: str) -> None:
    at = run_app_page(page, lang="de")
    assert not at.exception
    headings = [*at.title, *at.header, *at.subheader]
    assert len(headings) >= 2  # the page's title and the sidebar's "Filter", at least
    assert [h.value for h in headings if not h.proto.hide_anchor] == []
    widgets = [*at.button_group, *at.multiselect, *at.selectbox, *at.text_input, *at.date_input,
               *at.button, *at.toggle, *at.checkbox]
    assert widgets  # the language and the filters, at least
    assert [(w.key, w.help) for w in widgets if w.help] == []
    # How the filters work is said once, in the sidebar's text.
    assert "Keine Auswahl: alle." in " ".join(c.value for c in at.sidebar.caption)
