"""The public surface is exactly ``__all__``, and every name in it is documented."""

from __future__ import annotations

import inspect
import re
import sys
import types
from pathlib import Path

import pytest

import smartind
import smartind_render

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _public_attributes(package: types.ModuleType) -> set[str]:
    return {
        name
        for name, value in vars(package).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }


@pytest.mark.parametrize("package", [smartind, smartind_render], ids=lambda p: p.__name__)
def test_all_lists_exactly_the_public_names(package: types.ModuleType) -> None:
    for name in package.__all__:
        getattr(package, name)  # every listed name resolves (smartind loads most on first use)
    listed = set(package.__all__)
    assert len(listed) == len(package.__all__), "a name is listed twice"
    assert listed - {"__version__"} == _public_attributes(package) - {"annotations"}


@pytest.mark.parametrize("package", [smartind, smartind_render], ids=lambda p: p.__name__)
def test_every_public_class_and_function_has_a_docstring(package: types.ModuleType) -> None:
    undocumented = [
        name
        for name in package.__all__
        if (inspect.isclass(obj := getattr(package, name)) or inspect.isfunction(obj))
        and not inspect.getdoc(obj)
    ]
    assert undocumented == []


def _home_module(package: types.ModuleType, name: str) -> str:
    """The public module that lists ``name`` in its own ``__all__``."""
    for module_name in sorted(sys.modules):
        if not module_name.startswith(f"{package.__name__}.") or "._" in module_name:
            continue
        if name in getattr(sys.modules[module_name], "__all__", ()):
            return module_name
    return package.__name__


@pytest.mark.parametrize("package", [smartind, smartind_render], ids=lambda p: p.__name__)
def test_every_public_name_is_documented_in_the_manual(package: types.ModuleType) -> None:
    # Documented means: its module is on a page through autodoc, or the name itself is.
    text = "\n".join(page.read_text(encoding="utf-8") for page in DOCS.glob("*.md"))
    autodoc = set(re.findall(r"\.\. automodule:: ([\w.]+)", text))
    named = set(re.findall(r"\.\. auto(?:class|function|data|exception):: ([\w.]+)", text))
    missing = []
    for name in package.__all__:
        if name == "__version__":
            continue
        home = _home_module(package, name)
        if home not in autodoc and f"{home}.{name}" not in named:
            missing.append(f"{home}.{name}")
    assert missing == []
