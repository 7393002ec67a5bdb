"""Problems found while loading the data files: where (file, line, field) and why, in every language."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from enact_dash.i18n import t


class Level(StrEnum):
    ERROR = "error"  # the row (or the whole file) is left out
    WARNING = "warning"  # the row is kept, the bad value is ignored


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

    def message(self, lang: str) -> str:
        """The reason, for a non-programmer, in ``lang`` (``problems.<code>`` in the catalogues)."""
        return t(f"problems.{self.code}", lang, value=_shorten(self.value), **dict(self.params))

    def where(self) -> str:
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
        return ":".join(parts)

    def format(self, lang: str = "en") -> str:
        """``partners.csv:14: city: "Nanci" not found in Grand Est or the border countries``."""
        head = self.where()
        if self.field:
            head += f": {self.field}"
        return f"{head}: {self.message(lang)}"


def _shorten(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


class FieldError(ValueError):
    """Raised by a column parser: ``code`` names the message, ``params`` fill it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = tuple((k, str(v)) for k, v in params.items())
