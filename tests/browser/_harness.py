"""Real-browser harness: a Streamlit server on a free port, Debian's chromium, loopback-only network.

Plain functions and classes (no pytest here), shared by tests/browser/conftest.py and bench/bench.py.

- `StreamlitServer(script, data_dir=None)`: `start()` runs `python -m streamlit run` on a free port
  and polls `/_stcore/health` until "ok" (bounded); `stop()` terminates it. Also a context manager.
- `launch_chromium(playwright)`: Debian's chromium, headless, no sandbox, no background traffic.
- `NetworkGuard.attach(context)`: lets loopback requests through, aborts and records the rest.
- `DeadProxy` (bench/): a refusing proxy for chromium (`launch_chromium(..., extra_args=...)`), so
  requests outside loopback fail without going through Playwright; `DeadProxy.failed_outside`.
- `wait_ready_each_frame(page, ...)` (bench/): "ready" checked in the page at every animation frame.
- `goto_app(page, path, **query)` / `wait_app_idle(page)`: load a page and wait for the script run
  to end, the way Streamlit's own e2e tests do (`data-test-script-state="notRunning"`, then no
  `stSkeleton`).
- `assert_no_app_errors(page)`, `assert_no_serious_axe(page)`.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlencode, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Frame, Page, Playwright, Route, WebSocketRoute
from playwright.sync_api import expect as pw_expect

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_SCRIPT = REPO_ROOT / "dashboard" / "app.py"
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

# Streamlit's app root carries the state of the current script run (checked in the installed
# frontend bundle: `"data-test-script-state": runId === "<null>" ? "initial" : scriptRunState`).
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SKELETON = '[data-testid="stSkeleton"]'
EXCEPTION = '[data-testid="stException"]'
ERROR_ALERT = '[data-testid="stAlertContentError"]'

# The partner map: streamlit-folium's component iframe; enact_dash/assets/points_layer.js sets
# data-enact-points="ready" on the map container once every marker is in its (cluster) layer.
MAP_FRAME = 'iframe[src*="/streamlit_folium.st_folium/"]'  # its title is the map's (LeafletTexts)
MAP_READY = '.leaflet-container[data-enact-points="ready"]'
MAP_MARKS = ".enact-cluster, .leaflet-marker-icon, .leaflet-overlay-pane canvas"

DEFAULT_TIMEOUT_MS = 30_000
HEALTH_TIMEOUT_S = 60.0

# Streamlit-internal nodes excluded from axe, each with the reason (keep it minimal and precise).
AXE_EXCLUDE_STREAMLIT: tuple[tuple[str, str], ...] = ()


# --- server ------------------------------------------------------


def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago (bind port 0, read it, release it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def is_healthy(base_url: str, socket_timeout: float = 0.5) -> bool:
    """True when Streamlit answers "ok" on /_stcore/health."""
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=socket_timeout) as resp:
            return resp.status == 200 and resp.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@dataclass
class StreamlitServer:
    """One `streamlit run` subprocess on a free loopback port (cwd = repo root)."""

    script: Path = APP_SCRIPT
    data_dir: Path | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "streamlit", "run", str(self.script),
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
            "--server.runOnSave", "false",
        ]  # fmt: skip

    def start(self, timeout: float = HEALTH_TIMEOUT_S) -> StreamlitServer:
        if not Path(self.script).is_file():
            raise FileNotFoundError(f"Streamlit entry point not found: {self.script}")
        env = {**os.environ, **self.env, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        if self.data_dir is not None:
            env["ENACT_DATA_DIR"] = str(self.data_dir)
        self.port = self.port or free_port()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            self.command(), cwd=REPO_ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )
        self._wait_healthy(timeout)
        return self

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pause = threading.Event()  # never set: its wait() is a bounded pause between polls
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.proc.returncode}:\n{self.log_tail()}")
            if is_healthy(self.base_url):
                return
            pause.wait(0.1)
        self.stop()
        raise TimeoutError(f"streamlit not healthy after {timeout:.0f}s:\n{self.log_tail()}")

    def log_tail(self, max_chars: int = 4000) -> str:
        if self._log is None or self._log.closed:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-max_chars:]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if self._log is not None:
            self._log.close()

    def __enter__(self) -> StreamlitServer:
        return self.start() if self.proc is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- browser -----------------------------------------------------


def chromium_available() -> bool:
    return CHROMIUM_PATH.is_file() and os.access(CHROMIUM_PATH, os.X_OK)


def launch_chromium(playwright: Playwright, *, extra_args: Sequence[str] = ()) -> Browser:
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), headless=True, args=[*CHROMIUM_ARGS, *extra_args]
    )


class DeadProxy:
    """A loopback port that refuses connections, as chromium's proxy: every request that leaves
    loopback fails in the network stack, without the per-request round trip to Playwright that
    ``NetworkGuard``'s routes cost. For timing (bench/); ``failed_outside(context)`` records the URLs
    that were refused. Chromium sends loopback and link-local addresses around a proxy by default:
    ``<-loopback>`` drops that rule, and the loopback hosts alone are listed to go around it."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused

    @property
    def chromium_args(self) -> tuple[str, ...]:
        return (
            f"--proxy-server=http://127.0.0.1:{self._socket.getsockname()[1]}",
            "--proxy-bypass-list=<-loopback>;localhost;127.0.0.0/8;[::1]",
        )

    def close(self) -> None:
        self._socket.close()

    @staticmethod
    def failed_outside(context: BrowserContext) -> list[str]:
        """A list that fills with the non-loopback URLs the context tried (requests and sockets)."""
        urls: list[str] = []

        def note(url: str) -> None:
            if not is_loopback(url):
                urls.append(url)

        context.on("requestfailed", lambda request: note(request.url))
        context.on("page", lambda page: page.on("websocket", lambda ws: note(ws.url)))
        return urls


