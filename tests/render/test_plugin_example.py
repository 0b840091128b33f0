"""The example plugin in examples/ installs into a virtual environment and renders through the CLI.

This is what a plugin author and a user do: a fresh virtual environment beside the project gets
smartind and the plugin package, and its ``smartind render -f plaintext`` renders the bundled
report. Nothing is downloaded (see ``tests/venvs.py``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from smartind.document import Heading, heading_numbers, plain_text
from smartind_render.stamp import Verdict, verdict
from tests.conftest import ROOT
from tests.venvs import bin_path, pip_install, temporary_venv

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "smartind-plaintext"


def _run(env: Path, program: str, *arguments: str, cwd: Path) -> str:
    result = subprocess.run(
        [str(bin_path(env, program)), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{arguments} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with smartind and the example plugin installed."""
    folder = temporary_venv(tmp_path_factory.mktemp("plugin") / "venv")
    pip_install(folder, ROOT, EXAMPLE)
    return folder


def test_the_plugin_is_not_installed_in_the_test_environment_itself() -> None:
    from smartind_render.registry import available_formats

    assert "plaintext" not in [entry.name for entry in available_formats()]


def test_formats_lists_the_installed_plugin_with_its_distribution(
    env: Path, tmp_path: Path
) -> None:
    out = _run(env, "smartind", "formats", cwd=tmp_path)
    line = next(line for line in out.splitlines() if line.startswith("plaintext"))
    assert line.split() == ["plaintext", "text/plain", ".txt", "smartind-plaintext", "0.1.0"]


def test_render_writes_the_bundled_report_as_plain_text(env: Path, tmp_path: Path) -> None:
    out = _run(env, "smartind", "render", "-f", "plaintext", "-o", "out.txt", cwd=tmp_path)
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


def test_options_reach_the_plugin(env: Path, tmp_path: Path) -> None:
    arguments = ("render", "-f", "plaintext", "--option", "width=40")
    _run(env, "smartind", *arguments, cwd=tmp_path)
    text = (tmp_path / "slutrapport.txt").read_text(encoding="utf-8")
    summary = text.split("Sammanfattning\n==============\n\n", 1)[1].split("\n\n", 1)[0]
    assert len(summary.splitlines()) > 1
    assert max(len(line) for line in summary.splitlines()) <= 40


def test_the_plugin_passes_its_own_tests_against_the_installed_smartind(env: Path) -> None:
    _run(env, "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=EXAMPLE)


def test_the_environment_runs_the_smartind_installed_in_it(env: Path, tmp_path: Path) -> None:
    where = _run(env, "python", "-c", "import smartind; print(smartind.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(env)
