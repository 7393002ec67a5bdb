"""What the partners page shows as text: the list view, the detail card, the by-city view.

Labels come from the catalogues (``vocab.*``, ``partners.*``); unknown stays unknown and is said so
("site non précisé", "axe non précisé"), never guessed. Text that reaches HTML is escaped here.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
from babel import Locale

from enact_dash import sources
from enact_dash.data.vocab import AXIS_ALL, NOT_COUNTRIES, PARTNER_TYPES, RELATIONS
from enact_dash.html_table import Column, SortOrder, sort_options, table_html
from enact_dash.i18n import BABEL_LOCALE, LANGS, format_number, has_key, normalize_lang, pick, t
from enact_dash.memo import IdentityMemo
from enact_dash.partners.filtering import as_ids
from enact_dash.partners.summary import located_mask

# The list view's columns, in order (labels: ``partners.column.<name>``).
LIST_COLUMNS = ("name", "type", "city", "country", "relation", "axes", "on_map", "website", "source")


def text(value: Any) -> str:
    """A cell as text; missing values (None, NaN, NA) become empty text."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def flag(value: Any) -> bool:
    """True only for a true boolean cell (missing or text values are not "yes")."""
    return isinstance(value, bool | np.bool_) and bool(value)


def safe_url(value: Any) -> str:
    """An http(s) URL, or empty text (other schemes, e.g. ``javascript:``, never become links)."""
    url = text(value).strip()
    parts = urlsplit(url)
    return url if parts.scheme.lower() in {"http", "https"} and parts.netloc else ""


def type_label(ptype: str, lang: str) -> str:
    key = f"vocab.partner_type.{ptype}"
    return t(key, lang) if has_key(key) else ptype


def relation_label(relation: str, lead: Any, lang: str) -> str:
    """``Membre`` or ``Membre (porteur)`` for the lead partner."""
    key = f"vocab.relation.{relation}"
    label = t(key, lang) if has_key(key) else relation
    if flag(lead):
        return t("partners.relation_lead", lang, relation=label)
    return label


@cache
def country_label(code: str, lang: str) -> str:
    """``Allemagne`` / ``Germany`` / ``Deutschland``: the catalogue first, then Babel's territory names."""
    if not code:
        return ""
    key = f"vocab.country.{code}"
    if has_key(key):
        return t(key, lang)
    locale = Locale.parse(BABEL_LOCALE[normalize_lang(lang)])
    return str(locale.territories.get(code.upper(), code))


def axes_label(axes: Any, lang: str, axis_labels: Mapping[str, str]) -> str:
    """Axis names joined by commas; ``all`` is "Tous les axes"; nothing known is "Axe non précisé"."""
    ids = as_ids(axes)
    if not ids:
        return t("vocab.axis.unspecified", lang)
    if AXIS_ALL in ids:
        return t("vocab.axis.all", lang)
    return ", ".join(axis_labels.get(a, a) for a in ids)


def display_name(name: Any, short_name: Any) -> str:
    """``Université de Lorraine (UL)``; the short name only when it adds something."""
    full, short = text(name), text(short_name).strip()
    return f"{full} ({short})" if short and short.casefold() != full.casefold() else full


# --- options of the page's filters -------------------------------------------------------------


def type_options() -> list[str]:
    return list(PARTNER_TYPES)


def relation_options() -> list[str]:
    return list(RELATIONS)


_COUNTRIES = IdentityMemo(maxsize=8)  # the data's country codes, once per partners table


def country_options(partners: pd.DataFrame, selected: Sequence[str] = ()) -> list[str]:
    """Countries of the data (France first, then by code), plus any already selected; the codes that
    name no country (the European Union, ``NOT_COUNTRIES``) last."""
    in_data = _COUNTRIES.get(partners, "codes",
                             lambda: frozenset(text(c) for c in partners["country"].unique()))
    codes = set(in_data) | set(selected)
    codes.discard("")
    return sorted(codes, key=lambda c: (c in NOT_COUNTRIES, c != "FR", c))


def country_help(options: Sequence[str], lang: str) -> str | None:
    """The country filter's help: the chips' usual help, and, when it offers a code that names no
    country (the European Union), that it is not one and is not counted as one. None: the usual help."""
    groups = [country_label(code, lang) for code in options if code in NOT_COUNTRIES]
    if not groups:
        return None
    return t("partners.filter.country_help", lang, names=", ".join(groups))


# --- list view ---------------------------------------------------------------------------------


def list_columns(lang: str) -> dict[str, str]:
    """Column name -> translated header of the list view."""
    return {name: t(f"partners.column.{name}", lang) for name in LIST_COLUMNS}


def _column(partners: pd.DataFrame, name: str) -> pd.Series:
    """A text column with missing values as empty text (an empty column when absent)."""
    if name not in partners:
        return pd.Series("", index=partners.index, dtype=object)
    return partners[name].fillna("").astype(str)


