"""The built wheel carries the HTML templates: the wheel alone renders a page.

The wheel is installed into a folder of its own (``pip install --target``) put first on
``PYTHONPATH``; a script run from an unrelated folder then imports smartind from there, not from
the source tree. (A nested venv with ``--system-site-packages`` would not do: inside a virtual
environment it sees the base interpreter's packages, not the venv's.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def test_the_built_wheel_alone_renders_html(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--wheel-dir", str(dist)]
    # hatchling comes with the test extra: build offline, as pip would with it fetched.
    build += ["--no-build-isolation", "--no-index"]
    subprocess.run(
        [*build, str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = dist.glob("smartind-*.whl")

    site = tmp_path / "site"
    install = ["install", "--no-deps", "--no-index", "-q", "--target", str(site), str(wheel)]
    subprocess.run([sys.executable, "-m", "pip", *install], check=True, capture_output=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(site)},
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = json.loads(result.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["templates"]) == Path(found["package"]).parent / "templates"
    assert not Path(found["templates"]).is_relative_to(ROOT)
    page = found["page"]
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert "<title>Rapport från hjulet</title>" in page and "@media print" in page
    assert "&lt;b&gt;text&lt;/b&gt;" in page
