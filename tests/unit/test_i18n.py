"""Catalogues: every language has the same keys and placeholders; locale formatting."""

from __future__ import annotations

import json
import string
from datetime import date
from pathlib import Path

import pytest

from enact_dash.dates import PartialDate
from enact_dash.i18n import LANGS, LOCALES_DIR, format_money, format_number, plural, t

DOMAINS = sorted(p.name for p in (LOCALES_DIR / "fr").glob("*.json"))


def load(lang: str, domain: str) -> dict[str, str]:
    path = LOCALES_DIR / lang / domain
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_the_same_domain_files():
    files = {lang: sorted(p.name for p in (LOCALES_DIR / lang).glob("*.json")) for lang in LANGS}
    assert files["en"] == files["fr"] == files["de"]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", ["en", "de"])
def test_same_keys_and_placeholders(domain, lang):
    french, other = load("fr", domain), load(lang, domain)
    assert sorted(other) == sorted(french)
    for key, text in french.items():
        assert placeholders(other[key]) == placeholders(text), key
        assert other[key].strip(), key


@pytest.mark.parametrize("domain", DOMAINS)
def test_keys_are_prefixed_by_their_domain(domain):
    prefix = Path(domain).stem + "."
    assert all(key.startswith(prefix) for key in load("fr", domain))


@pytest.mark.parametrize(
    ("lang", "money", "number", "day"),
    [
        ("fr", "30\u00a0M€", "2\u202f500", "12 décembre 2025"),
        ("en", "€30M", "2,500", "12 December 2025"),
        ("de", "30\u00a0Mio.\u00a0€", "2.500", "12. Dezember 2025"),
    ],
)
def test_locale_formatting(lang, money, number, day):
    assert format_money(30_000_000, lang) == money
    assert format_number(2500, lang).replace("\u00a0", "\u202f") == number.replace("\u00a0", "\u202f")
    assert PartialDate(2025, 12, 12).format(lang, today=date(2026, 11, 25)) == day


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "2026 — date à venir"), ("en", "2026 — date to be announced"), ("de", "2026 — Termin folgt")],
)
def test_unknown_day_is_said_honestly(lang, expected):
    assert PartialDate(2026).format(lang, today=date(2025, 11, 1)) == expected


def test_translation_falls_back_to_french_then_to_the_key():
    assert t("common.nav.home", "it") == "Accueil"
    assert t("no.such.key", "en") == "no.such.key"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", PartialDate(2025)),
        ("2025-12", PartialDate(2025, 12)),
        ("2025-12-12", PartialDate(2025, 12, 12)),
        (" 2025-1-5 ", PartialDate(2025, 1, 5)),
        ("12/12/2025", PartialDate(2025, 12, 12)),
    ],
)
def test_partial_dates_parse(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text", ["", "2025-13", "2025-02-30", "12 déc. 2025", "20251212", "2025-12-"])
def test_bad_partial_dates_are_rejected(text):
    with pytest.raises(ValueError, match=r"\w"):
        PartialDate.parse(text)


def test_partial_date_bounds():
    assert PartialDate(2026).first_day == date(2026, 1, 1)
    assert PartialDate(2026).last_day == date(2026, 12, 31)
    assert PartialDate(2024, 2).last_day == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (PartialDate(2026, 1, 1), PartialDate(2026, 1)),
        (PartialDate(2026, 1), PartialDate(2026)),
        (PartialDate(2025), PartialDate(2026, 5)),
        (PartialDate(2026), PartialDate(2026, 5)),
        (PartialDate(2026, 5, 1), PartialDate(2026, 5, 2)),
    ],
)
def test_partial_dates_order_across_precisions(earlier, later):
    assert earlier < later
    assert later > earlier
    assert sorted([later, earlier]) == [earlier, later]


@pytest.mark.parametrize(
    ("key", "count", "lang", "expected"),
    [
        ("events.notice.no_day", 1, "fr", "1 événement sans jour connu n’est pas"),
        ("events.notice.no_day", 2, "fr", "2 événements sans jour connu ne sont pas"),
        ("events.notice.no_day", 1, "en", "1 event with no known day is not"),
        ("events.notice.no_day", 3, "de", "3 Veranstaltungen ohne bekannten Tag sind nicht"),
        ("events.map.unlocated", 1, "fr", "1 événement sans lieu connu ne figure pas"),
        ("events.map.unlocated", 4, "en", "4 events without a known place are not"),
        ("common.data_problems.title", 1, "de", "Daten: 1 Problem zu beheben"),
        ("common.data_problems.title", 1200, "fr", "Données\u00a0: 1\u202f200 problèmes à corriger"),
        # 0 takes the catalogue's zero form where it has one, else its CLDR category (one in French).
        ("home.link_events", 0, "fr", "Tout l’agenda (aucun événement à venir)"),
        ("home.link_events", 1, "fr", "Tout l’agenda (1 à venir)"),
        ("home.link_events", 0, "en", "The full agenda (no upcoming events)"),
        ("home.link_events", 0, "de", "Der ganze Kalender (keine anstehenden Veranstaltungen)"),
        ("cli.errors", 0, "fr", "aucune erreur"),
        ("cli.errors", 1, "fr", "1 erreur"),
        ("cli.errors", 2, "fr", "2 erreurs"),
        ("cli.warnings", 1, "en", "1 warning"),
        ("cli.warnings", 3, "de", "3 Warnungen"),
        ("partners.count.partners", 0, "fr", "0 partenaire"),
        ("partners.count.partners", 0, "en", "0 partners"),
        ("achievements.chairs.presented", 0, "fr", "aucune encore présentée publiquement"),
        ("achievements.chairs.presented", 1, "fr", "dont 1 présentée publiquement"),
        ("achievements.milestones.vague", 1, "fr", "1 n’a qu’un mois ou une année connus."),
        ("achievements.milestones.vague", 1, "en", "1 has only a known month or year."),
        ("events.timeline.year_only", 1, "de", "Dazu 1 Veranstaltung, von der nur"),
    ],
)
def test_counted_messages_agree_with_their_count(key: str, count: int, lang: str, expected: str) -> None:
    assert plural(key, count, lang).startswith(expected)
