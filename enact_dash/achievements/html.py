"""HTML fragments of the achievements page (chair cards, progress bars, actions, conflicting figures).

Pure functions returning strings; every text is escaped here, so callers pass plain text from the data.
Native elements carry the semantics (lists, ``<progress>`` with an accessible name); status and
precision are said in words, never by colour alone.
"""

from __future__ import annotations

import html

import pandas as pd

from enact_dash import sources
from enact_dash.achievements.actions import STATUS_ICONS, ActionItem
from enact_dash.achievements.chairs import ChairCard, PlannedChairs
from enact_dash.achievements.common import when_text
from enact_dash.achievements.milestones import Milestone
from enact_dash.achievements.review import Conflict
from enact_dash.achievements.targets import TargetProgress, dated, progress_text
from enact_dash.figures import Figure
from enact_dash.html_table import Column, table_html
from enact_dash.i18n import plural, t

CSS = """
<style>
.enact-list { list-style: none; padding: 0 !important; margin: 0.5rem 0 1rem !important;
  display: grid; gap: 0.8rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.enact-card { border: 1px solid #c9d3e0; border-radius: 0.6rem; padding: 0.8rem 1rem; background: #fff; }
.enact-card.pending { background: #f4f4f4; border-style: dashed; }
.enact-card .title { font-weight: 700; font-size: 1.05rem; color: #0b2e59; margin: 0 0 0.3rem; }
.enact-card .title.unknown { font-style: italic; color: #44505e; }
.enact-card p { margin: 0.15rem 0; color: #1f2a37; }
.enact-card .meta { font-size: 0.9rem; color: #36414f; }
.enact-card .source { font-size: 0.8rem; color: #44505e; margin-top: 0.4rem; overflow-wrap: anywhere; }
.enact-card a { color: #1d4e89; }
.enact-badge { display: inline-block; font-size: 0.8rem; border: 1px solid #36414f; border-radius: 1rem;
  padding: 0 0.5rem; margin-right: 0.3rem; color: #1f2a37; background: #fff; }
.enact-targets { list-style: none; padding: 0 !important; margin: 0.5rem 0 1rem !important; }
.enact-targets li { margin-bottom: 1rem; }
.enact-targets progress { width: 100%; height: 1.1rem; accent-color: #1d4e89; }
.enact-targets .label { font-weight: 700; margin: 0; color: #0b2e59; }
.enact-targets .nomeasure { font-style: italic; color: #36414f; border-left: 4px solid #8a96a3;
  padding-left: 0.5rem; margin: 0.3rem 0; }
.enact-targets .meta, .enact-targets .source { font-size: 0.85rem; color: #36414f; margin: 0.1rem 0;
  overflow-wrap: anywhere; }
</style>
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def source_html(source: str, lang: str) -> str:
    """``Source : <a>…</a> ; citation``: each address a link, the citations joined in ``lang``'s way;
    "" when there is no source."""
    if not source:
        return ""
    label = _e(t("achievements.source_label", lang))
    return f"<p class='source'>{label} {sources.source_html(source, lang)}</p>"


def chair_cards_html(cards: list[ChairCard], unpublished: int, lang: str) -> str:
    """The presented chairs, then one card saying how many are not yet published."""
    items = []
    for card in cards:
        title_class = "title" if card.title else "title unknown"
        who = ", ".join(p for p in (card.holder, card.role) if p) or t("achievements.unknown", lang)
        where = ", ".join(p for p in (card.institution, card.city) if p)
        lines = [f"<p class='{title_class}'>{_e(card.display_title(lang))}</p>",
                 f"<p>{_e(who)}</p>"]
        if where:
            lines.append(f"<p class='meta'>{_e(where)}</p>")
        axis = card.axis_label or t("achievements.chairs.axis_unpublished_one", lang)
        lines.append(f"<p class='meta'>{_e(t('achievements.chairs.axis', lang, axis=axis))}</p>")
        if card.summary:
            lines.append(f"<p>{_e(card.summary)}</p>")
        lines.append(source_html(card.source, lang))
        items.append("<li class='enact-card'>" + "".join(lines) + "</li>")
    if unpublished:
        text = plural("achievements.chairs.unpublished", unpublished, lang)
        detail = plural("achievements.chairs.unpublished_detail", unpublished, lang)
        items.append("<li class='enact-card pending'>"
                     f"<p class='title unknown'>{_e(text)}</p>"
                     f"<p class='meta'>{_e(detail)}</p>"
                     "</li>")
    return CSS + "<ul class='enact-list'>" + "".join(items) + "</ul>" if items else ""


def targets_html(items: list[TargetProgress], lang: str) -> str:
    """One progress bar per target with a measure; "no measure published yet" otherwise."""
    rows = []
    for item in items:
        words = progress_text(item, lang)
        parts = [f"<p class='label'>{_e(item.label)}</p>"]
        if item.progress is not None:
            name = f"{item.label} — {words}"
            parts.append(f"<progress max='100' value='{round(item.progress * 100)}' "
                         f"aria-label='{_e(name)}'>{_e(words)}</progress>")
            parts.append(f"<p class='meta'>{_e(words)}</p>")
        else:
            parts.append(f"<p class='nomeasure'>{_e(words)}</p>")
        parts.append("<p class='meta'>" + _e(t(
            "achievements.targets.from_to", lang,
            baseline=dated(item.baseline, item.baseline_date, item.unit, lang),
            target=dated(item.target, item.target_date, item.unit, lang))) + "</p>")
        parts.append(source_html(item.source, lang))
        rows.append("<li>" + "".join(parts) + "</li>")
    return CSS + "<ul class='enact-targets'>" + "".join(rows) + "</ul>" if rows else ""


def actions_html(items: list[ActionItem], lang: str) -> str:
    """The actions as cards: status in words (with a shape; dated where it may have changed since a
    source stated it, see :func:`~enact_dash.achievements.actions.status_text`), pillar, target, axes,
    source."""
    cards = []
    for item in items:
        badges = (f"<span class='enact-badge'>{_e(STATUS_ICONS.get(item.status, ''))} "
                  f"{_e(item.status_text)}</span>"
                  f"<span class='enact-badge'>{_e(item.pillar_label)}</span>")
        lines = [f"<p class='title'>{_e(item.title)}</p>", f"<p>{badges}</p>"]
        if item.target:
            target = t("achievements.actions.target", lang, target=item.target)
            lines.append(f"<p class='meta'>{_e(target)}</p>")
        axes = (t("achievements.actions.axes", lang, axes=item.axes_label) if item.axes
                else t("achievements.actions.axes_unspecified", lang))
        lines.append(f"<p class='meta'>{_e(axes)}</p>")
        lines.append(source_html(item.source, lang))
        cards.append("<li class='enact-card'>" + "".join(lines) + "</li>")
    return CSS + "<ul class='enact-list'>" + "".join(cards) + "</ul>" if cards else ""


def _figure_line(fig: Figure, lang: str) -> str:
    shown_when = when_text(fig.as_of, lang) if fig.as_of else ""
    when = f" ({_e(shown_when)})" if shown_when and shown_when not in fig.label else ""
    note = f" — {_e(fig.note)}" if fig.note else ""
    return (f"<p><strong>{_e(fig.text)}</strong> {_e(fig.label)}{when}{note}</p>"
            + source_html(fig.source, lang))


def conflicts_html(conflicts: list[Conflict], lang: str) -> str:
    """Each conflicting metric: the figure shown, then the others with their sources."""
    cards = []
    for conflict in conflicts:
        others = "".join(f"<li>{_figure_line(f, lang)}</li>" for f in conflict.others)
        if conflict.primary is not None:
            shown = (f"<p class='meta'>{_e(t('achievements.conflicts.shown', lang))}</p>"
                     + _figure_line(conflict.primary, lang))
        else:  # the primary figure is missing: said, and no other figure takes its place
            shown = f"<p class='meta'>{_e(t('achievements.conflicts.primary_missing', lang))}</p>"
        cards.append(
            "<li class='enact-card'>" + shown
            + f"<p class='meta'>{_e(t('achievements.conflicts.others', lang))}</p>"
            f"<ul>{others}</ul></li>"
        )
    return CSS + "<ul class='enact-list'>" + "".join(cards) + "</ul>" if cards else ""


def milestone_list_html(items: list[Milestone], lang: str) -> str:
    """A short dated list (the milestones of the year in review)."""
    rows = "".join(
        f"<li><strong>{_e(m.when_text)}</strong> — {_e(m.label)}</li>" for m in items
    )
    return f"<ul>{rows}</ul>" if rows else ""


def planned_html(planned: PlannedChairs, lang: str) -> str:
    """The international chairs planned: the number, the year where known, the source."""
    text = (plural("achievements.chairs.planned_year", planned.count, lang, year=planned.year)
            if planned.year else plural("achievements.chairs.planned", planned.count, lang))
    return (CSS + "<div class='enact-card'>"
            f"<p class='title'>{_e(text)}</p>"
            f"<p class='meta'>{_e(t('achievements.chairs.planned_detail', lang))}</p>"
            + source_html(planned.source, lang) + "</div>")


def frame_table_html(frame: pd.DataFrame, caption: str, lang: str) -> str:
    """A table alternative (a chart's or a list's data, headers already translated, cells already
    formatted as text) as an accessible HTML table: Streamlit's ``st.table`` loads about 0.1 s of
    JavaScript on the page's first load (``bench/widget_costs.py``). Source columns may wrap anywhere."""
    columns = [Column(str(name), str(name), long=index == len(frame.columns) - 1 and len(frame.columns) > 2)
               for index, name in enumerate(frame.columns)]
    return table_html(frame.astype(object).where(frame.notna(), ""), columns, caption=caption,
                      scroll_hint=t("common.table.scroll_hint", lang))
