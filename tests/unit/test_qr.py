"""QR codes: what a phone decodes is exactly the URL given."""

from __future__ import annotations

import base64
import io
from urllib.parse import unquote

import pytest
import zxingcpp
from PIL import Image

from enact_dash.qr import qr_png, qr_svg, qr_svg_data_uri

URLS = [
    "http://localhost:8501/",
    "https://enact.example.org/events?lang=en&axis=health",
    "https://enact.example.org/partners?q=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E&city=Metz",
    "https://enact.example.org/?city=Vand%C5%93uvre-l%C3%A8s-Nancy&lang=de",
    "https://enact.example.org/achievements?year=2025&axis=nlp&axis=science&axis=health&lang=en",
]


def decode(png: bytes) -> list[str]:
    image = Image.open(io.BytesIO(png)).convert("L")
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("url", URLS)
def test_png_decodes_to_the_url(url: str) -> None:
    assert decode(qr_png(url)) == [url]


def test_small_png_still_decodes() -> None:
    assert decode(qr_png(URLS[1], scale=3)) == [URLS[1]]


def test_svg_is_scalable_and_named() -> None:
    svg = qr_svg(URLS[1], label="QR code vers <b>x</b> & co")

    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert 'aria-label="QR code vers &lt;b&gt;x&lt;/b&gt; &amp; co"' in svg
    assert "viewBox" in svg
    assert "width=" not in svg.split(">", 1)[0]
    assert "<b>" not in svg


def test_data_uri_holds_the_same_svg_modules() -> None:
    uri = qr_svg_data_uri(URLS[1])
    assert uri.startswith("data:image/svg+xml")
    payload = uri.split(",", 1)[1]
    text = base64.b64decode(payload).decode() if ";base64" in uri.split(",", 1)[0] else unquote(payload)
    path = qr_svg(URLS[1], label="x").split('class="qrline"', 1)[1].split('d="', 1)[1].split('"', 1)[0]
    assert path in text
