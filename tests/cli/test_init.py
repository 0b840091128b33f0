"""``smartind init DIR`` writes an editable copy of the bundled example and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

import smartind.rules
from smartind.cli import main
from smartind.examples import bundled_example_path
from smartind.load import load_report


@pytest.fixture(autouse=True)
def _example_exists() -> None:
    if not (bundled_example_path() / "report.toml").is_file():
        pytest.skip("the bundled example's report.toml is not written yet")


def test_init_copies_report_and_chapters(tmp_path: Path) -> None:
    target = tmp_path / "min-rapport"
    assert main(["init", str(target)]) == 0
    source = bundled_example_path()
    assert (target / "report.toml").read_bytes() == (source / "report.toml").read_bytes()
    chapters = sorted(p.name for p in (source / "chapters").glob("*.md"))
    assert sorted(p.name for p in (target / "chapters").glob("*.md")) == chapters


def test_init_creates_missing_parents(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    assert main(["init", str(target)]) == 0
    assert (target / "report.toml").is_file()


def test_init_accepts_an_empty_folder(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    assert (tmp_path / "report.toml").is_file()


def test_init_prints_what_it_wrote_and_what_to_run_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", str(tmp_path / "r")])
    out = capsys.readouterr().out
    assert str(tmp_path / "r" / "report.toml") in out
    assert f"smartind render {tmp_path / 'r'}" in out


def test_init_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mina anteckningar", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_init_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "report.toml"
    file.write_text("", encoding="utf-8")
    assert main(["init", str(file)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_initialised_report_loads(tmp_path: Path) -> None:
    if not hasattr(smartind.rules, "rule_types"):
        pytest.skip("smartind.rules.rule_types is not built yet")
    main(["init", str(tmp_path / "r")])
    report = load_report(tmp_path / "r")
    assert report.chapters
