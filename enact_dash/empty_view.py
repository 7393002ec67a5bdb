"""What a list page says when its filters match nothing: one message and one way back (pure).

Instead of an empty map, an empty table, empty lists and downloads of an empty file, the page shows one
message and one button. The button clears the page's own filters (and the search, and the selected
item), keeping the language, the shared filters and the list's order; when the page's own filters are
already clear (only the sidebar's axis or city empty the view), it clears those. With no filter at all
(no data), there is nothing to clear and no button.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from enact_dash.filters import SHARED_FILTERS, Filters
from enact_dash.i18n import t


@dataclass(frozen=True)
class EmptyView:
    """The one message of an empty view and, when some filter is set, the view its button goes to."""

    message: str  # plain text (the page escapes it for Markdown)
    action: str  # the button's label ("" when there is nothing to clear)
    cleared: Filters | None  # the filters after the button (None: no button)


def empty_view(filters: Filters, own: Sequence[str], lang: str, *, domain: str,
               selection: str = "", why: str = "") -> EmptyView:
    """The empty view of a page whose own filters are ``own`` (e.g. type, country, relation, search)
    and whose selected item is the field ``selection`` (cleared with them).

    The message comes from ``<domain>.empty.<case>``: ``search`` (only the search is set),
    ``search_filters`` (the search and filters), ``filters`` (filters only) or ``data`` (nothing set);
    ``why``, when the page knows better why nothing matches (companies exist, unnamed), replaces it.
    """
    own_set = filters.set_among(own)
    shared_set = filters.set_among(SHARED_FILTERS)
    query = filters.q if "q" in own else ""
    if query and own_set == ["q"] and not shared_set:
        case = "search"
    elif query:
        case = "search_filters"
    elif own_set or shared_set:
        case = "filters"
    else:
        return EmptyView(t(f"{domain}.empty.data", lang), "", None)
    message = why or t(f"{domain}.empty.{case}", lang, q=query)
    extra = (selection,) if selection else ()
    if own_set:
        return EmptyView(message, t("common.empty.clear_page", lang), filters.cleared((*own, *extra)))
    return EmptyView(message, t("common.empty.clear_shared", lang),
                     filters.cleared((*SHARED_FILTERS, *extra)))


def shared_filters_text(filters: Filters, axis_names: Mapping[str, str], lang: str) -> str:
    """The sidebar's filters in use, said in the page ("Filtré dans la barre latérale : axe de recherche :
    Santé numérique · ville : Nancy."), or "" when none is set. On a phone the sidebar is folded: a link
    with ``?axis=health`` narrowed the page with no visible cause."""
    parts = []
    if filters.axis:
        parts.append(t("common.shared_note.axis", lang,
                       values=", ".join(axis_names.get(axis, axis) for axis in filters.axis)))
    if filters.city:
        parts.append(t("common.shared_note.city", lang, values=", ".join(filters.city)))
    return t("common.shared_note.text", lang, filters=" · ".join(parts)) if parts else ""
