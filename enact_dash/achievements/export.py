"""The key figures' download: every figure of data/figures.csv, for people (CSV) and programs (JSON).

CSV: headers and values in the page's language (label, unit, accuracy as words; the figure as the page
writes it beside the number), the date as ISO text that sorts; what is not known is said, never an
empty cell. JSON: codes under stable English keys, ``*_label`` in the page's language, every
translation, ``null`` for unknown. Both keep the figure's ``id`` and its ``metric`` (figures of the
same thing from different sources share it).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from enact_dash.achievements.common import cell, number, partial
from enact_dash.exports import Download
from enact_dash.figures import figures_of
from enact_dash.i18n import LANGS, has_key, t
from enact_dash.sources import shown

CSV_COLUMNS = ("id", "metric", "label", "value", "unit", "qualifier", "shown", "as_of", "primary", "note",
               "source")
_HEADERS = {"id": "id", "metric": "metric_id", "qualifier": "qualifier"}  # else achievements.col.<key>
JSON_KEYS = (
    "id", "metric", *(f"label_{code}" for code in LANGS), "value", "unit", "unit_label", "qualifier",
    "qualifier_label", "shown_label", "as_of", "primary", *(f"note_{code}" for code in LANGS), "source",
)


def csv_headers(lang: str) -> dict[str, str]:
    """Column key -> header of the CSV in ``lang``."""
    return {key: t(f"achievements.col.{_HEADERS.get(key, key)}", lang) for key in CSV_COLUMNS}


def _label(domain: str, code: str, lang: str) -> str | None:
    key = f"vocab.{domain}.{code}"
    return t(key, lang) if code and has_key(key) else (code or None)


def figures_download(frame: pd.DataFrame, lang: str) -> Download:
    """All figures (file order) as a :class:`~enact_dash.exports.Download` (no filter applies)."""
    unknown, unspecified = t("common.unknown", lang), t("common.not_specified", lang)
    yes, no = t("achievements.yes", lang), t("achievements.no", lang)
    records: list[dict[str, Any]] = []
    cells: list[dict[str, Any]] = []
    for fig, raw in zip(figures_of(frame, lang), frame.to_dict("records"), strict=True):
        when = partial(raw.get("as_of"))
        unit, qualifier = cell(raw.get("unit")), cell(raw.get("qualifier"))
        record: dict[str, Any] = {"id": cell(raw.get("id")), "metric": fig.metric}
        record.update({f"label_{code}": cell(raw.get(f"label_{code}")) or None for code in LANGS})
        record.update({
            "value": number(raw.get("value")),
            "unit": unit or None,
            "unit_label": _label("unit", unit, lang),
            "qualifier": qualifier or None,
            "qualifier_label": _label("qualifier", qualifier, lang),
            "shown_label": fig.text,
            "as_of": when.iso() if when else None,
            "primary": fig.primary,
        })
        record.update({f"note_{code}": cell(raw.get(f"note_{code}")) or None for code in LANGS})
        record["source"] = fig.source or None
        records.append(record)
        cells.append({
            "id": record["id"],
            "metric": record["metric"],
            "label": fig.label,
            "value": unknown if record["value"] is None else record["value"],
            "unit": record["unit_label"] or unspecified,
            "qualifier": record["qualifier_label"] or unspecified,
            "shown": fig.text,
            "as_of": record["as_of"] or unspecified,
            "primary": yes if fig.primary else no,
            "note": fig.note,
            "source": shown(fig.source, lang) or unknown,
        })
    table = pd.DataFrame(cells, columns=list(CSV_COLUMNS)).rename(columns=csv_headers(lang))
    return Download(dataset="figures", lang=lang, table=table,
                    records=pd.DataFrame(records, columns=list(JSON_KEYS)))
