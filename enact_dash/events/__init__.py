"""Events: the cluster's agenda (partial dates, filtering, ordering, display, exports).

Modules: :mod:`~enact_dash.events.periods` (dates and ranges, upcoming/past rules),
:mod:`~enact_dash.events.frame` (vectorised table operations), :mod:`~enact_dash.events.display`
(labels, one event's view, table alternative, text summary), :mod:`~enact_dash.events.fds`
(mapping of the Fête de la Science open data). The calendar export is :mod:`enact_dash.ics`, the
timeline :mod:`enact_dash.charts_events`, the importer command :mod:`enact_dash.fds_import`.
"""

from enact_dash.events.display import EventView, event_view, events_table, summary_text
from enact_dash.events.frame import (
    chronological,
    count_without_days,
    filter_by,
    filter_events,
    prepare,
    split_upcoming_past,
)
from enact_dash.events.periods import format_when, is_upcoming, sort_key

__all__ = [
    "EventView",
    "chronological",
    "count_without_days",
    "event_view",
    "events_table",
    "filter_by",
    "filter_events",
    "format_when",
    "is_upcoming",
    "prepare",
    "sort_key",
    "split_upcoming_past",
    "summary_text",
]
