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
    # anchor=False, or a named anchor that a link points to (the partner card's #partner-card): its
    # "Link to heading" is hidden by the page's style (ui.page.BASE_CSS; tests/browser check it).
    assert [h.value for h in headings if not h.proto.hide_anchor and not h.proto.anchor] == []
    widgets = [*at.button_group, *at.multiselect, *at.selectbox, *at.text_input, *at.date_input,
               *at.button, *at.toggle, *at.checkbox]
    assert widgets  # the language and the filters, at least
    assert [(w.key, w.help) for w in widgets if w.help] == []
    # How the filters work is said once, in the sidebar's text.
    assert "Keine Auswahl: alle." in " ".join(c.value for c in at.sidebar.caption)


def test_a_filters_own_help_is_text_under_it() -> None:
    """The country filter's note on the European Union (the data has such partners): text, not a tooltip."""
    at = run_app_page("partners", lang="de")
    assert not at.exception
    assert any("ist kein Land" in caption.value for caption in at.main.caption)
