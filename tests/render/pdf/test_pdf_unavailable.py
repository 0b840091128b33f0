"""Without WeasyPrint the pdf format is listed as unavailable, with how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Runs smartind in a child where importing WeasyPrint fails, as on a machine without it.
WITHOUT_WEASYPRINT = """
import sys

class NoWeasyPrint:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "weasyprint":
            raise ModuleNotFoundError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, NoWeasyPrint())
from smartind.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _smartind(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_WEASYPRINT, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_formats_lists_pdf_as_unavailable_with_the_install_line() -> None:
    done = _smartind("formats")
    assert done.returncode == 0
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("pdf ")]
    assert "unavailable: it needs WeasyPrint" in line
    assert "pip install 'smartind[pdf]'" in line
    assert any(line.startswith("docx ") for line in done.stdout.splitlines())


def test_render_to_pdf_stops_with_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.pdf"
    done = _smartind("render", "-f", "pdf", "-o", str(target))
    assert done.returncode == 2
    assert "pip install 'smartind[pdf]'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not target.exists()


def test_the_other_formats_still_render(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.docx"
    assert _smartind("render", "-o", str(target)).returncode == 0
    assert target.stat().st_size > 0