def is_loopback(url: str) -> bool:
    """True for http(s)/ws(s) URLs on a loopback host, and for data:/blob:/about: URLs."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    host = (parts.hostname or "").lower()
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name other than localhost, e.g. "127.0.0.1.example.com"
        return False


@dataclass
class NetworkGuard:
    """Aborts every request (HTTP and WebSocket) that leaves loopback and records its URL."""

    blocked: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> NetworkGuard:
        context.route(lambda url: not is_loopback(url), self._abort)
        context.route_web_socket(lambda url: not is_loopback(url), self._close_socket)
        return self

    def _abort(self, route: Route) -> None:
        self.blocked.append(route.request.url)
        route.abort("blockedbyclient")

    def _close_socket(self, ws: WebSocketRoute) -> None:
        self.blocked.append(ws.url)
        ws.close()


@dataclass
class AppPage:
    """A page in its own loopback-only context; `blocked` lists the URLs the guard aborted."""

    page: Page
    guard: NetworkGuard

    @property
    def blocked(self) -> list[str]:
        return self.guard.blocked

    def goto(self, path: str = "", /, **query: str | Sequence[str]) -> Page:
        goto_app(self.page, path, **query)
        return self.page


def new_guarded_context(
    browser: Browser, base_url: str, **context_kwargs: Any
) -> tuple[BrowserContext, NetworkGuard]:
    """A fresh context whose relative URLs resolve against `base_url`, with a NetworkGuard."""
    context = browser.new_context(base_url=base_url, **context_kwargs)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context, NetworkGuard().attach(context)


# --- app pages ---------------------------------------------------


def app_path(path: str = "", **query: str | Sequence[str]) -> str:
    """Relative URL of an app page: app_path("partners", lang="fr", axis=["nlp", "health"])."""
    url = "/" + path.strip("/")
    pairs = [
        (key, item) for key, value in query.items() for item in ([value] if isinstance(value, str) else value)
    ]
    return f"{url}?{urlencode(pairs)}" if pairs else url


def wait_app_idle(page: Page, timeout_ms: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait until the script run has finished and no skeleton placeholder is left."""
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout_ms)
    pw_expect(page.locator(SKELETON)).to_have_count(0, timeout=timeout_ms)


def goto_app(page: Page, path: str = "", /, **query: str | Sequence[str]) -> None:
    """Load an app page (relative to the context's base_url) and wait for the app to be idle."""
    page.goto(app_path(path, **query), wait_until="commit")
    wait_app_idle(page)


def map_frame(page: Page) -> Frame:
    """The partner map's frame (streamlit-folium's component iframe, same origin)."""
    handle = page.locator(MAP_FRAME).first.element_handle()
    assert handle is not None
    frame = handle.content_frame()
    assert frame is not None
    return frame


