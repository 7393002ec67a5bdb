"""The about page's content: every source with what it backs, disagreements between sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd

from enact_dash.data import Dataset
from enact_dash.figures import Figure, figures_of
from enact_dash.filters import Filters
from enact_dash.html_table import Column, table_html
from enact_dash.i18n import t
from enact_dash.sources import parts
from enact_dash.sources import shown as shown_source

# The data files whose rows carry a source, in the order a visitor reads them.
SOURCED_TABLES = ("partners", "events", "chairs", "figures", "actions", "targets", "milestones", "axes")


def sources_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """One row per citation: which data sets rely on it and for how many records (a record whose source
    field gives two citations counts once for each)."""
    records: dict[str, dict[str, int]] = {}
    for name in SOURCED_TABLES:
        frame = dataset.tables.get(name)
        if frame is None or frame.empty or "source" not in frame:
            continue
        for source, count in frame["source"].value_counts().items():
            for citation in dict.fromkeys(parts(str(source))):  # a citation written twice counts once
                used = records.setdefault(citation, {})
                used[name] = used.get(name, 0) + int(count)
    rows = [
        {
            t("about.col.source", lang): source,
            t("about.col.datasets", lang): ", ".join(
                t(f"about.table.{name}", lang) for name in SOURCED_TABLES if name in used
            ),
            t("about.col.records", lang): sum(used.values()),
        }
        for source, used in sorted(records.items(), key=lambda item: -sum(item[1].values()))
    ]
    columns = [t("about.col.source", lang), t("about.col.datasets", lang), t("about.col.records", lang)]
    return pd.DataFrame(rows, columns=columns)


def sources_html(dataset: Dataset, lang: str) -> str:
    """The sources table as an accessible HTML table (escaped; see :mod:`enact_dash.html_table`)."""
    frame = sources_table(dataset, lang)
    columns = [Column(name, name, "number" if i == 2 else "links" if i == 0 else "text", long=i == 0)
               for i, name in enumerate(frame.columns)]
    return table_html(frame, columns, caption=t("about.sources_caption", lang),
                      scroll_hint=t("common.table.scroll_hint", lang))


@dataclass(frozen=True)
class Disagreement:
    metric: str
    shown: Figure
    others: tuple[Figure, ...]


def disagreements(dataset: Dataset, lang: str) -> list[Disagreement]:
    """Metrics for which sources give different figures: the one shown, and the others, openly."""
    by_metric: dict[str, list[Figure]] = {}
    for read in figures_of(dataset.figures, lang):
        figure = replace(read, source=shown_source(read.source, lang))  # citations joined as the page writes
        by_metric.setdefault(figure.metric, []).append(figure)
    out = []
    for metric, figures in by_metric.items():
        shown = next((f for f in figures if f.primary), None)
        if len(figures) < 2 or shown is None:  # no primary figure (left out): none is shown, none named
            continue
        out.append(Disagreement(metric, shown, tuple(f for f in figures if f is not shown)))
    return out


def shared_filter_names(filters: Filters, axis_names: Mapping[str, str]) -> str:
    """The sidebar's active filters as the page names them: the axes' names, then the cities."""
    return ", ".join([*(axis_names.get(axis, axis) for axis in filters.axis), *filters.city])
