"""Vocabularies as the staff write them: an id, or the label the site shows for it (fr, en, de).

A cell is compared with every id and label with case, accents, spaces, ``-`` and ``_`` folded away
(``ANNULE``, `` annulé ``, ``Cancelled`` and ``abgesagt`` all read as ``cancelled``). An id always
wins; a label that two ids share in any language is an error naming both, never a guess.

Error messages show the allowed values as the staff know them, in the message's language:
``Université (university), Organisme de recherche (research_organisation), …``. Since a problem is
found once and shown in any language, such texts go into the problem's parameters once per language
(``allowed@fr``, ``allowed@en``, ``allowed@de``; see :meth:`Problem.message`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property

from enact_dash.data.problems import FieldError
from enact_dash.i18n import LANGS, fold, has_key, plural, t


def key(value: str) -> str:
    """How a vocabulary value is compared: case, accents, spaces, ``-`` and ``_`` folded away."""
    return " ".join(fold(value).replace("_", " ").replace("-", " ").split())


# A typo gets "did you mean …?" when one value is this close to it (difflib's ratio of the folded
# texts, 0 to 1) and closer by this margin than any other value: never a guess between two values.
SUGGEST_CUTOFF = 0.8
SUGGEST_MARGIN = 0.1
_DIGITS = re.compile(r"\d+")

# A message lists at most this many allowed values, then says how many more there are (a reference to one
# of 10,000 partners must not write them all in every message, on every page that lists the problems).
ALLOWED_SHOWN = 20


def listed(values: Iterable[str], lang: str) -> str:
    """``a, b, c`` — or the first ``ALLOWED_SHOWN`` values and "and 9,980 more" in ``lang``."""
    items = list(values)
    if len(items) <= ALLOWED_SHOWN:
        return ", ".join(items)
    more = plural("problems.more_values", len(items) - ALLOWED_SHOWN, lang)
    return ", ".join(items[:ALLOWED_SHOWN]) + ", " + more


def per_lang(name: str, render: Callable[[str], str]) -> dict[str, str]:
    """``{"<name>@fr": render("fr"), …}``: a problem parameter written in every language."""
    return {f"{name}@{lang}": render(lang) for lang in LANGS}


@dataclass(frozen=True)
class Vocabulary:
    """The ids of one vocabulary and their labels per language (``labels[lang][id]``)."""

    ids: tuple[str, ...]
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @cached_property
    def _index(self) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
        """(folded id -> id, folded label -> the ids it names, in vocabulary order)."""
        found: dict[str, set[str]] = {}
        for value in self.ids:
            for label in self._labels_of(value):
                found.setdefault(key(label), set()).add(value)
        by_label = {k: tuple(v for v in self.ids if v in values) for k, values in found.items() if k}
        return {key(value): value for value in self.ids}, by_label

    def _labels_of(self, value: str) -> list[str]:
        return [own[value] for own in self.labels.values() if own.get(value)]

    def label(self, value: str, lang: str) -> str:
        """The label of ``value`` in ``lang`` (the French one if that language has none), else ""."""
        return self.labels.get(lang, {}).get(value) or self.labels.get("fr", {}).get(value) or ""

    def shown(self, value: str, lang: str) -> str:
        """``Université (university)``; the label alone when it reads as the id (``Innovation``);
        the id alone when it has no label."""
        label = self.label(value, lang)
        if not label:
            return value
        return label if key(label) == key(value) else f"{label} ({value})"

    def allowed(self, lang: str) -> str:
        return listed((self.shown(value, lang) for value in self.ids), lang)

    def allowed_params(self) -> dict[str, str]:
        """The ``allowed`` parameter of a problem, in every language."""
        return per_lang("allowed", self.allowed)

    def closest(self, cell: str, limit: int = 3) -> tuple[str, ...]:
        """The ids whose id or a label is closest to ``cell`` (a typo, a word missing or added:
        ``Universite Strasbourg``, ``Strasbourg``), best first; empty when none is close."""
        folded = key(cell)
        if not folded:
            return ()
        names: dict[str, list[str]] = {}
        for value in self.ids:
            for name in (value, *self._labels_of(value)):
                names.setdefault(key(name), []).append(value)
        close = difflib.get_close_matches(folded, list(names), n=limit, cutoff=0.6)
        within = [name for name in names if len(folded) >= 3 and (folded in name or name in folded)]
        found = (value for name in (*close, *within) for value in names[name])
        return tuple(dict.fromkeys(found))[:limit]

    @cached_property
    def _names(self) -> dict[str, tuple[str, str]]:
        """Folded id or label -> (the id, the id or label as written), for :meth:`suggestion`; a label
        that two ids share is left out (it suggests neither)."""
        names: dict[str, tuple[str, str]] = {}
        shared: set[str] = set()
        for value in self.ids:
            for name in (value, *self._labels_of(value)):
                folded = key(name)
                if folded in names and names[folded][0] != value:
                    shared.add(folded)
                names.setdefault(folded, (value, name))
        return {folded: found for folded, found in names.items() if folded and folded not in shared}

    def suggestion(self, cell: str) -> tuple[str, str] | None:
        """(id, the id or label it was most likely meant as) for a typo (``workshp``, ``Entreprize``):
        only when one value is clearly the closest (:data:`SUGGEST_CUTOFF`, :data:`SUGGEST_MARGIN`) and
        the numbers in it are the same (``Appel 2026`` does not suggest ``Appel 2025``). Else None."""
        folded = key(cell)
        if not folded:
            return None
        digits = _DIGITS.findall(folded)
        floor = SUGGEST_CUTOFF - SUGGEST_MARGIN
        matcher = difflib.SequenceMatcher(b=folded)
        best: dict[str, tuple[float, str]] = {}  # id -> (its best ratio, the name that has it)
        for name, (value, written) in self._names.items():
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue
            ratio = matcher.ratio()
            if ratio >= floor and ratio > best.get(value, (0.0, ""))[0]:
                best[value] = (ratio, written)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        if not ranked:
            return None
        value, (ratio, written) = ranked[0]
        second = ranked[1][1][0] if len(ranked) > 1 else 0.0
        if ratio < SUGGEST_CUTOFF or ratio - second < SUGGEST_MARGIN:
            return None
        if _DIGITS.findall(key(written)) != digits:
            return None
        return value, written

    def suggestion_params(self, cell: str) -> dict[str, str]:
        """The ``did_you_mean`` parameters of a problem (see :meth:`Problem.message`); empty when
        there is no clear suggestion."""
        found = self.suggestion(cell)
        if found is None:
            return {}
        value, written = found
        if key(written) == key(value):
            return {"did_you_mean": written}
        return {"did_you_mean": written, "did_you_mean_id": value}

    def find(self, cell: str) -> str | None:
        """The id that ``cell`` names, or None (nothing, or several ids)."""
        try:
            return self.lookup(cell)
        except FieldError:
            return None

    def lookup(self, cell: str, *, suggest: bool = True) -> str:
        """The id that ``cell`` names. :class:`FieldError` ``not_allowed`` (with the allowed values and,
        if ``suggest`` and one is clearly closest, that value) or ``ambiguous`` (a label of several ids,
        with those ids and their labels)."""
        folded = key(cell)
        exact, by_label = self._index
        if folded in exact:
            return exact[folded]
        candidates = by_label.get(folded, ())
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise FieldError("ambiguous", **per_lang(
                "candidates", lambda lang: ", ".join(self.shown(v, lang) for v in candidates)))
        hint = self.suggestion_params(cell) if suggest else {}
        raise FieldError("not_allowed", **self.allowed_params(), **hint)


WRONG_SEPARATORS = (",", ";")  # what a spreadsheet user types between values instead of ``|``


def split_mistyped(cell: str, find: Callable[[str], str | None]) -> tuple[str, list[str]] | None:
    """``nlp, health`` in a ``|``-separated list: (the separator typed, the ids of the parts) when every
    part names a value (``find``: the id a part names, or None); otherwise None (no label of a list
    vocabulary holds ``,`` or ``;``: tested)."""
    for sep in WRONG_SEPARATORS:
        parts = [part for part in cell.split(sep) if part.strip()]
        if len(parts) > 1:
            found = [find(part) for part in parts]
            if all(found):
                return sep, [value for value in found if value]
    return None


@cache
def catalogue_vocabulary(ids: tuple[str, ...], kind: str | None) -> Vocabulary:
    """``ids`` with their labels ``vocab.<kind>.<id>`` from the translation catalogues."""
    labels: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    if kind:
        for lang in LANGS:
            for value in ids:
                name = f"vocab.{kind}.{value}"
                if has_key(name, lang):
                    labels[lang][value] = t(name, lang)
    return Vocabulary(ids, labels)


def vocabulary_of(ids: Iterable[str], names: Mapping[str, Mapping[str, str]],
                  extra: Vocabulary | None = None) -> Vocabulary:
    """Ids named in the data (``names[lang][id]``, e.g. the axes' ``name_fr``…), then ``extra``'s."""
    own = tuple(ids)
    labels = {lang: dict(names.get(lang, {})) for lang in LANGS}
    if extra is not None:
        for lang in LANGS:
            labels[lang].update({v: extra.labels.get(lang, {}).get(v, "") for v in extra.ids})
        own = (*own, *(v for v in extra.ids if v not in own))
    return Vocabulary(own, labels)