def _by_value(values: pd.Series, label: Callable[[Any], str]) -> np.ndarray:
    """``label`` of every value, computed once per distinct value (labels repeat a lot)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    labels = np.array([label(value) for value in uniques] + [label("")], dtype=object)
    return labels[codes]  # a missing value (code -1) gets the label of empty text


def display_names(partners: pd.DataFrame) -> pd.Series:
    """``Université de Lorraine (UL)`` for every partner (see :func:`display_name`)."""
    names, shorts = _column(partners, "name"), _column(partners, "short_name").str.strip()
    adds = (shorts != "") & (shorts.str.casefold() != names.str.casefold())
    return names.where(~adds, names + " (" + shorts + ")")


_HTTP_URL = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+"


def list_frame(partners: pd.DataFrame, lang: str, axis_labels: Mapping[str, str]) -> pd.DataFrame:
    """The list view: one row per partner (same order as ``partners``), every cell display-ready text
    in ``lang`` except ``on_map`` (bool) and ``website`` (an http(s) URL or None). Column ``id``
    keeps the partner id for selection. Column-wise, so 10,000 partners take milliseconds."""
    unknown = t("common.unknown", lang)
    cities = _column(partners, "city")
    websites = _column(partners, "website").str.strip()
    relations = _by_value(_column(partners, "relation"), lambda r: relation_label(r, False, lang))
    leads = _by_value(_column(partners, "relation"), lambda r: relation_label(r, True, lang))
    is_lead = partners["lead"].map(flag) if "lead" in partners else pd.Series(False, index=partners.index)
    frame = pd.DataFrame({
        "id": _column(partners, "id").to_numpy(),
        "name": display_names(partners).to_numpy(),
        "type": _by_value(_column(partners, "type"), lambda v: type_label(v, lang)),
        "city": cities.where(cities != "", t("common.site_unspecified", lang)).to_numpy(),
        "country": _by_value(_column(partners, "country"), lambda c: country_label(c, lang) or unknown),
        "relation": np.where(is_lead.to_numpy(dtype=bool), leads, relations),
        "axes": _by_value(partners["axes"], lambda a: axes_label(a, lang, axis_labels)),
        "on_map": located_mask(partners).to_numpy(dtype=bool),
        "website": websites.where(websites.str.match(_HTTP_URL), None).astype(object).to_numpy(),
        "source": _by_value(_column(partners, "source"), lambda s: sources.short(s, lang)),
    }, index=range(len(partners)))
    return frame[["id", *LIST_COLUMNS]]


def name_choices(partners: pd.DataFrame) -> dict[str, str]:
    """Partner id -> display name, sorted by name for French readers (the "show details" chooser)."""
    pairs = zip(_column(partners, "id").tolist(), display_names(partners).tolist(), strict=True)
    return dict(sorted(pairs, key=lambda p: p[1].casefold()))


# --- detail card -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerDetail:
    """Everything the detail card shows, as plain text in one language."""

    id: str
    name: str
    short_name: str
    fields: tuple[tuple[str, str, str], ...]  # (label, text, url or "")
    note: str
    on_map: bool


def partner_detail(row: Mapping[str, Any], lang: str, axis_labels: Mapping[str, str]) -> PartnerDetail:
    """The detail of one partner (a row of the partners frame as a mapping)."""
    city = text(row.get("city"))
    website = safe_url(row.get("website"))
    source = sources.shown(text(row.get("source")), lang)  # citations joined as the page's language does
    fields: list[tuple[str, str, str]] = [
        (t("partners.column.type", lang), type_label(text(row.get("type")), lang), ""),
        (t("partners.column.city", lang), city or t("common.site_unspecified", lang), ""),
        (t("partners.column.country", lang),
         country_label(text(row.get("country")), lang) or t("common.unknown", lang), ""),
        (t("partners.column.axes", lang), axes_label(row.get("axes"), lang, axis_labels), ""),
        (t("partners.column.relation", lang),
         relation_label(text(row.get("relation")), row.get("lead"), lang), ""),
        (t("partners.column.website", lang), website or t("common.unknown", lang), website),
        (t("partners.column.source", lang), source or t("common.unknown", lang), safe_url(source)),
    ]
    note = pick({code: text(row.get(f"note_{code}")) for code in LANGS}, lang)
    lat, lon = row.get("lat"), row.get("lon")
    on_map = all(isinstance(v, int | float) and math.isfinite(v) for v in (lat, lon))
    return PartnerDetail(text(row.get("id")), text(row.get("name")), text(row.get("short_name")),
                         tuple(fields), note, on_map)


CARD_CSS = """
<style>
.enact-card { border: 1px solid #c9d3e0; border-radius: 0.6rem; padding: 0.8rem 1rem; background: #f5f8fc; }
.enact-card h3 { margin: 0 0 0.2rem; padding: 0; font-size: 1.2rem; line-height: 1.3; color: #0b2e59; }
.enact-card .short { margin: 0 0 0.3rem; color: #44505e; }
.enact-card dl { margin: 0; padding: 0; }
.enact-card dt { margin: 0.5rem 0 0; font-size: 0.85rem; font-weight: 600; color: #44505e; }
.enact-card dd { margin: 0; padding: 0; overflow-wrap: anywhere; }
.enact-card a { color: #1d4e89; }
.enact-card .note, .enact-card .off-map { margin: 0.7rem 0 0; }
</style>
"""


def _link(url: str, label: str) -> str:
    return sources.link_html(url, label)  # the address as written, shown readable ("Université")


linkify = sources.linkify  # escaped text in which every http(s) address becomes a link


def detail_card_html(detail: PartnerDetail, lang: str) -> str:
    """The card as HTML; every value is escaped, links are http(s) only and open in a new tab. The card
    says which partner it shows (``data-enact-shows``: where the focus goes after a choice on the map)."""
    esc = html.escape
    rows = []
    for label, value, url in detail.fields:
        shown = _link(url, value) if url else linkify(value)
        rows.append(f"<dt>{esc(label)}</dt><dd>{shown}</dd>")
    short = (f'<p class="short">{esc(detail.short_name)}</p>'
             if detail.short_name and detail.short_name != detail.name else "")
    note = f'<p class="note">{linkify(detail.note)}</p>' if detail.note else ""
    off_map = "" if detail.on_map else f'<p class="off-map">{esc(t("partners.detail.off_map", lang))}</p>'
    return (
        CARD_CSS
        + f'<section class="enact-card" data-enact-shows="{esc(detail.id, quote=True)}" '
        + f'aria-label="{esc(t("partners.detail.title", lang), quote=True)}">'
        + f"<h3>{esc(detail.name)}</h3>{short}<dl>{''.join(rows)}</dl>{note}{off_map}</section>"
    )


def partner_row(partners: pd.DataFrame, partner_id: str) -> dict[str, Any] | None:
    """The row of ``partner_id`` as a dict, or None when it is not among ``partners``."""
    if not partner_id:
        return None
    found = partners[partners["id"] == partner_id]
    return None if found.empty else dict(found.iloc[0].to_dict())


# --- by-city view ------------------------------------------------------------------------------


def city_choices(cities: pd.DataFrame, lang: str) -> dict[str, str]:
    """City name (as written in the data) -> ``Nancy (France) — 12``, from :func:`by_city` rows;
    ``Nancy (pays non précisé) — 1`` for a city whose country is not given.

    The city filter matches a name, so one choice per name: a name found with several countries (or with
    and without one) is one choice with their countries and the total that the filter shows."""
    groups: dict[str, tuple[list[str], int]] = {}
    for row in cities.itertuples(index=False):
        countries, total = groups.get(str(row.city), ([], 0))
        if row.country and row.country not in countries:
            countries.append(str(row.country))
        groups[str(row.city)] = (countries, total + int(row.partners))
    return {
        city: t("partners.cities.option" if countries else "partners.cities.option_no_country", lang,
                city=city, country=", ".join(country_label(c, lang) for c in countries), count=total)
        for city, (countries, total) in groups.items()
    }


def city_table(cities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The by-city rows with the country in ``lang`` (columns city, country, partners); a country not
    given is said (``non connu``), as in the list."""
    unknown = t("common.unknown", lang)
    return pd.DataFrame({
        "city": cities["city"].to_numpy(),
        "country": _by_value(cities["country"], lambda c: country_label(str(c), lang) or unknown),
        "partners": cities["partners"].to_numpy(),
    })


def sort_choices(lang: str, sortable: Sequence[str]) -> dict[str, str]:
    """Sort parameter -> label ("Ville (A → Z)") for the list's sort chooser."""
    headers = list_columns(lang)
    return sort_options({key: headers[key] for key in sortable}, t("common.sort.asc", lang),
                        t("common.sort.desc", lang))


def list_html(table: pd.DataFrame, lang: str, order: SortOrder,
              row_link: Callable[[Mapping[str, Any]], str]) -> str:
    """The list view as an accessible HTML table; each name links to the view with that partner's card."""
    headers = list_columns(lang)
    kinds = {"on_map": "bool", "website": "link"}
    columns = [Column(name, headers[name], kinds.get(name, "text"), long=name == "source")  # type: ignore[arg-type]
               for name in LIST_COLUMNS]
    caption = t("partners.list.table_caption", lang,
                order=sort_choices(lang, [order.key])[order.param])
    return table_html(table, columns, caption=caption, order=order,
                      yes_no=(t("common.yes", lang), t("common.no", lang)), row_link=row_link,
                      link_column="name", link_label=t("partners.list.show", lang),
                      scroll_hint=t("common.table.scroll_hint", lang), stack=True)


def city_html(rows: pd.DataFrame, lang: str) -> str:
    """The by-city view as an accessible HTML table (city, country, number of partners)."""
    columns = [Column("city", t("partners.column.city", lang)),
               Column("country", t("partners.column.country", lang)),
               Column("partners", t("partners.column.partners", lang), "number")]
    shown = rows.assign(partners=[format_number(int(v), lang) for v in rows["partners"]])
    return table_html(shown, columns, caption=t("partners.cities.alt", lang),
                      scroll_hint=t("common.table.scroll_hint", lang))
