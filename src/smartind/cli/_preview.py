"""``smartind preview``: the HTML rendering served on this computer, rebuilt on every save.

Three parts, each with one job:

* :class:`PreviewSession` holds the report being previewed and its last good page. On a save it
  reads again only what changed: a chapter's text alone is composed again (by a
  :class:`~smartind.compose.Composer`, which converts only the changed chapter) without reading
  report.toml; a change to report.toml reloads the data; a template change only renders again.
  While an input is broken it keeps the last good page and the error, as the command line would
  print it, for the banner.
* :class:`PreviewServer` serves that page and nothing else: ``/`` is the page, ``/events`` a
  server-sent event stream that tells the page to reload itself. It binds only to a loopback
  address, answers only requests addressed to it by that name (so another web site cannot read
  the preview through DNS rebinding), and serves no file from disk. It is the standard library's
  :class:`http.server.ThreadingHTTPServer`: one page and one event stream for one writer need no
  framework, and the standard library adds no dependency to install.
* a watcher thread (``watchfiles``, which uses the operating system's file events rather than
  polling) that calls the session on every save.
"""

from __future__ import annotations

import argparse
import html
import ipaddress
import socket
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smartind.errors import SmartindError

if TYPE_CHECKING:
    from smartind.compose import Composer
    from smartind_render.protocol import Renderer

__all__ = ["PreviewServer", "PreviewSession", "loopback_host", "run"]

_EXIT_USAGE = 2
_KEEPALIVE_SECONDS = 15.0

_RELOAD_SCRIPT = """<script>
(function () {
  var events = new EventSource("/events");
  events.addEventListener("reload", function () { window.location.reload(); });
})();
</script>
"""

_BANNER_STYLE = """<style>
.smartind-preview-error {
  margin: 0 0 1.5rem; padding: 1rem 1.25rem; border: 3px solid #8a1c1c;
  background: #fdf0f0; color: #1d1d1b; font-family: inherit;
}
.smartind-preview-error p { margin: 0 0 0.5rem; }
.smartind-preview-error strong { color: #8a1c1c; }
.smartind-preview-error pre { margin: 0; white-space: pre-wrap; font-size: 0.95rem; }
</style>
"""

_EMPTY_PAGE = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Förhandsvisning – smartind</title>
</head>
<body>
<main>
<h1>Förhandsvisning</h1>
<p>Rapporten kan inte visas förrän felet nedan är rättat.</p>
</main>
</body>
</html>
"""


class PreviewSession:
    """A report being previewed: its last good page, the current error, and a change counter.

    ``report`` is a folder or its report.toml. Thread-safe: the watcher rebuilds while the
    server's threads read.
    """

    def __init__(
        self,
        report: Path | None,
        *,
        style: str | None = None,
        template_dir: Path | None = None,
    ) -> None:
        from smartind.load import resolve_report

        self.report_file = resolve_report(report)
        self.folder = self.report_file.parent
        self.template_dir = template_dir
        self._style = style
        self._composer: Composer | None = None
        self._renderer: Renderer | None = None
        self._page: bytes | None = None
        self._error: str | None = None
        self._generation = 0
        self._changed = threading.Condition()
        self._closed = False

    @property
    def generation(self) -> int:
        """How many times the page or the error has changed; the event stream sends it."""
        with self._changed:
            return self._generation

    @property
    def error(self) -> str | None:
        """The error the banner shows, as the command line prints it; ``None`` when all is well."""
        with self._changed:
            return self._error

    def rebuild(self, *, data: bool = True) -> None:
        """Compose and render again; ``data=False`` when only chapters or templates changed."""
        from smartind.load import load_chapters, load_report

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the terminal would fill with the same warnings
                if data or self._composer is None:
                    from smartind.compose import Composer

                    report = load_report(self.report_file)
                    self._composer = Composer(report, style=self._style)
                    chapters = report.chapters
                else:
                    chapters = load_chapters(self.report_file)
                page = self._render(self._composer.compose(chapters))
        except SmartindError as error:
            self._publish(None, f"smartind: {error}")
            return
        self._publish(page, None)

    def _render(self, document: Any) -> bytes:
        from smartind_render.protocol import RenderOptions
        from smartind_render.registry import load_renderer

        if self._renderer is None:
            self._renderer = load_renderer("html")
        options = RenderOptions(style=self._style, template_dir=self.template_dir)
        return self._renderer.render(document, options)

    def _publish(self, page: bytes | None, error: str | None) -> None:
        with self._changed:
            if page is not None:
                self._page = page
            self._error = error
            self._generation += 1
            self._changed.notify_all()

    def page(self) -> bytes:
        """The page to serve: the last good rendering, with the error banner when there is one,
        and the script that reloads it when the event stream says so."""
        with self._changed:
            page, error = self._page, self._error
        text = (page or _EMPTY_PAGE.encode()).decode("utf-8")
        head_end = text.find("</head>")
        body = _body_start(text)
        banner = "" if error is None else _banner(error)
        if head_end < 0 or body < 0:
            return (text + banner + _RELOAD_SCRIPT).encode("utf-8")
        extra_head = _BANNER_STYLE if error is not None else ""
        closing = text.rfind("</body>")
        closing = closing if closing > body else len(text)
        return "".join(
            (
                text[:head_end],
                extra_head,
                text[head_end:body],
                banner,
                text[body:closing],
                _RELOAD_SCRIPT,
                text[closing:],
            )
        ).encode("utf-8")

    def wait(self, seen: int, timeout: float) -> int:
        """The generation, once it is past ``seen`` or ``timeout`` seconds have gone by."""
        with self._changed:
            self._changed.wait_for(lambda: self._generation != seen or self._closed, timeout)
            return self._generation

    def close(self) -> None:
        """Wake every event stream so it can end."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        with self._changed:
            return self._closed


