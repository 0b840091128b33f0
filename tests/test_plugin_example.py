"""The example plugin in examples/ installs into a fresh environment and renders through the CLI.

This is what a plugin author and a user do: create a virtual environment that sees smartind
(``--system-site-packages``, where the project is installed), pip-install the plugin package,
and ask ``smartind render`` for its format. Nothing is downloaded (``--no-index``, no build
isolation: hatchling comes from the system site-packages).
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from smartind.document import Heading, heading_numbers, plain_text
from smartind_render.stamp import Verdict, verdict
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "smartind-plaintext"


def _run(python: Path, *arguments: str, cwd: Path) -> str:
    result = subprocess.run(
        [str(python), *arguments], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{arguments} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a virtual environment with smartind and the example plugin installed."""
    folder = tmp_path_factory.mktemp("plugin-venv")
    venv.create(folder / "venv", system_site_packages=True, with_pip=True)
    interpreter = folder / "venv" / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    install = ("-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index")
    _run(interpreter, *install, str(EXAMPLE), cwd=folder)
    return interpreter


def test_the_plugin_is_not_installed_in_the_test_environment_itself() -> None:
    from smartind_render.registry import available_formats

    assert "plaintext" not in [entry.name for entry in available_formats()]


def test_formats_lists_the_installed_plugin_with_its_distribution(
    python: Path, tmp_path: Path
) -> None:
    out = _run(python, "-m", "smartind", "formats", cwd=tmp_path)
    line = next(line for line in out.splitlines() if line.startswith("plaintext"))
    assert line.split() == ["plaintext", "text/plain", ".txt", "smartind-plaintext", "0.1.0"]


def test_render_writes_the_bundled_report_as_plain_text(python: Path, tmp_path: Path) -> None:
    out = _run(python, "-m", "smartind", "render", "-f", "plaintext", "-o", "out.txt", cwd=tmp_path)
    assert out.startswith("Wrote out.txt (plaintext, ")
    data = (tmp_path / "out.txt").read_bytes()
    assert verdict(data) is Verdict.UNCHANGED

    from smartind.compose import compose
    from smartind.load import load_report, resolve_report

    document = compose(load_report(resolve_report(None)))
    text = data.decode("utf-8")
    assert text.startswith(document.metadata.title + "\n")
    for index, number in heading_numbers(document.blocks).items():
        heading = document.blocks[index]
        assert isinstance(heading, Heading)
        assert f"{number} {plain_text(heading.content)}" in text


def test_options_reach_the_plugin(python: Path, tmp_path: Path) -> None:
    arguments = ("-m", "smartind", "render", "-f", "plaintext", "--option", "width=40")
    _run(python, *arguments, cwd=tmp_path)
    text = (tmp_path / "slutrapport.txt").read_text(encoding="utf-8")
    summary = text.split("Sammanfattning\n==============\n\n", 1)[1].split("\n\n", 1)[0]
    assert len(summary.splitlines()) > 1
    assert max(len(line) for line in summary.splitlines()) <= 40


def test_the_plugin_passes_its_own_tests_against_the_installed_smartind(python: Path) -> None:
    _run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=EXAMPLE)
