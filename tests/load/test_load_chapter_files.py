"""Which files in ``chapters/`` are chapters, and how they are read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from smartind.cli import main
from smartind.errors import ReportNotFoundError
from smartind.examples import bundled_example_path
from smartind.load import load_report


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "rapport"
    shutil.copytree(bundled_example_path(), target)
    return target


def _names(folder: Path) -> list[str]:
    return [chapter.name for chapter in load_report(folder).chapters]


def test_hidden_files_and_editor_lock_files_are_not_chapters(folder: Path) -> None:
    before = _names(folder)
    (folder / "chapters" / ".utkast.md").write_text("# Utkast\n", encoding="utf-8")
    (folder / "chapters" / ".#01-uppdraget.md").write_text("", encoding="utf-8")
    assert _names(folder) == before


def test_a_byte_order_mark_is_not_part_of_a_chapter(folder: Path) -> None:
    (folder / "chapters" / "99-bom.md").write_text("\ufeff# Rubrik\n", encoding="utf-8")
    (chapter,) = [c for c in load_report(folder).chapters if c.name == "99-bom.md"]
    assert chapter.text == "# Rubrik\n"


def test_a_byte_order_mark_before_report_toml_is_ignored(folder: Path) -> None:
    toml = folder / "report.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes())
    assert load_report(folder).metadata.organisation


def test_a_chapters_file_that_is_not_a_folder_is_an_error(folder: Path) -> None:
    shutil.rmtree(folder / "chapters")
    (folder / "chapters").write_text("", encoding="utf-8")
    with pytest.raises(ReportNotFoundError, match="is not a folder"):
        load_report(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read any folder")
def test_an_unreadable_chapter_folder_is_an_error_not_a_report_without_chapters(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "chapters").chmod(0)
    try:
        assert main(["render", str(folder), "-o", str(folder / "ut.md")]) == 2
    finally:
        (folder / "chapters").chmod(0o755)
    assert "cannot be read" in capsys.readouterr().err
    assert not (folder / "ut.md").exists()