def wait_map_ready(page: Page, timeout_ms: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait until the map iframe shows its markers (clusters, marker icons or the marker canvas)."""
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(MAP_READY).wait_for(state="attached", timeout=timeout_ms)
    frame.locator(MAP_MARKS).first.wait_for(state="visible", timeout=timeout_ms)


# One in-page check of "ready", evaluated at every animation frame (``wait_ready_each_frame``): the
# app is idle (as in ``wait_app_idle``) and, when asked, a frame's document (``frame``: a selector of
# the iframe, same origin; none: the page itself) has ``ready`` and shows one of ``marks``. Playwright's
# own waits poll at growing intervals (0, 20, 50, 100, 100, then every 500 ms), which rounds a load
# time up by as much as half a second: right for tests, too coarse to time pages.
READY_JS = """
({app, frame, ready, marks}) => {
  if (app && (!document.querySelector(app.idle) || document.querySelector(app.skeleton))) return false;
  if (!ready) return true;
  let doc = document;
  if (frame) {
    const element = document.querySelector(frame);
    if (!element) return false;
    doc = element.contentDocument;
    if (!doc) throw new Error(`cannot read the document of ${frame} (another origin?)`);
  }
  if (!doc.querySelector(ready)) return false;
  for (const mark of doc.querySelectorAll(marks)) {
    if (mark.tagName === "IMG" && !(mark.complete && mark.naturalWidth > 0)) continue;  // drawn yet?
    const box = mark.getBoundingClientRect();
    const style = mark.ownerDocument.defaultView.getComputedStyle(mark);
    if (box.width > 0 && box.height > 0 && style.visibility !== "hidden") return true;
  }
  return false;
}
"""


def wait_ready_each_frame(
    page: Page, *, app: bool = True, frame: str | None = None, ready: str | None = None,
    marks: str | None = None, timeout_ms: float = DEFAULT_TIMEOUT_MS,
) -> None:
    """Wait, checking at every animation frame, until the app is idle (``app``) and, if ``ready`` is
    given, the document of ``frame`` (or the page) has ``ready`` and a visible element among ``marks``
    (default: ``ready`` itself; an image counts once it is loaded). For timing (bench/); tests use the
    plain waits above."""
    arg = {
        "app": {"idle": APP_IDLE, "skeleton": SKELETON} if app else None,
        "frame": frame,
        "ready": ready,
        "marks": marks or ready,
    }
    page.wait_for_function(READY_JS, arg=arg, polling="raf", timeout=timeout_ms)


def wait_frames_loaded(page: Page, timeout_ms: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait for the load event of every iframe present now (Streamlit components, e.g. the map)."""
    for frame in page.frames:
        if frame is not page.main_frame and not frame.is_detached():
            frame.wait_for_load_state("load", timeout=timeout_ms)


def assert_no_app_errors(page: Page) -> None:
    """No Streamlit exception box and no error alert on the page."""
    problems = [
        f"{selector}: {text.strip()[:300]!r}"
        for selector in (EXCEPTION, ERROR_ALERT)
        for text in page.locator(selector).all_inner_texts()
    ]
    assert not problems, f"errors shown on {page.url}:\n" + "\n".join(problems)


# --- axe ---------------------------------------------------------

_AXE_SCRIPT = Axe().axe_script
SERIOUS_IMPACTS = frozenset({"serious", "critical"})


def run_axe(page: Page, exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Run the axe-core shipped in axe-playwright-python (no network) on the page and its frames."""
    for frame in page.frames:
        if not frame.is_detached():
            frame.evaluate(_AXE_SCRIPT)
    context: dict[str, Any] = {"include": [["html"]]}
    excluded = [[selector] for selector in exclude]
    if excluded:
        context["exclude"] = excluded
    result = page.evaluate(
        "([context, options]) => axe.run(context, options)",
        [context, {"resultTypes": ["violations"]}],
    )
    return list(result["violations"])


def serious_violations(violations: Iterable[dict[str, Any]],
                       also: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The serious and critical violations, and those of the rules ``also`` whatever their impact."""
    rules = set(also)
    return [v for v in violations if v.get("impact") in SERIOUS_IMPACTS or v.get("id") in rules]


def format_violations(violations: Iterable[dict[str, Any]], max_targets: int = 3) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} nodes]")
        for node in v["nodes"][:max_targets]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = checks[0]["message"] if checks else ""
            lines.append(f"    {' '.join(map(str, node['target']))}: {why}")
    return "\n".join(lines)


def assert_no_serious_axe(page: Page, exclude: Iterable[str] = (), also: Iterable[str] = ()) -> None:
    """Fail with the serious/critical axe violations (id, impact, help, a few targets), and with those of
    the rules ``also`` (e.g. ``heading-order``, moderate) on the pages that pass them."""
    selectors = [sel for sel, _why in AXE_EXCLUDE_STREAMLIT] + list(exclude)
    # A map reports its first state to the app, which reruns: meanwhile Streamlit shows the page faded
    # (a contrast failure that no visitor reads). A violation counts when it is still there once the app
    # is idle again.
    for _ in range(2):
        wait_app_idle(page)
        found = serious_violations(run_axe(page, selectors), also)
        if not found:
            return
    assert not found, f"serious axe violations on {page.url}:\n{format_violations(found)}"


def horizontal_overflow(page: Page) -> dict[str, int]:
    """Scroll areas (document, Streamlit's main area) wider than their viewport: name -> excess px."""
    return dict(
        page.evaluate(
            """() => {
                const out = {};
                const check = (name, el) => {
                    if (el && el.scrollWidth > el.clientWidth + 1) {
                        out[name] = el.scrollWidth - el.clientWidth;
                    }
                };
                check("document", document.documentElement);
                check("body", document.body);
                check("stMain", document.querySelector('[data-testid="stMain"]'));
                check("stAppViewContainer",
                      document.querySelector('[data-testid="stAppViewContainer"]'));
                return out;
            }"""
        )
    )
