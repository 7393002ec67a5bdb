"""Accessible data tables as HTML text (rendered by the pages with ``st.html``), and their sorting.

A list view is the text alternative to a map, so it is a real ``<table>``: a caption, column headers
with ``scope="col"``, ``aria-sort`` on the sorted column, one row per item. It is sorted on the server
(the sort order is part of the filters, so of the URL). Built as text, it costs the browser almost
nothing, where Streamlit's data grid loads about a megabyte of JavaScript (about 0.4 s of the partners
page's load in ``bench/``).

Every value is escaped here; callers pass plain text. Links are kept only for http(s) URLs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from enact_dash.i18n import fold
from enact_dash.sources import linkify

Kind = Literal["text", "link", "bool", "number", "links"]
_HTTP_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_URL_LABEL = re.compile(r"^https?://(?:www\.)?([^/?#]+).*$", re.IGNORECASE)


@dataclass(frozen=True)
class Column:
    """One column: the frame's column ``key``, its header ``label`` and how cells show."""

    key: str
    label: str
    kind: Kind = "text"
    long: bool = False  # long text (sources, URLs): may break anywhere, so that it wraps in its column


@dataclass(frozen=True)
class SortOrder:
    """A parsed sort parameter: ``"city"`` is city A→Z, ``"-city"`` city Z→A."""

    key: str
    descending: bool = False

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key


def parse_sort(param: str, allowed: Sequence[str], default: str) -> SortOrder:
    """The sort order of a URL parameter, or ``default`` when it names no allowed column."""
    descending = param.startswith("-")
    key = param[1:] if descending else param
    if key not in allowed:
        return SortOrder(default)
    return SortOrder(key, descending)


def sort_key(value: Any) -> Any:
    """A sort key that reads as French readers expect: case and accents ignored (É with E)."""
    if isinstance(value, bool):
        return value
    return fold(str(value))


def _blank(value: Any) -> bool:
    """None, NaN, pd.NA or empty text."""
    return value is None or (not isinstance(value, str) and bool(pd.isna(value))) or value == ""


def sort_frame(frame: pd.DataFrame, order: SortOrder, *, then: str | None = None,
               missing: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` sorted by ``order`` (stable; rows that tie keep their order, or follow ``then``).

    Empty values go last whatever the direction, as a reader expects; so do the texts that stand for
    an unknown value (``missing``: column -> text, e.g. "site non précisé").
    """
    missing = missing or {}
    if frame.empty or order.key not in frame:
        return frame
    keys = [order.key] + ([then] if then and then in frame and then != order.key else [])
    work = frame.copy()
    for key in keys:
        values = work[key]
        if pd.api.types.is_bool_dtype(values) and not values.isna().any():
            work[f"__k_{key}"] = values
        elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            work[f"__k_{key}"] = values  # 9 before 10 (as text, "10" < "9"); NaN last below
        else:
            unknown = missing.get(key)
            work[f"__k_{key}"] = values.map(
                lambda v, u=unknown: None if _blank(v) or v == u else sort_key(v))
    ascending = [not order.descending] + [True] * (len(keys) - 1)
    work = work.sort_values([f"__k_{k}" for k in keys], ascending=ascending, kind="stable",
                            na_position="last")
    return work.drop(columns=[f"__k_{k}" for k in keys]).reset_index(drop=True)


def _cell(value: Any, kind: Kind, yes_no: tuple[str, str]) -> str:
    if _blank(value):
        return ""
    if kind == "bool":
        return html.escape(yes_no[0] if bool(value) else yes_no[1])
    text = str(value)
    if kind == "links":  # text citing addresses (a source): each one a link, shown readable
        return linkify(text)
    if kind == "link":
        if not _HTTP_URL.match(text):
            return html.escape(text)
        label = _URL_LABEL.sub(r"\1", text)
        return f'<a href="{html.escape(text, quote=True)}" rel="noopener noreferrer">{html.escape(label)}</a>'
    return html.escape(text)


def table_html(
    frame: pd.DataFrame,
    columns: Sequence[Column],
    *,
    caption: str,
    order: SortOrder | None = None,
    yes_no: tuple[str, str] = ("yes", "no"),
    row_link: Callable[[Mapping[str, Any]], str] | None = None,
    link_column: str | None = None,
    link_label: str = "",
    scroll_hint: str = "",
    stack: bool = False,
) -> str:
    """The table as HTML text, in a scrolling region that a keyboard can focus and scroll (named by the
    caption).

    ``scroll_hint`` is a short visible line ("scroll sideways to see every column") that the style
    (``enact_dash.ui.page.BASE_CSS``) shows only while the table is wider than its region; hidden from
    screen readers, which read the table by its headers.

    ``row_link(row)``, when given, makes the cell of ``link_column`` a link to that address (e.g. the
    view with that item selected); ``link_label`` is its accessible name, with ``{name}`` replaced by
    the cell's text.

    ``stack=True`` lays each row out as a card of "header: value" lines on a phone-sized screen (the
    style's ``.enact-stack``), instead of a table to scroll sideways: each cell carries its header in
    ``data-label``, and the table's roles are written out, since a table shown as blocks loses them in
    some browsers.
    """
    table_role, group, row_role, header_role, cell_role = (
        (' role="table"', ' role="rowgroup"', ' role="row"', ' role="columnheader"', ' role="cell"')
        if stack else ("",) * 5)
    head = []
    for column in columns:
        sort = ""
        if order is not None and order.key == column.key:
            sort = f' aria-sort="{"descending" if order.descending else "ascending"}"'
        align = ' class="num"' if column.kind == "number" else ""
        head.append(f'<th scope="col"{header_role}{sort}{align}>{html.escape(column.label)}</th>')
    stacked = {c.key: f' data-label="{html.escape(c.label, quote=True)}"{cell_role}' if stack else ""
               for c in columns}
    body = []
    for row in frame.to_dict("records"):
        cells = []
        for column in columns:
            content = _cell(row.get(column.key), column.kind, yes_no)
            if row_link is not None and column.key == link_column and content:
                href = html.escape(row_link(row), quote=True)
                title = html.escape(link_label.replace("{name}", str(row.get(column.key, ""))), quote=True)
                content = f'<a href="{href}" target="_self" aria-label="{title}">{content}</a>'
            css = "num" if column.kind == "number" else "long" if column.long else ""
            attrs = (f' class="{css}"' if css else "") + stacked[column.key]
            cells.append(f"<td{attrs}>{content}</td>")
        body.append(f"<tr{row_role}>" + "".join(cells) + "</tr>")
    label = html.escape(caption, quote=True)
    hint = (f'<p class="enact-scroll-hint" aria-hidden="true">{html.escape(scroll_hint)}</p>'
            if scroll_hint else "")
    wrap = "enact-table-wrap enact-stack" if stack else "enact-table-wrap"
    return (
        f'<div class="{wrap}" role="region" aria-label="{label}" tabindex="0">{hint}'
        f'<table class="enact-table"{table_role}><caption>{html.escape(caption)}</caption>'
        f"<thead{group}><tr{row_role}>{''.join(head)}</tr></thead>"
        f"<tbody{group}>{''.join(body)}</tbody></table></div>"
    )


def sort_options(columns: Mapping[str, str], asc: str, desc: str) -> dict[str, str]:
    """Sort parameter -> label for a sort chooser: every column both ways (``asc``/``desc`` are
    translated templates with ``{column}``)."""
    out: dict[str, str] = {}
    for key, label in columns.items():
        out[key] = asc.replace("{column}", label)
        out[f"-{key}"] = desc.replace("{column}", label)
    return out
