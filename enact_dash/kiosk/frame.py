"""The kiosk's look: full-screen CSS and the HTML around each slide (heading, QR code, progress).

Sizes follow the viewport (``vw``/``vh`` inside ``clamp()``), so text read from 5 m on a 1080p screen
is as readable on a 4K one. Colours: white and pale yellow on navy, contrast above 10:1.
Every text that reaches HTML is escaped here.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from enact_dash.i18n import format_number, t
from enact_dash.kiosk.schedule import Slot
from enact_dash.qr import qr_svg_data_uri

NAVY = "#0b1f3a"
ACCENT = "#ffd166"
MUTED = "#c9d6e8"

# Hides Streamlit's chrome (header, toolbar, menu, status and connection widgets, sidebar, footer)
# and stops the fading of elements while a slide reruns. Injected only by the kiosk page.
KIOSK_CSS = f"""
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stConnectionStatus"], [data-testid="stMainMenu"],
[data-testid="stAppDeployButton"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stBottom"], [data-testid="stSkipToContent"],
footer {{ display: none !important; }}
[data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
  background: {NAVY} !important; color: #ffffff; }}
[data-testid="stMain"] {{ overflow: hidden; }}
[data-testid="stMainBlockContainer"] {{ max-width: none !important; padding: 2.5vh 3vw 0 !important; }}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {{ gap: 1.5vh; }}
[data-stale="true"] {{ opacity: 1 !important; transition: none !important; }}
.kiosk {{ color: #ffffff; font-size: clamp(1.1rem, min(2vw, 3.6vh), 6rem); line-height: 1.25;
  font-family: "Source Sans Pro", "DejaVu Sans", Arial, sans-serif; }}
.kiosk-head {{ display: flex; align-items: flex-start; justify-content: space-between; gap: 3vw;
  height: 21vh; }}
.kiosk-brand {{ margin: 0; font-size: 0.7em; font-weight: 600; letter-spacing: 0.04em; color: {MUTED};
  text-transform: uppercase; }}
.kiosk-head h1 {{ margin: 0.1em 0 0; padding: 0; color: #ffffff; font-size: 1.9em; line-height: 1.1;
  font-weight: 700; }}
.kiosk-head h1.long {{ font-size: 1.45em; }}
.kiosk-sub {{ display: flex; align-items: center; gap: 1.2em; margin-top: 0.5em; }}
.kiosk-theme {{ margin: 0; font-size: 0.8em; color: {ACCENT}; }}
.kiosk ol.kiosk-dots {{ display: flex; gap: 0.45em; margin: 0 !important; padding: 0;
  list-style: none; font-size: 0.6em !important; color: {MUTED}; align-items: center; }}
.kiosk-dots li {{ width: 0.8em; height: 0.8em; border-radius: 50%; border: 2px solid {MUTED}; }}
.kiosk-dots li.on {{ background: {ACCENT}; border-color: {ACCENT}; }}
.kiosk-qr {{ display: flex; gap: 1vw; align-items: center; margin: 0; flex-shrink: 0; }}
.kiosk-qr .enact-qr {{ width: 19vh; height: 19vh; display: block; background: #ffffff;
  border-radius: 0.4vh; }}
.kiosk-qr figcaption {{ max-width: 24vw; font-size: 0.62em; color: {MUTED}; text-align: right; }}
.kiosk-qr figcaption strong {{ display: block; color: #ffffff; font-size: 1.15em; margin-bottom: 0.3em; }}
.kiosk-qr .url {{ display: block; overflow-wrap: normal; word-break: normal; hyphens: none;
  font-size: max(14px, 1em); }}
.kiosk-qr .url > span {{ white-space: nowrap; }}
.kiosk-qr .url.long {{ font-size: max(14px, 0.8em); }}
.kiosk-body.fill {{ height: 72vh; overflow: hidden; }}
.kiosk ul, .kiosk ol {{ padding-left: 0 !important; margin-left: 0 !important;
  font-size: inherit !important; }}
.kiosk li {{ margin: 0 !important; padding: 0; font-size: inherit !important; }}
.kiosk p {{ font-size: inherit; }}
.kiosk-progress {{ position: fixed; left: 0; right: 0; bottom: 0; height: 0.7vh; background: #1c355c;
  z-index: 1000; }}
.kiosk-progress span {{ display: block; height: 100%; background: {ACCENT}; transform-origin: left center;
  animation-name: kiosk-progress; animation-timing-function: linear; animation-fill-mode: forwards; }}
@keyframes kiosk-progress {{ from {{ transform: scaleX(0); }} to {{ transform: scaleX(1); }} }}
@media (prefers-reduced-motion: reduce) {{ .kiosk-progress span {{ animation: none; transform: none; }} }}
.kiosk-tiles {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: 2.5vh 2.5vw; margin: 0;
  padding: 0; list-style: none; }}
.kiosk .kiosk-tile {{ border-left: 0.5vw solid {ACCENT}; padding: 0.2em 0 0.2em 0.8em; }}
.kiosk-tile .value {{ font-size: 2.4em; font-weight: 700; color: {ACCENT}; line-height: 1.05; }}
.kiosk-tile .value.small {{ font-size: 1.3em; padding: 0.35em 0; }}
.kiosk-tile .label {{ font-size: 0.9em; margin-top: 0.2em; }}
.kiosk-tile .source, .kiosk-note {{ font-size: 0.6em; color: {MUTED}; margin-top: 0.4em; }}
.kiosk-list {{ margin: 0; padding: 0; list-style: none; display: grid; gap: 1.8vh; }}
.kiosk .kiosk-list li {{ display: grid; grid-template-columns: 30% 1fr; gap: 2vw; align-items: baseline; }}
.kiosk-list li > div {{ min-width: 0; }}
.kiosk-list .when {{ color: {ACCENT}; font-weight: 700; font-size: 1.05em; }}
.kiosk-list .title {{ font-size: 1.05em; font-weight: 600; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; }}
.kiosk-list .meta {{ font-size: 0.7em; color: {MUTED}; margin-top: 0.15em; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }}
.kiosk-columns {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(20vw, 1fr)); gap: 2.5vw;
  margin: 0; padding: 0; list-style: none; }}
.kiosk-columns h2 {{ margin: 0 0 0.4em; padding: 0; font-size: 1em; color: {ACCENT}; line-height: 1.15; }}
.kiosk-columns p {{ margin: 0 0 0.5em; }}
.kiosk-columns .meta {{ font-size: 0.7em; color: {MUTED}; }}
.kiosk-record {{ display: grid; grid-template-columns: 2fr 3fr; gap: 4vw; }}
.kiosk-record h2 {{ margin: 0 0 0.6em; padding: 0; font-size: 0.9em; color: {ACCENT}; line-height: 1.15; }}
.kiosk-record ol, .kiosk-record ul {{ margin: 0; padding: 0; list-style: none; display: grid; gap: 2.2vh; }}
.kiosk-steps .when {{ color: {ACCENT}; font-weight: 700; font-size: 0.75em; }}
.kiosk-record .title {{ font-size: 0.75em; line-height: 1.3; display: -webkit-box;
  -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }}
.kiosk .kiosk-actions li {{ border-left: 0.35vw solid {ACCENT}; padding-left: 0.6em; }}
.kiosk-record .more {{ font-size: 0.65em; color: {MUTED}; margin: 1em 0 0; }}
.kiosk-record .lead {{ font-size: 0.65em; color: {MUTED}; line-height: 1.3; margin: -0.4em 0 1.2em; }}
.kiosk-lead {{ font-size: 1.1em; margin: 0 0 1em; }}
.kiosk-empty {{ font-size: 1.2em; color: {MUTED}; margin-top: 10vh; }}
.kiosk-map-note {{ font-size: 0.7em; color: {MUTED}; margin: 0; }}
.kiosk-aside h2 {{ margin: 0 0 0.15em; padding: 0; font-size: 0.8em; color: {ACCENT}; line-height: 1.2; }}
.kiosk-aside h2 .count {{ color: {MUTED}; font-weight: 400; }}
.kiosk-aside p {{ margin: 0 0 0.9em; font-size: 0.62em; line-height: 1.35; }}
.kiosk-aside p span {{ white-space: nowrap; }}
.kiosk-aside p.more {{ color: {MUTED}; }}
iframe[src*="/streamlit_folium.st_folium/"] {{ height: 64vh !important; border-radius: 0.5vh;
  background: #ffffff; }}
</style>
"""

# Nothing on an unattended screen takes the keyboard focus (a keyboard left attached, a remote): Streamlit
# makes its main area focusable (tabindex 0, for scrolling) and a component's frame is focusable; the
# kiosk neither scrolls nor takes input. Installed once per page load, kept as Streamlit redraws.
NO_FOCUS_JS = """
<script>
if (!window.__enactKioskNoFocus) {
  const unfocusable = () => {
    document.querySelectorAll('[data-testid="stMain"], iframe, [data-testid="stSkipToContent"]')
      .forEach((element) => {
        if (element.getAttribute("tabindex") !== "-1") element.setAttribute("tabindex", "-1");
      });
  };
  unfocusable();
  window.__enactKioskNoFocus = new MutationObserver(unfocusable);
  window.__enactKioskNoFocus.observe(document.body, {childList: true, subtree: true, attributes: true,
                                                     attributeFilter: ["tabindex"]});
}
</script>
"""

# Streamlit's client adds two performance marks and a measure at every script run and never clears
# them: over a day of rotation that is a slow, steady growth of the page's memory. Installed once per
# page load (a full run), it clears them every ten minutes.
HOUSEKEEPING_JS = """
<script>
if (!window.__enactKioskHousekeeping) {
  window.__enactKioskHousekeeping = setInterval(function () {
    performance.clearMarks();
    performance.clearMeasures();
  }, 600000);
}
</script>
"""


def short_url(url: str) -> str:
    """``example.org/events``: the address as a visitor would type it (no scheme, no query string: the
    QR code holds the whole link, filters and language included)."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


LONG_URL_PART = 22  # characters: an address part longer than this is shown in smaller type


def url_html(text: str) -> str:
    """An address that may break after a "/" only (``<wbr>``), each part between two "/" on one line
    (``nowrap``: never "cluster-ia-" / "enact.ai"); escaped. A part too long for the caption's width
    makes the whole address smaller (class ``long``; the CSS keeps it readable)."""
    parts = text.split("/")
    css = "url long" if max(len(part) for part in parts) > LONG_URL_PART else "url"
    return (f"<span class='{css}'>"
            + "/<wbr>".join(f"<span>{html.escape(part)}</span>" for part in parts) + "</span>")


def qr_html(url: str, lang: str) -> str:
    """The QR code with its caption: a call to action and the address in clear."""
    label = html.escape(t("kiosk.qr.label", lang, url=url), quote=True)
    image = f"<img class='enact-qr' src='{html.escape(qr_svg_data_uri(url), quote=True)}' alt='{label}'>"
    return (
        "<figure class='kiosk-qr'>"
        f"<figcaption><strong>{html.escape(t('kiosk.qr.caption', lang))}</strong>"
        f"{url_html(short_url(url))}</figcaption>"
        f"{image}</figure>"
    )


def progress_html(slot: Slot, lang: str) -> str:
    """The slide's position (dots, with the count in words for screen readers) and a timer bar.

    The bar starts where the slide's time already stands (negative delay), so it ends with the slide.
    """
    dots = "".join(
        "<li class='on' aria-current='step'></li>" if i == slot.index else "<li></li>"
        for i in range(slot.count)
    )
    words = t("kiosk.progress", lang, index=format_number(slot.index + 1, lang),
              count=format_number(slot.count, lang))
    bar = (
        f"<div class='kiosk-progress' aria-hidden='true'><span style='animation-duration:{slot.rotate}s;"
        f"animation-delay:-{slot.elapsed:.2f}s'></span></div>"
    )
    return (f"<ol class='kiosk-dots' aria-label='{html.escape(words, quote=True)}' "
            f"title='{html.escape(words, quote=True)}'>{dots}</ol>{bar}")


# A title longer than this is set smaller, so that it stays on one line beside the QR code: the band has
# a fixed height, and a second line pushed the theme into the slide's body ("Forschungsachsen und
# Lehrstühle").
LONG_TITLE_CHARS = 24
LONG_TITLE = " class='long'"


def head_html(slot: Slot, title: str, public_url: str, lang: str, *, theme: str = "") -> str:
    """The top band of every slide: brand, slide title, theme, position; the QR code on the right.

    ``data-*`` attributes name the slide, language and tick for tests and for the bar to restart.
    Without a public URL (``""``) there is no QR code nor address; the band keeps its height.
    """
    theme_html = (f"<p class='kiosk-theme'>{html.escape(t('kiosk.theme', lang, names=theme))}</p>"
                  if theme else "")
    return (
        f"<header class='kiosk kiosk-head' lang='{html.escape(lang, quote=True)}' "
        f"data-slide='{html.escape(slot.slide, quote=True)}' data-tick='{slot.tick}' "
        f"data-lang='{html.escape(lang, quote=True)}'>"
        f"<div><p class='kiosk-brand'>{html.escape(t('common.app_title', lang))}</p>"
        f"<h1{LONG_TITLE if len(title) > LONG_TITLE_CHARS else ''}>{html.escape(title)}</h1>"
        f"<div class='kiosk-sub'>{progress_html(slot, lang)}{theme_html}</div>"
        "</div>"
        f"{qr_html(public_url, lang) if public_url else ''}</header>"
    )


def body_html(inner: str, lang: str, slide: str, *, fill: bool = True) -> str:
    """Wrap a slide's (already escaped) body; ``fill``: take the screen below the heading."""
    css = "kiosk kiosk-body fill" if fill else "kiosk kiosk-body"
    return (f"<section class='{css}' lang='{html.escape(lang, quote=True)}' "
            f"data-body='{html.escape(slide, quote=True)}'>{inner}</section>")


def empty_html(message: str) -> str:
    return f"<p class='kiosk-empty'>{html.escape(message)}</p>"
