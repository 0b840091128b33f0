"""Fake renderer distributions for registry and command tests, installed on ``sys.path``.

A fake distribution is real metadata (a ``*.dist-info`` folder with ``entry_points.txt``) and
real modules in a temporary folder, so ``importlib.metadata`` finds it exactly as it finds a
pip-installed plugin.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from smartind_render.registry import GROUP

__all__ = ["RENDERER", "Install", "install"]

RENDERER = """
class Renderer:
    name = "{name}"
    media_type = "text/plain"
    extension = ".txt"

    def render(self, document, options):
        return b""
"""
"""A minimal renderer module; ``{name}`` is its format name."""

Install = Callable[[str, str, dict[str, str], dict[str, str]], None]
"""``install(distribution, version, entry_points, module_sources)``."""


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Installs fake distributions for one test; their modules are forgotten afterwards."""
    folder = tmp_path / "site"
    folder.mkdir()
    modules: list[str] = []

    def _install(
        distribution: str, version: str, entries: dict[str, str], sources: dict[str, str]
    ) -> None:
        info = folder / f"{distribution.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n"
        )
        lines = "".join(f"{name} = {value}\n" for name, value in entries.items())
        (info / "entry_points.txt").write_text(f"[{GROUP}]\n{lines}")
        for module, source in sources.items():
            (folder / f"{module}.py").write_text(textwrap.dedent(source))
            modules.append(module)
        importlib.invalidate_caches()

    monkeypatch.syspath_prepend(str(folder))
    yield _install
    for module in modules:
        sys.modules.pop(module, None)
