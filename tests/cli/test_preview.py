"""``smartind preview``: the page, its reload events, the error banner, and what it refuses."""

from __future__ import annotations

import html
import http.client
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartind.cli import main
from smartind.cli._preview import PreviewServer, PreviewSession
from smartind.examples import bundled_example_path

CHAPTER = "01-uppdraget.md"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    folder = tmp_path / "rapport"
    shutil.copytree(bundled_example_path(), folder)
    return folder


@pytest.fixture
def server(report: Path) -> Iterator[PreviewServer]:
    running = PreviewServer(PreviewSession(report))
    running.start()
    yield running
    running.stop()


def _get(server: PreviewServer, path: str = "/", host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    headers = {"Host": host} if host else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    connection.close()
    return response.status, body


class _Events:
    """Reads the server's event stream in a thread; ``next_reload`` waits for one event."""

    def __init__(self, server: PreviewServer) -> None:
        self._connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self._connection.request("GET", "/events")
        self._response = self._connection.getresponse()
        assert self._response.getheader("Content-Type", "").startswith("text/event-stream")
        self._events: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for raw in self._response:
                line = raw.decode("utf-8").strip()
                if line.startswith("event: "):
                    self._events.put(line.removeprefix("event: "))
        except (OSError, ValueError):
            pass

    def next_reload(self) -> None:
        assert self._events.get(timeout=10) == "reload"

    def close(self) -> None:
        self._connection.close()


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_edits_are_served_and_a_broken_chapter_shows_the_error_over_the_last_good_page(
    server: PreviewServer, report: Path
) -> None:
    chapter = report / "chapters" / CHAPTER
    original = chapter.read_text(encoding="utf-8")
    status, page = _get(server)
    assert status == 200
    assert "Uppdraget" in page
    assert 'new EventSource("/events")' in page

    events = _Events(server)
    try:
        _write(chapter, original + "\nEn mening skriven nyss.\n")
        events.next_reload()
        assert "En mening skriven nyss." in _get(server)[1]

        broken = original + "\nEn mening skriven nyss.\n\nTrasig {{ report.finns_inte }}.\n"
        _write(chapter, broken)
        events.next_reload()
        page = _get(server)[1]
        assert 'role="alert"' in page
        assert f"{CHAPTER}, line {_line_of(broken, 'Trasig')}" in page
        assert "En mening skriven nyss." in page  # the last good page stays

        _write(chapter, original + "\nRättad igen.\n")
        events.next_reload()
        page = _get(server)[1]
        assert 'role="alert"' not in page
        assert "Rättad igen." in page
    finally:
        events.close()


def test_a_chapter_edit_does_not_read_report_toml_again(
    server: PreviewServer, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import smartind.load

    loads: list[object] = []
    real = smartind.load.load_report
    monkeypatch.setattr(smartind.load, "load_report", lambda *a: loads.append(a) or real(*a))
    events = _Events(server)
    try:
        chapter = report / "chapters" / CHAPTER
        _write(chapter, chapter.read_text(encoding="utf-8") + "\nBara text.\n")
        events.next_reload()
        assert "Bara text." in _get(server)[1]
        assert loads == []

        toml = report / "report.toml"
        _write(toml, toml.read_text(encoding="utf-8").replace("Tillväxtverket", "Verket X", 1))
        events.next_reload()
        assert len(loads) == 1
    finally:
        events.close()


def test_only_the_page_and_its_event_stream_are_served(server: PreviewServer) -> None:
    for path in ("/report.toml", f"/chapters/{CHAPTER}", "/../../etc/passwd", "/favicon.ico"):
        assert _get(server, path)[0] == 404


def test_a_request_for_another_host_name_is_refused(server: PreviewServer) -> None:
    # A web page elsewhere that points its own name at 127.0.0.1 must not read the preview.
    assert _get(server, host=f"angripare.example:{server.port}")[0] == 403


def test_stopping_closes_the_port(report: Path) -> None:
    running = PreviewServer(PreviewSession(report))
    running.start()
    events = _Events(running)
    running.stop()
    with pytest.raises(OSError):
        _get(running)
    events.close()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.se"])
def test_the_command_refuses_to_serve_beyond_this_computer(
    host: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["preview", "--host", host]) == 2
    assert "the preview is served only to this computer" in capsys.readouterr().err


def test_a_report_broken_from_the_start_shows_a_page_with_the_error(report: Path) -> None:
    (report / "chapters" / CHAPTER).write_text("# A\n\n{{ \n", encoding="utf-8")
    running = PreviewServer(PreviewSession(report))
    running.start()
    try:
        status, page = _get(running)
        assert status == 200
        assert '<html lang="sv">' in page
        assert f"{CHAPTER}, line 3: '{{{{' is not closed by '}}}}'" in html.unescape(page)
    finally:
        running.stop()


def test_the_page_reloads_within_seconds_of_a_save(server: PreviewServer, report: Path) -> None:
    events = _Events(server)
    try:
        chapter = report / "chapters" / CHAPTER
        started = time.monotonic()
        _write(chapter, chapter.read_text(encoding="utf-8") + "\nSnabbt.\n")
        events.next_reload()
        # Not a performance target (benchmarks/preview.py measures that): a hang guard.
        assert time.monotonic() - started < 10
    finally:
        events.close()


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_the_command_cleanly(report: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "smartind", "preview", str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert re.match(r"Previewing .*report\.toml at http://127\.0\.0\.1:\d+/", first)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0
    assert out.strip() == "Preview stopped."
    assert "Traceback" not in err
