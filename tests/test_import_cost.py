"""``import smartind`` stays cheap: no heavy library is imported until it is used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("docx", "lxml", "jinja2", "markdown_it", "babel")


def imported_modules(statement: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    # importtime writes one line per module to stderr: "import time: self | cumulative | name"
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def test_import_smartind_loads_no_heavy_library() -> None:
    loaded = {name.split(".")[0] for name in imported_modules("import smartind")}
    assert "smartind" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_import_smartind_render_loads_no_heavy_library() -> None:
    loaded = {name.split(".")[0] for name in imported_modules("import smartind_render")}
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
