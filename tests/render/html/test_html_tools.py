"""Outside tools judge the HTML page: axe-core and the Nu Html Checker, Chromium's print and screen.

The tools are real (Debian chromium, java with npm's vnu-jar, npm's axe-core); each test skips
when one is missing, and fails instead under SMARTIND_REQUIRE_TOOLS=1, as in CI.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from smartind.document import Document
from smartind_render.html import HtmlRenderer
from smartind_render.protocol import RenderOptions
from tests.a11y.chromium import (
    AXE_JS,
    VNU_JAR,
    console_messages,
    print_pdf,
    run_axe,
    screenshot,
)
from tests.conftest import require_tool
from tests.documents import SAMPLE

pytestmark = [pytest.mark.tools, pytest.mark.slow]


def _require_file(path: Path, what: str) -> Path:
    if not path.is_file():
        message = f"{what} is not installed ({path}); run .ci/run or npm ci in .ci"
        if os.environ.get("SMARTIND_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def bundled() -> Document:
    from smartind.compose import compose
    from smartind.examples import bundled_example_path
    from smartind.load import load_report

    return compose(load_report(bundled_example_path()))


@pytest.fixture(scope="module", params=["sample", "bundled"])
def page_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    document = SAMPLE if request.param == "sample" else request.getfixturevalue("bundled")
    path = tmp_path_factory.mktemp(f"html-{request.param}") / f"{request.param}.html"
    path.write_bytes(HtmlRenderer().render(document, RenderOptions()))
    return path


@pytest.fixture(scope="module")
def chromium() -> str:
    return require_tool("chromium")


def _vnu(*files: Path) -> subprocess.CompletedProcess[str]:
    java = require_tool("java")
    jar = _require_file(VNU_JAR, "vnu-jar (npm)")
    return subprocess.run(
        [java, "-jar", str(jar), "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_nu_html_checker_finds_no_error(page_file: Path) -> None:
    result = _vnu(page_file)
    assert result.returncode == 0, result.stderr + result.stdout


def test_a_page_full_of_hostile_strings_is_still_valid_html(tmp_path: Path) -> None:
    from tests.render.html.test_html_security import HOSTILE, hostile_document

    pages = []
    for number, text in enumerate(HOSTILE):
        page = tmp_path / f"hostile-{number}.html"
        page.write_bytes(HtmlRenderer().render(hostile_document(text), RenderOptions()))
        pages.append(page)
    result = _vnu(*pages)
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_nu_html_checker_does_report_a_broken_page(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="sv"><p id=a><p id=a></html>', encoding="utf-8")
    result = _vnu(broken)
    assert result.returncode != 0 and "Duplicate ID" in result.stderr


def test_axe_finds_no_accessibility_violation(
    page_file: Path, chromium: str, tmp_path: Path
) -> None:
    _require_file(AXE_JS, "axe-core (npm)")
    result = run_axe(chromium, page_file.read_bytes(), tmp_path)
    assert result["passes"] > 20
    assert result["violations"] == []


def test_axe_does_report_a_violation(chromium: str, tmp_path: Path) -> None:
    _require_file(AXE_JS, "axe-core (npm)")
    page = (
        b'<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png"></body></html>'
    )
    result = run_axe(chromium, page, tmp_path)
    assert {"html-has-lang", "image-alt"} <= {v["id"] for v in result["violations"]}


def _pdf_pages(pdf: Path) -> list[str]:
    pdftotext = require_tool("pdftotext")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_chromium_prints_the_page_to_a4_pdf_without_console_messages(
    page_file: Path, chromium: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "page.pdf"
    log = print_pdf(chromium, page_file, pdf)
    assert console_messages(log) == []
    assert pdf.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(
        [require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)", info), info


def test_in_print_each_chapter_starts_a_page_and_the_footnotes_are_kept(
    chromium: str, tmp_path: Path
) -> None:
    page = tmp_path / "sample.html"
    page.write_bytes(HtmlRenderer().render(SAMPLE, RenderOptions()))
    pdf = tmp_path / "sample.pdf"
    print_pdf(chromium, page, pdf)
    pages = _pdf_pages(pdf)
    first_lines = [next((ln.strip() for ln in p.splitlines() if ln.strip()), "") for p in pages]
    starts = {" ".join(line.split()) for line in first_lines}
    for chapter in ("Sammanfattning", "1 Inledning", "2 Resultat", "3 Ekonomisk redovisning"):
        assert chapter in starts
    everything = "\n".join(pages)
    assert "Fotnoter" in everything and "Uppgifterna avser december." in everything
    assert "Innehåll" not in everything
    assert "(https://tillvaxtverket.se/)" in everything


def test_chromium_takes_a_screenshot_without_console_messages(
    page_file: Path, chromium: str, tmp_path: Path
) -> None:
    png = tmp_path / "page.png"
    log = screenshot(chromium, page_file, png)
    assert console_messages(log) == []
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_console_messages_are_caught_when_a_page_has_them(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "noisy.html"
    page.write_text(
        '<!DOCTYPE html><html lang="sv"><title>x</title><script>nosuchfunction()</script></html>',
        encoding="utf-8",
    )
    messages = console_messages(print_pdf(chromium, page, tmp_path / "noisy.pdf"))
    assert any("nosuchfunction" in m for m in messages)
