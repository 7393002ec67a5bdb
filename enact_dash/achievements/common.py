"""Small helpers shared by the achievements modules: cell text, localised columns, axis matching."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from enact_dash.data import localized
from enact_dash.data.vocab import AXIS_ALL
from enact_dash.dates import PartialDate
from enact_dash.i18n import pick, t


def cell(value: Any) -> str:
    """Plain text of a cell: ``""`` for None, NaN and NA."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def number(value: Any) -> float | None:
    """A float, or None for an empty cell."""
    if value is None or isinstance(value, bool):
        return None
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return None if result != result else result


def partial(value: Any) -> PartialDate | None:
    return value if isinstance(value, PartialDate) else None


def row_text(row: Mapping[str, Any], stem: str, lang: str) -> str:
    """``title_en`` in English, falling back to ``title_fr``."""
    return pick({code: cell(row.get(f"{stem}_{code}")) for code in ("fr", "en", "de")}, lang)


def axis_names(axes: pd.DataFrame, lang: str) -> dict[str, str]:
    """Axis id -> name in ``lang`` (data/axes.csv order)."""
    if axes.empty:
        return {}
    return dict(zip(axes["id"].astype(str), localized(axes, "name", lang), strict=True))


def axis_label(axis: str, names: Mapping[str, str], lang: str) -> str:
    if not axis:
        return t("vocab.axis.unspecified", lang)
    if axis == AXIS_ALL:
        return t("vocab.axis.all", lang)
    return names.get(axis, axis)


def as_axes(value: Any) -> tuple[str, ...]:
    """The axes of a cell: a tuple from the loader, a ``nlp|health`` string, or one id."""
    if isinstance(value, (tuple, list)):
        return tuple(str(v) for v in value if cell(v))
    text = cell(value)
    return tuple(part.strip() for part in text.split("|") if part.strip()) if text else ()


def matches_axes(item_axes: Iterable[str], selected: Iterable[str]) -> bool:
    """The one axis rule of the page (the same as the partners page's ``all``).

    No selection shows everything. ``all`` (cluster-wide) matches every axis. An item whose axis is
    not specified stays visible under any axis filter, marked as such: hiding it would claim it does
    not concern the selected axis, which nobody has said.
    """
    wanted = set(selected)
    if not wanted:
        return True
    own = set(item_axes)
    return not own or AXIS_ALL in own or bool(own & wanted)


def is_cross_axis(item_axes: Iterable[str]) -> bool:
    """True for an item shown under every axis filter: cluster-wide (``all``) or axis not specified."""
    own = set(item_axes)
    return not own or AXIS_ALL in own


def when_text(when: PartialDate, lang: str) -> str:
    """``12 décembre 2025``, ``mai 2024``, or just ``2026`` for a year (a period, not a missing day)."""
    return when.period(lang)
