"""The layer contracts in ``pyproject.toml`` hold for the code as it is (run with import-linter)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool


def _contracts() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [contract["id"] for contract in config["tool"]["importlinter"]["contracts"]]


def _lint_imports() -> str:
    beside = Path(sys.executable).with_name("lint-imports")
    return str(beside) if beside.exists() else require_tool("lint-imports")


def test_the_contracts_cover_renderers_layers_and_cycles() -> None:
    assert set(_contracts()) >= {
        "core-without-renderers",
        "renderers-see-the-document",
        "core-layers",
        "no-sibling-cycles",
    }


@pytest.mark.parametrize("contract", _contracts())
def test_contract_is_kept(contract: str) -> None:
    done = subprocess.run(
        [_lint_imports(), "--no-cache", "--no-logo", "--contract", contract, "pyproject.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout
