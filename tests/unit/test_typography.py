"""Typography of every string of every catalogue, as a careful publisher would set it.

French: a narrow no-break space (U+202F) before ``;`` ``!`` ``?`` and inside « », a no-break space (U+00A0)
before ``:`` (so that « never ends a line and : never starts one), the apostrophe ’ and the ellipsis ….
English: “…” and ’. German: „…“ and ’. No "..." anywhere. Format placeholders, code spans, URLs, Markdown
link targets and HTML tags are left out of the check (``http://`` keeps its colon).
"""

from __future__ import annotations

import re

import pytest

from enact_dash.i18n import LANGS, NBSP, NNBSP, catalogue, keep_together

# What is not prose: {placeholders}, `code`, URLs, Markdown link targets, HTML tags.
_NOT_PROSE = re.compile(r"\{\{|\}\}|\{[^{}]*\}|`[^`]*`|https?://[^\s)]*|\]\([^)]*\)|<[^>]+>")

_QUOTES = {"en": ("“", "”"), "de": ("„", "“")}
_FOREIGN_QUOTES = {"fr": "“”„\"", "en": "«»„\"", "de": "«»”\""}


def prose(text: str) -> str:
    """``text`` with what is not prose replaced by one neutral letter each."""
    return _NOT_PROSE.sub("x", text)


def faults(text: str, lang: str) -> list[str]:
    """What a French, English or German typesetter would correct in ``text`` (empty: nothing)."""
    found = []
    words = prose(text)
    if "..." in words:
        found.append('"..." instead of …')
    if "'" in words:
        found.append("' instead of ’")
    found += [f"{mark} is not a {lang} quotation mark" for mark in _FOREIGN_QUOTES[lang] if mark in words]
    if lang == "fr":
        found += [f"{m.group(1)!r} without U+202F before it"
                  for m in re.finditer(r"(?<![\u202f!?])([;!?»])", words)]
        found += [f"« without U+202F after it: {m.group(0)!r}" for m in re.finditer(r"«(?!\u202f).?", words)]
        # A colon that ends a clause (followed by a space or the end), or any colon after a space.
        found += [f"{m.group(0)!r}: a colon needs U+00A0 before it"
                  for m in re.finditer(r".?(?<!\u00a0):(?=\s|$)|\s(?<!\u00a0):", words)]
    else:
        opening, closing = _QUOTES[lang]
        marks = [c for c in words if c in (opening, closing)] if opening != closing else []
        expected = [opening, closing] * (len(marks) // 2)
        if marks != expected:
            found.append(f"quotation marks not paired as {opening}…{closing}: {''.join(marks)}")
        found += [f"space before {m.group(1)!r}" for m in re.finditer(r"[ \u00a0\u202f]([;:!?])", words)]
    return found


STRINGS = [(lang, key, text) for lang in LANGS for key, text in sorted(catalogue(lang).items())]


@pytest.mark.parametrize(("lang", "key", "text"), STRINGS, ids=[f"{lang}:{key}" for lang, key, _ in STRINGS])
def test_every_string_is_set_as_a_typesetter_would(lang: str, key: str, text: str) -> None:
    assert faults(text, lang) == [], text


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # French: the spaces of French punctuation.
        (f"Source{NBSP}: {{source}}", "fr", []),
        ("Source : {source}", "fr", ["' :': a colon needs U+00A0 before it"]),
        ("Source: {source}", "fr", ["'e:': a colon needs U+00A0 before it"]),
        (f"Source{NNBSP}: {{source}}", "fr", ["'\\u202f:': a colon needs U+00A0 before it"]),
        (f"Source{NBSP}:", "fr", []),
        (f"«{NNBSP}{{q}}{NNBSP}»", "fr", []),
        ("« {q} »", "fr", ["'»' without U+202F before it", "« without U+202F after it: '« '"]),
        (f"«{{q}}{NNBSP}»", "fr", ["« without U+202F after it: '«x'"]),
        (f"une{NNBSP}; deux{NNBSP}! trois{NNBSP}?", "fr", []),
        ("une ; deux", "fr", ["';' without U+202F before it"]),
        ("Vraiment?", "fr", ["'?' without U+202F before it"]),
        (f"Quoi{NNBSP}?!", "fr", []),
        ("l'agenda", "fr", ["' instead of ’"]),
        ("l’agenda", "fr", []),
        ("et ensuite...", "fr", ['"..." instead of …']),
        ("un “mot”", "fr", ["“ is not a fr quotation mark", "” is not a fr quotation mark"]),
        # What is not prose keeps its own punctuation.
        ("(http:// ou https://)", "fr", []),
        ("voir {target}:{line}", "fr", []),
        (f"[le site](https://example.org/a?b=c){NNBSP}; `a ; b`", "fr", []),
        (f"<span class='x'>a</span>{NBSP}: b", "fr", []),
        # English and German quotation marks.
        ("the “AI Cluster” call", "en", []),
        ('the "AI Cluster" call', "en", ['" is not a en quotation mark']),
        ("the ”AI Cluster“ call", "en", ["quotation marks not paired as “…”: ”“"]),
        ("the «AI Cluster» call", "en", ["« is not a en quotation mark", "» is not a en quotation mark"]),
        ("the page's filters", "en", ["' instead of ’"]),
        ("Source : x", "en", ["space before ':'"]),
        ("die Ausschreibung „KI-Cluster“", "de", []),
        ("die Ausschreibung “KI-Cluster”", "de", ["” is not a de quotation mark",
                                                 "quotation marks not paired as „…“: “"]),
        ('die Ausschreibung "KI-Cluster"', "de", ['" is not a de quotation mark']),
        ("die Ausschreibung « KI-Cluster »", "de",
         ["« is not a de quotation mark", "» is not a de quotation mark"]),
        ("weiter...", "de", ['"..." instead of …']),
    ],
)
def test_the_typesetter_finds_what_it_should(text: str, lang: str, expected: list[str]) -> None:
    assert faults(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Data text as the staff write it: only which spaces may break changes.
        ("Communiqué de presse ; https://x.fr/a?b=c", f"Communiqué de presse{NNBSP}; https://x.fr/a?b=c"),
        ("site : https://x.fr", f"site{NBSP}: https://x.fr"),
        ("l'appel « IA Cluster » !", f"l'appel «{NNBSP}IA Cluster{NNBSP}»{NNBSP}!"),
        ("Vraiment  ?", f"Vraiment{NNBSP}?"),
        ("https://x.fr:8080/a et 14:30", "https://x.fr:8080/a et 14:30"),
        ("State programme: funds the cluster; the call", "State programme: funds the cluster; the call"),
    ],
)
def test_data_text_keeps_its_punctuation_on_its_line(text: str, expected: str) -> None:
    assert keep_together(text) == expected
