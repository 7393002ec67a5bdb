"""Sources as the staff write them: one or more citations separated by " ; ".

A citation is a web address alone (``https://…``) or a short text (``Communiqué de presse, journée
annuelle, déc. 2025``), never both: the data carry no words around the addresses ("site : https://…"),
so that every language shows the same citations, joined in its own way (:func:`shown`: " ; " in
French, "; " in English and German).
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from enact_dash.i18n import keep_together, t

SEPARATOR = ";"
# An http(s) address inside text; it does not end with the punctuation that follows it in a sentence.
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"';,]+[^\s<>\"';,.)]")
_ENCODED = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# A ";" followed by a space or ending the text separates citations; one inside an address ("a;b=1") does not.
_BETWEEN = re.compile(SEPARATOR + r"(?:\s+|$)")


def parts(source: str) -> list[str]:
    """``"Communiqué de presse ; https://x.fr/a"`` -> ``["Communiqué de presse", "https://x.fr/a"]``."""
    return [part.strip() for part in _BETWEEN.split(str(source or "")) if part.strip()]


def is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def first_url(source: str) -> str:
    """The first web address among the parts ('' if none): what a link points to."""
    return next((part for part in parts(source) if is_url(part)), "")


def join(citations: list[str], lang: str) -> str:
    """Citations joined as ``lang`` writes a list of references (" ; " in French, "; " otherwise)."""
    return keep_together(t("common.citation_separator", lang).join(citations))


def shown(source: str, lang: str) -> str:
    """The source's citations as written, joined in ``lang``'s way."""
    return join(parts(source), lang)


def short(source: str, lang: str) -> str:
    """Readable text: URLs by their host (``factuel.univ-lorraine.fr``), citations as written but for the
    addresses in them (by their host as well), joined in ``lang``'s way."""
    # An address inside a citation (data written before citations were separated) is shortened too.
    return join([_host(part) if is_url(part) else URL_IN_TEXT.sub(lambda m: _host(m.group(0)), part)
                 for part in parts(source)], lang)


def url_in_text(citation: str) -> bool:
    """A text citation with a web address in it (``site : https://…``): two citations in one."""
    return not is_url(citation) and URL_IN_TEXT.search(citation) is not None


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


def source_html(source: str, lang: str) -> str:
    """The source's citations, escaped, each address a link showing it readable, joined in ``lang``'s way."""
    return html.escape(t("common.citation_separator", lang)).join(linkify(part) for part in parts(source))


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
