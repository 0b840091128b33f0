"""The example plugin in examples/ installs beside smartind and renders through the CLI.

This is what a plugin author and a user do: pip-install the plugin package where the running
smartind can see it, and ask ``smartind render`` for its format. The plugin goes into a folder of
its own (``pip install --target``) put first on ``PYTHONPATH``, so the test environment itself is
left as it was and the test works in any environment, a virtual one included (a nested venv with
``--system-site-packages`` would see the base interpreter, not the venv the tests run in).
Nothing is downloaded: ``--no-index`` and no build isolation, with hatchling from the test extra.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from smartind.document import Heading, heading_numbers, plain_text
from smartind_render.stamp import Verdict, verdict
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

EXAMPLE = ROOT / "examples" / "smartind-plaintext"


def _run(plugin_site: Path, *arguments: str, cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(plugin_site)}
    result = subprocess.run(
        [sys.executable, *arguments], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{arguments} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the installed example plugin, for ``PYTHONPATH``."""
    folder = tmp_path_factory.mktemp("plugin-site")
    install = ("install", "-q", "--no-deps", "--no-build-isolation", "--no-index")
    result = subprocess.run(
        [sys.executable, "-m", "pip", *install, "--target", str(folder), str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"pip install failed:\n{result.stdout}\n{result.stderr}"
    return folder


def test_the_plugin_is_not_installed_in_the_test_environment_itself() -> None:
    from smartind_render.registry import available_formats

    assert "plaintext" not in [entry.name for entry in available_formats()]


def test_formats_lists_the_installed_plugin_with_its_distribution(
    plugin_site: Path, tmp_path: Path
) -> None:
    out = _run(plugin_site, "-m", "smartind", "formats", cwd=tmp_path)
    line = next(line for line in out.splitlines() if line.startswith("plaintext"))
    assert line.split() == ["plaintext", "text/plain", ".txt", "smartind-plaintext", "0.1.0"]


def test_render_writes_the_bundled_report_as_plain_text(plugin_site: Path, tmp_path: Path) -> None:
    out = _run(
        plugin_site, "-m", "smartind", "render", "-f", "plaintext", "-o", "out.txt", cwd=tmp_path
    )
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


def test_options_reach_the_plugin(plugin_site: Path, tmp_path: Path) -> None:
    arguments = ("-m", "smartind", "render", "-f", "plaintext", "--option", "width=40")
    _run(plugin_site, *arguments, cwd=tmp_path)
    text = (tmp_path / "slutrapport.txt").read_text(encoding="utf-8")
    summary = text.split("Sammanfattning\n==============\n\n", 1)[1].split("\n\n", 1)[0]
    assert len(summary.splitlines()) > 1
    assert max(len(line) for line in summary.splitlines()) <= 40


def test_the_plugin_passes_its_own_tests_against_the_installed_smartind(plugin_site: Path) -> None:
    _run(plugin_site, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=EXAMPLE)
