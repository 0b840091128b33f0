"""The preview page in headless Chromium: no console errors, and no axe-core violations, banner
included."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartind.cli._preview import PreviewServer, PreviewSession
from smartind.examples import bundled_example_path
from tests.a11y.chromium import AXE_JS, console_messages, run_axe, run_chromium
from tests.conftest import require_tool
from tests.render.html.test_html_tools import _require_file

pytestmark = [pytest.mark.tools, pytest.mark.slow]


@pytest.fixture
def broken_server(tmp_path: Path) -> Iterator[PreviewServer]:
    """A preview whose last save broke a chapter: the banner shows over the last good page."""
    report = tmp_path / "rapport"
    shutil.copytree(bundled_example_path(), report)
    running = PreviewServer(PreviewSession(report))
    running.start()
    chapter = report / "chapters" / "01-uppdraget.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n{{ \n", encoding="utf-8")
    running.session.rebuild(data=False)
    assert running.session.error is not None
    yield running
    running.stop()


def test_chromium_loads_the_preview_with_its_event_stream_and_no_console_errors(
    broken_server: PreviewServer,
) -> None:
    chromium = require_tool("chromium")
    dom, log = run_chromium(
        chromium,
        broken_server.url,
        "--enable-logging=stderr",
        "--v=0",
        "--timeout=4000",
        "--dump-dom",
    )
    assert "Förhandsvisningen visar den senaste versionen" in dom
    assert console_messages(log) == []


def test_axe_finds_no_violations_in_the_preview_banner_included(
    broken_server: PreviewServer, tmp_path: Path
) -> None:
    chromium = require_tool("chromium")
    _require_file(AXE_JS, "axe-core (npm)")
    result = run_axe(chromium, broken_server.session.page(), tmp_path)
    assert result["violations"] == []