def _body_start(text: str) -> int:
    opening = text.find("<body")
    if opening < 0:
        return -1
    end = text.find(">", opening)
    return -1 if end < 0 else end + 1


def _banner(error: str) -> str:
    # A landmark of its own, so that it is found and read out before the report itself.
    return (
        '<aside class="smartind-preview-error" aria-label="Fel i förhandsvisningen">\n'
        '<div role="alert">\n'
        "<p><strong>Förhandsvisningen visar den senaste versionen som gick att bygga.</strong> "
        "Rätta felet och spara, så uppdateras sidan:</p>\n"
        f"<pre>{html.escape(error)}</pre>\n"
        "</div>\n"
        "</aside>\n"
    )


def loopback_host(host: str) -> str:
    """``host`` when it names this computer only (``127.0.0.1``, ``::1``, ``localhost``).

    Raises ``ValueError`` otherwise: a preview shows a draft that may not be public yet, so it is
    never served to the network.
    """
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(
            f"--host {host}: give a loopback address (127.0.0.1, ::1 or localhost); the preview "
            "is served only to this computer"
        ) from None
    if not address.is_loopback:
        raise ValueError(
            f"--host {host}: {host} is reachable from other computers; the preview is served "
            "only to this computer, so give 127.0.0.1, ::1 or localhost"
        )
    return host


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    session: PreviewSession
    names: frozenset[str]


