"""Sources as the staff write them: a URL, a citation, or several joined with " ; "."""

from __future__ import annotations

SEPARATOR = ";"


def parts(source: str) -> list[str]:
    """``"Communiqué de presse ; https://x.fr/a"`` -> ``["Communiqué de presse", "https://x.fr/a"]``."""
    return [part.strip() for part in str(source or "").split(SEPARATOR + " ") if part.strip()]


def is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def first_url(source: str) -> str:
    """The first web address among the parts ('' if none): what a link points to."""
    return next((part for part in parts(source) if is_url(part)), "")


def short(source: str) -> str:
    """Readable text: URLs by their host (``factuel.univ-lorraine.fr``), citations as written."""
    out = []
    for part in parts(source):
        if is_url(part):
            host = part.split("/")[2] if part.count("/") >= 2 else part
            out.append(host.removeprefix("www."))
        else:
            out.append(part)
    return " ; ".join(out)
