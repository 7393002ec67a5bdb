"""Sources as the staff write them: a URL, a citation, or several joined with " ; "."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from enact_dash.i18n import keep_together

SEPARATOR = ";"
# An http(s) address inside text; it does not end with the punctuation that follows it in a sentence.
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"';,]+[^\s<>\"';,.)]")
_ENCODED = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def parts(source: str) -> list[str]:
    """``"Communiqué de presse ; https://x.fr/a"`` -> ``["Communiqué de presse", "https://x.fr/a"]``."""
    return [part.strip() for part in str(source or "").split(SEPARATOR + " ") if part.strip()]


def is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def first_url(source: str) -> str:
    """The first web address among the parts ('' if none): what a link points to."""
    return next((part for part in parts(source) if is_url(part)), "")


def short(source: str) -> str:
    """Readable text: URLs by their host (``factuel.univ-lorraine.fr``), citations as written but for the
    addresses in them (by their host as well)."""
    # An address inside a citation ("site : https://…") is shortened to its host too.
    return keep_together(" ; ".join(
        _host(part) if is_url(part) else URL_IN_TEXT.sub(lambda m: _host(m.group(0)), part)
        for part in parts(source)))


def _host(url: str) -> str:
    host = url.split("/")[2] if url.count("/") >= 2 else url
    return host.removeprefix("www.")


def _decoded(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        text = bytes.fromhex(run.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return run
    # Only letters outside ASCII are shown decoded ("é"); ASCII that was encoded (a space, "/", "?") and
    # invisible characters (e.g. a right-to-left override) stay encoded, so the text reads as the address.
    return "".join(ch if ord(ch) > 127 and ch.isprintable() else quote(ch, safe="") for ch in text)


def readable_url(url: str) -> str:
    """An address as a reader reads it: ``…/wiki/Universit%C3%A9_de_Lorraine`` ->
    ``…/wiki/Université_de_Lorraine`` (for display only: links keep the address as written)."""
    return _ENCODED.sub(_decoded, url)


def readable(text: str) -> str:
    """Text with every address in it made readable (:func:`readable_url`)."""
    return URL_IN_TEXT.sub(lambda match: readable_url(match.group(0)), text)


def link_html(url: str, label: str) -> str:
    """A link to ``url`` (as written) showing ``label`` with its addresses readable; both escaped."""
    href = html.escape(url, quote=True)
    return f'<a href="{href}" rel="noopener noreferrer" target="_blank">{html.escape(readable(label))}</a>'


def linkify(text: str) -> str:
    """Escaped text in which every http(s) address becomes a link showing it readable; the text between
    keeps its punctuation on its line (:func:`enact_dash.i18n.keep_together`)."""
    out, end = [], 0
    for match in URL_IN_TEXT.finditer(text):
        out.append(html.escape(keep_together(text[end:match.start()])))
        out.append(link_html(match.group(0), match.group(0)))
        end = match.end()
    out.append(html.escape(keep_together(text[end:])))
    return "".join(out)
