"""The built wheel carries the templates and the bundled report: a fresh venv renders from it.

The wheel is installed into a new virtual environment (see ``tests/venvs.py``) and the bundled
report is rendered to HTML by that environment's Python, from a folder outside the source tree,
so every file it reads must have come from the wheel.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.venvs import bin_path, pip_install, temporary_venv

pytestmark = pytest.mark.slow

_SCRIPT = """
import json, sys
import smartind, smartind_render
from smartind import compose, load_report
from smartind.examples import bundled_example_path
from smartind_render._templates import templates_dir
from smartind_render.html import HtmlRenderer
from smartind_render.protocol import RenderOptions

document = compose(load_report(bundled_example_path()))
page = HtmlRenderer().render(document, RenderOptions()).decode("utf-8")
json.dump(
    {
        "smartind": smartind.__file__,
        "smartind_render": smartind_render.__file__,
        "example": str(bundled_example_path()),
        "templates": str(templates_dir()),
        "page": page,
    },
    sys.stdout,
)
"""


def test_a_venv_with_only_the_built_wheel_renders_the_bundled_report_as_html(
    tmp_path: Path,
) -> None:
    dist = tmp_path / "dist"
    # hatchling comes with the test extra: build offline, as pip would with it fetched.
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--wheel-dir", str(dist)]
    build += ["--no-build-isolation", "--no-index", str(ROOT)]
    subprocess.run(build, check=True, capture_output=True, timeout=600)
    (wheel,) = dist.glob("smartind-*.whl")

    env = temporary_venv(tmp_path / "venv")
    pip_install(env, wheel)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(bin_path(env, "python")), "-c", _SCRIPT],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = json.loads(result.stdout)
    for key in ("smartind", "smartind_render", "example", "templates"):
        assert Path(found[key]).is_relative_to(env), (key, found[key])
    assert Path(found["templates"]) == Path(found["smartind_render"]).parent / "templates"
    page = found["page"]
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert "<title>Slutrapport – Smart industri i regionerna" in page
    assert "@media print" in page and "Resultaträkning, tkr" in page
