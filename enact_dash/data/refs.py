"""References from one data file to another: a chair's institution (a partner), the axes of a partner, an
event, an action or a chair. A reference may give the id or, compared like a vocabulary's labels, the name
(``Université de Strasbourg``, ``Santé numérique``); one that names nothing, or a row left out, is said
with its real cause (see :func:`check_refs`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from enact_dash.data.columns import MULTI_SEPARATOR
from enact_dash.data.labels import (
    Vocabulary,
    catalogue_vocabulary,
    key,
    listed,
    per_lang,
    split_mistyped,
    vocabulary_of,
)
from enact_dash.data.loaders import localized
from enact_dash.data.problems import FieldError, Level, Outcome, Problem
from enact_dash.data.vocab import AXIS_ALL
from enact_dash.i18n import LANGS


@dataclass(frozen=True)
class Target:
    """The file a reference points into: its valid ids, the ids of its rows left out, and whether it
    could be read at all (a reference into an unreadable file is not the referring file's fault).
    ``dropped_names``: the names of its rows left out (compared as vocabulary labels, see
    :func:`enact_dash.data.labels.key`) -> line, so that a reference by name names that row too."""

    file: str
    ids: frozenset[str]
    dropped: dict[str, int] = field(default_factory=dict)
    readable: bool = True
    dropped_names: dict[str, int] = field(default_factory=dict)

    def left_out_line(self, value: str) -> int | None:
        """The line of the row left out that ``value`` names by its id or its name, else None."""
        line = self.dropped.get(value.strip().lower())
        return line if line is not None else self.dropped_names.get(key(value))


def left_out_names(rows: Iterable[dict[str, Any]], columns: Iterable[str]) -> dict[str, int]:
    """The names (``columns``, e.g. a partner's ``name``) of rows left out, as far as they were read ->
    their line; the first row wins when two rows left out share a name."""
    names: dict[str, int] = {}
    columns = tuple(columns)
    for row in rows:
        for column in columns:
            value = row.get(column)
            if isinstance(value, str) and key(value) and isinstance(row.get("line"), int):
                names.setdefault(key(value), row["line"])
    return names


def check_refs(frame: pd.DataFrame, file: str, column: str, target: Target, code: str,
               extra: Iterable[str] = (), vocabulary: Vocabulary | None = None, *, suggest: bool = False
               ) -> tuple[pd.DataFrame, list[Problem]]:
    """Resolve the references (single id or tuple of ids) of ``column``; drop unknown ones, with a
    warning each.

    With a ``vocabulary`` (the target's ids and extra ids with their labels, e.g. the axes' names) a
    reference may be written as a label, in any case, with or without accents; a label of several ids
    is reported, not guessed. The message names the real cause: the target file unreadable, the target
    row left out (with its line), or a value that names nothing in the target file (with the allowed
    values). ``extra`` ids are allowed too (``all``). With ``suggest`` (a long list, e.g. the partners)
    the message names the closest values (``closest``) instead, or, when none is close, ``<code>_far``
    lists them all.
    """
    allowed_set = set(target.ids) | set(extra)
    allowed_params = (vocabulary.allowed_params() if vocabulary is not None
                      else per_lang("allowed", lambda lang: listed(sorted(allowed_set), lang)))
    problems: list[Problem] = []
    cleaned: list[Any] = []

    def report(value: str, line: int, hint: tuple[tuple[str, str], ...] = ()) -> None:
        if not target.readable:
            problems.append(Problem(file, line, column, "ref_unreadable", value,
                                    (("target", target.file),), Level.WARNING))
        elif (left_out := target.left_out_line(value)) is not None:  # by its id or its name
            problems.append(Problem(file, line, column, "ref_left_out", value,
                                    (("target", target.file), ("line", str(left_out))), Level.WARNING))
        elif suggest and vocabulary is not None and (closest := vocabulary.closest(value)):
            shown = per_lang("closest", lambda lang: ", ".join(vocabulary.shown(v, lang) for v in closest))
            problems.append(Problem(file, line, column, code, value, tuple(shown.items()), Level.WARNING))
        else:
            problems.append(Problem(file, line, column, f"{code}_far" if suggest else code, value,
                                    (*allowed_params.items(), *hint), Level.WARNING))

    def resolve(value: str, line: int) -> str | None:
        hint: tuple[tuple[str, str], ...] = ()
        if vocabulary is not None:
            try:  # a long list (suggest) names its closest values instead of one suggestion
                found = vocabulary.lookup(value, suggest=not suggest)
            except FieldError as err:
                if err.code == "ambiguous":
                    problems.append(Problem(file, line, column, "ambiguous", value, err.params,
                                            Level.WARNING))
                    return None
                hint = tuple((k, v) for k, v in err.params if k.startswith("did_you_mean"))
            else:
                if found in allowed_set:
                    return found
        elif value in allowed_set:
            return value
        report(value, line, hint)
        return None

    def find(value: str) -> str | None:
        found = vocabulary.find(value) if vocabulary is not None else value
        return found if found in allowed_set else None

    def resolve_item(item: str, line: int) -> list[str]:
        """One value of a list; ``nlp, health`` (the wrong separator) is read as both, with a note."""
        if find(item) is None and (split := split_mistyped(item, find)) is not None:
            sep, ids = split
            problems.append(Problem(file, line, column, "wrong_separator", item,
                                    (("item", item), ("sep", sep), ("read", MULTI_SEPARATOR.join(ids))),
                                    Level.WARNING, Outcome.VALUE_KEPT))
            return ids
        found = resolve(item, line)
        return [found] if found is not None else []

    for value, line in zip(frame[column], frame["line"], strict=True):
        if isinstance(value, tuple):
            found = (v for item in value for v in resolve_item(item, int(line)))
            cleaned.append(tuple(dict.fromkeys(found)))
        elif value:
            cleaned.append(resolve(str(value), int(line)) or "")
        else:
            cleaned.append(value)
    frame = frame.copy()
    frame[column] = pd.Series(cleaned, index=frame.index, dtype=object)
    return frame, problems


def axes_vocabulary(axes: pd.DataFrame, *, with_all: bool) -> Vocabulary:
    """The axes of axes.csv with their names (``name_fr``…, as the site shows them), and ``all``
    (``Tous les axes``…) where a cell may say the whole cluster."""
    ids = [str(v) for v in axes["id"]]
    names = {lang: dict(zip(ids, (str(n) for n in localized(axes, "name", lang)), strict=True))
             for lang in LANGS}
    return vocabulary_of(ids, names, catalogue_vocabulary((AXIS_ALL,), "axis") if with_all else None)


def partners_vocabulary(partners: pd.DataFrame) -> Vocabulary:
    """The partners' ids with their names (``Université de Strasbourg``), the same in every language:
    a reference to a partner may give its exact name, compared like a vocabulary's labels."""
    ids = [str(v) for v in partners["id"]]
    names = dict(zip(ids, (str(n) for n in partners["name"]), strict=True))
    return vocabulary_of(ids, dict.fromkeys(LANGS, names))
