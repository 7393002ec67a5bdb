"""Problems found while loading the data files: where (file, line, field) and why, in every language."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from enact_dash.i18n import t


class Level(StrEnum):
    ERROR = "error"  # the row (or the whole file) is left out
    WARNING = "warning"  # the row is kept, the bad value is ignored


class Outcome(StrEnum):
    """What happens to the data (``common.data_problems.outcome.<value>``)."""

    FILE_LEFT_OUT = "file_left_out"
    ROW_LEFT_OUT = "row_left_out"
    VALUE_IGNORED = "value_ignored"
    VALUE_KEPT = "value_kept"  # kept as written (or as read), with a note
    COLUMN_IGNORED = "column_ignored"
    COLUMN_EMPTY = "column_empty"
    COLUMN_READ = "column_read"  # a header read as the column it stands for
    FILE_SHOWN = "file_shown"  # the file is shown as read, with a note on the whole file


# Errors that leave the whole file out although they sit on line 1.
_FILE_CODES = frozenset({"column_missing", "column_missing_renamed"})


@dataclass(frozen=True)
class Problem:
    """One located problem. ``line`` is the spreadsheet row (header = 1); 0 for the whole file."""

    file: str
    line: int
    field: str
    code: str
    value: str = ""
    params: tuple[tuple[str, str], ...] = field(default=())
    level: Level = Level.ERROR
    outcome_override: Outcome | None = None
    # The column as its header cell is written in the file (``Ville``, ``CITY``) when it differs from
    # ``field`` (the name it is matched with): what the staff see in the messages.
    heading: str = ""

    @property
    def column(self) -> str:
        """The column as the staff wrote it in the first line (``field`` if written so)."""
        return self.heading or self.field

    @property
    def outcome(self) -> Outcome:
        """What happens: the file, the row or the value left out (or kept with a note)."""
        if self.outcome_override is not None:
            return self.outcome_override
        if self.level is Level.ERROR:
            whole_file = not self.line or self.code in _FILE_CODES
            return Outcome.FILE_LEFT_OUT if whole_file else Outcome.ROW_LEFT_OUT
        return Outcome.VALUE_IGNORED

    def status(self, lang: str) -> str:
        """``erreur — ligne ignorée``, ``avertissement — valeur ignorée``, ``erreur — fichier ignoré``…"""
        return t("common.data_problems.status", lang,
                 level=t(f"common.data_problems.level.{self.level.value}", lang),
                 outcome=t(f"common.data_problems.outcome.{self.outcome.value}", lang))

    def message(self, lang: str) -> str:
        """The reason, for a non-programmer, in ``lang`` (``problems.<code>`` in the catalogues).

        A value not allowed that is clearly a typo of one allowed value (parameters ``did_you_mean``, the
        id or label it is closest to, and ``did_you_mean_id``, the id of that label) ends with the
        question ``Vouliez-vous dire « Entreprise » (company) ?``."""
        params = self.params_in(lang)
        text = t(f"problems.{self.code}", lang, value=_shorten(self.value), **params)
        meant = params.get("did_you_mean")
        if not meant:
            return text
        shown = t("common.data_problems.quoted", lang, value=meant)
        if params.get("did_you_mean_id"):  # a label: its id too, as the lists of allowed values write it
            shown = f"{shown} ({params['did_you_mean_id']})"
        return f"{text}. {t('problems.did_you_mean', lang, value=shown)}"

    def params_in(self, lang: str) -> dict[str, str]:
        """The parameters for ``lang``: ``allowed@fr`` is ``allowed`` in French (a text written in every
        language when the problem is found, e.g. the allowed values with their labels)."""
        own = {k: v for k, v in self.params if "@" not in k}
        for name, value in self.params:
            base, _, for_lang = name.partition("@")
            if for_lang == lang or (for_lang == "fr" and base not in own):
                own[base] = value
        return own

    def where(self) -> str:
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
        return ":".join(parts)

    def format(self, lang: str = "en") -> str:
        """``partners.csv:14: city: “Nanci” not found in Grand Est or the border countries``.

        The location ``file:line: column:`` is written as compilers write it in every language (editors
        and ``grep`` read it); the message after it is set in the language's typography."""
        head = self.where()
        if self.column:
            head += f": {self.column}"
        return f"{head}: {self.message(lang)}"


def quoted_list(names: list[str] | tuple[str, ...], lang: str) -> str:
    """``« Ville », « Pays »`` (``"Ville", "Pays"``, ``„Ville“, „Pays“``): names as written, quoted."""
    return ", ".join(t("common.data_problems.quoted", lang, value=name) for name in names)


def _shorten(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


class FieldError(ValueError):
    """Raised by a column parser: ``code`` names the message, ``params`` fill it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = tuple((k, str(v)) for k, v in params.items())


class FieldNote(Exception):  # noqa: N818 - not an error: a value read, with a note
    """Raised by a column parser that read ``value`` but wants the staff told (a warning).

    ``dropped``: the notes name parts of the cell that were left out of ``value`` (e.g. one unknown
    value of a list), so what happens is "value ignored" for them; otherwise the value is kept as read.
    ``more``: further notes on the same cell, one problem each.
    """

    def __init__(self, value: object, code: str, **params: object) -> None:
        super().__init__(code)
        self.value = value
        self.code = code
        self.params = tuple((k, str(v)) for k, v in params.items())
        self.dropped = False
        self.more: tuple[FieldNote, ...] = ()

    @classmethod
    def ignored(cls, value: object, notes: list[FieldNote]) -> FieldNote:
        """``value`` read without the parts each of ``notes`` names (one problem per note)."""
        for note in notes:
            note.dropped = True
        return cls.of(value, notes)

    @classmethod
    def of(cls, value: object, notes: list[FieldNote]) -> FieldNote:
        """``value`` read, with ``notes`` (one problem each, each with its own ``dropped``)."""
        first, *rest = notes
        note = cls(value, first.code, **dict(first.params))
        note.dropped = first.dropped
        note.more = tuple(rest)
        return note
