"""The scripts the manual shows (docs/examples/*.py) run as they stand; mypy checks them in CI."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.py"))


def test_the_manual_has_examples() -> None:
    assert {p.name for p in EXAMPLES} >= {
        "python_api.py",
        "batch.py",
        "from_csv.py",
        "refresh_drafts.py",
    }


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_a_manual_example_runs(
    script: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out  # each one shows what it did
    assert list(tmp_path.iterdir()) == []  # and leaves nothing behind


@pytest.mark.parametrize("page", ["python-api.md", "recipes.md"])
def test_every_example_on_a_page_is_included_from_a_file_that_runs(page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    included = {line.split()[-1] for line in text.splitlines() if "literalinclude" in line}
    assert included, f"{page} includes no example"
    for name in included:
        assert (ROOT / "docs" / name).is_file(), name


def test_mypy_checks_the_examples() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "docs/examples" in config["tool"]["mypy"]["files"]
