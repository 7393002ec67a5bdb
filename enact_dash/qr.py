"""QR codes (segno): an inline, scalable SVG for pages and a PNG for tests and print.

Dark modules on a light background with the standard quiet zone (4 modules): inverted codes are not read
by every phone.
"""

from __future__ import annotations

import html
import io

import segno

QUIET_ZONE = 4
DARK = "#000000"
LIGHT = "#ffffff"


def make_qr(url: str) -> segno.QRCode:
    """A QR code (never a Micro QR) with medium error correction, boosted when the size allows."""
    return segno.make(url, error="m", micro=False, boost_error=True)


def qr_svg(url: str, *, label: str, css_class: str = "enact-qr") -> str:
    """Inline SVG encoding ``url``: no fixed size (it fills its box), ``label`` as its accessible name."""
    svg: str = make_qr(url).svg_inline(
        scale=1, border=QUIET_ZONE, dark=DARK, light=LIGHT, omitsize=True, svgclass=css_class,
        title=label,
    )
    name = html.escape(label, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1)


def qr_svg_data_uri(url: str) -> str:
    """The SVG as a ``data:`` URI, for an ``<img>`` where inline ``<svg>`` is not allowed
    (Streamlit's ``st.html`` keeps HTML tags only)."""
    uri: str = make_qr(url).svg_data_uri(scale=1, border=QUIET_ZONE, dark=DARK, light=LIGHT,
                                         omitsize=True)
    return uri


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """The same code as PNG bytes (``scale`` pixels per module)."""
    out = io.BytesIO()
    make_qr(url).save(out, kind="png", scale=scale, border=QUIET_ZONE, dark=DARK, light=LIGHT)
    return out.getvalue()
