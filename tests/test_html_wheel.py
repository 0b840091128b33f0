"""The built wheel carries the HTML templates: a fresh venv renders a page from the wheel alone."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

_SCRIPT = """
import json, sys
from decimal import Decimal
import smartind_render
from smartind.document import (
    Document, Heading, Metadata, Number, NumberKind, Paragraph, Text,
)
from smartind_render._templates import templates_dir
from smartind_render.html import HtmlRenderer
from smartind_render.protocol import RenderOptions

document = Document(
    Metadata("Rapport från hjulet", organisation="Exempelverket"),
    (Heading(1, (Text("Inledning"),)), Paragraph((Text("<b>text</b>"),))),
)
page = HtmlRenderer().render(document, RenderOptions()).decode("utf-8")
json.dump(
    {
        "package": smartind_render.__file__,
        "templates": str(templates_dir()),
        "page": page,
    },
    sys.stdout,
)
"""


def test_a_venv_with_only_the_built_wheel_renders_html(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--wheel-dir", str(dist)]
    if importlib.util.find_spec("hatchling") is not None:
        # The build backend is here already: build offline, as pip would with it fetched.
        build += ["--no-build-isolation", "--no-index"]
    subprocess.run(
        [*build, str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("smartind-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = ["install", "--no-deps", "--force-reinstall", "--no-index", "-q", str(wheel)]
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), *install],
        check=True,
        capture_output=True,
        timeout=600,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(python), "-I", "-c", _SCRIPT],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = json.loads(result.stdout)
    assert Path(found["package"]).is_relative_to(env_dir)
    assert Path(found["templates"]) == Path(found["package"]).parent / "templates"
    assert not Path(found["templates"]).is_relative_to(ROOT)
    page = found["page"]
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert "<title>Rapport från hjulet</title>" in page and "@media print" in page
    assert "&lt;b&gt;text&lt;/b&gt;" in page