class _IPv6Server(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if not self._addressed_to_us():
            return
        if self.path in ("/", "/index.html"):
            self._send_page()
        elif self.path == "/events":
            self._stream_events()
        else:
            self._send_plain(HTTPStatus.NOT_FOUND, "Finns inte: förhandsvisningen visar bara /\n")

    def do_HEAD(self) -> None:
        self.do_GET()

    def _addressed_to_us(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        if host in self.server.names:
            return True
        self._send_plain(HTTPStatus.FORBIDDEN, "Fel värdnamn för förhandsvisningen\n")
        return False

    def _send_page(self) -> None:
        page = self.server.session.page()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)

    def _send_plain(self, status: HTTPStatus, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _stream_events(self) -> None:
        session = self.server.session
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        if self.command == "HEAD":
            return
        seen = session.generation
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while not session.closed:
                now = session.wait(seen, _KEEPALIVE_SECONDS)
                if session.closed:
                    break
                if now != seen:
                    seen = now
                    self.wfile.write(f"event: reload\ndata: {now}\n\n".encode())
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request would bury the messages that matter


class PreviewServer:
    """Serves a :class:`PreviewSession` on ``host``:``port`` (0: a free port) and rebuilds it
    when its files change. :meth:`start` returns once the page is ready; :meth:`stop` ends it."""

    def __init__(self, session: PreviewSession, *, host: str = "127.0.0.1", port: int = 0):
        host = loopback_host(host)
        server_class = _IPv6Server if ":" in host else _Server
        self.session = session
        self._server = server_class((host, port), _Handler)
        self._server.session = session
        self.port = int(self._server.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.port}/"
        self._server.names = frozenset(
            {f"{shown}:{self.port}", f"localhost:{self.port}", f"127.0.0.1:{self.port}"}
        )
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Build the page, start serving and watching, and return."""
        self.session.rebuild()
        watch_ready = threading.Event()
        for target, name in (
            (self._server.serve_forever, "smartind-preview-server"),
            (lambda: self._watch(watch_ready), "smartind-preview-watch"),
        ):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        watch_ready.wait(5)

    def stop(self) -> None:
        """Stop watching and serving, and end the open event streams."""
        self._stop.set()
        self.session.close()
        if self._threads:  # shutdown() waits for serve_forever, which may not have started
            self._server.shutdown()
        self._server.server_close()
        for thread in self._threads:
            thread.join(5)

    def _watch(self, ready: threading.Event) -> None:
        from watchfiles import watch

        roots = [self.session.folder]
        if self.session.template_dir is not None:
            roots.append(self.session.template_dir)
        # step: how long to wait for more events after the first; small, since an editor's save
        # is one or two events, and the writer is waiting to see it.
        changes = watch(*roots, stop_event=self._stop, step=10, debounce=400, yield_on_timeout=True)
        ready.set()
        for batch in changes:
            kind = self._kind({Path(path) for _, path in batch})
            if kind is not None:
                self.session.rebuild(data=kind == "data")

    def _kind(self, paths: set[Path]) -> str | None:
        """``"data"`` when report.toml changed, ``"text"`` when only chapters or templates did."""
        report = self.session.report_file.resolve()
        chapters = report.parent / "chapters"
        templates = self.session.template_dir
        kind = None
        for path in paths:
            resolved = path.resolve()
            if resolved == report:
                return "data"
            if (resolved.parent == chapters and resolved.suffix == ".md") or (
                templates is not None and resolved.is_relative_to(templates.resolve())
            ):
                kind = "text"
        return kind


def run(args: argparse.Namespace) -> int:
    """Serve the preview until Ctrl-C; 0 when stopped, 2 on bad usage."""
    try:
        host = loopback_host(args.host)
        if args.template_dir is not None and not Path(args.template_dir).is_dir():
            raise ValueError(f"--template-dir {args.template_dir}: no such folder")
        if not 0 <= args.port <= 65535:
            raise ValueError(f"--port {args.port}: give a port from 1 to 65535, or 0 for any")
    except ValueError as error:
        print(f"smartind: {error}", file=sys.stderr)
        return _EXIT_USAGE
    session = PreviewSession(args.report, style=args.style, template_dir=args.template_dir)
    try:
        server = PreviewServer(session, host=host, port=args.port)
    except OSError as error:
        print(
            f"smartind: cannot serve on {host} port {args.port}: {error.strerror}; "
            "give another --port, or 0 for any free one",
            file=sys.stderr,
        )
        return _EXIT_USAGE
    try:
        # Inside the try: Ctrl-C may come as soon as the address is printed.
        server.start()
        print(f"Previewing {session.report_file} at {server.url} (Ctrl-C to stop)", flush=True)
        if session.error is not None:
            print(session.error, file=sys.stderr, flush=True)
        if args.open:
            import webbrowser

            webbrowser.open(server.url)
        _until_interrupted(session, _report_errors)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    print("Preview stopped.")
    return 0


def _report_errors(error: str | None) -> None:
    if error is not None:
        print(error, file=sys.stderr, flush=True)
    else:
        print("The preview is up to date.", file=sys.stderr, flush=True)


def _until_interrupted(session: PreviewSession, show: Callable[[str | None], None]) -> None:
    """Print each new error (and its fix) in the terminal too, until Ctrl-C."""
    seen, shown = session.generation, session.error
    for error in _errors(session, seen):
        if error != shown:
            show(error)
            shown = error


def _errors(session: PreviewSession, seen: int) -> Iterator[str | None]:
    while not session.closed:
        now = session.wait(seen, 1.0)
        if now != seen:
            seen = now
            yield session.error
