"""Only regular files inside the report folder are read, of bounded size and nesting."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from smartind.cli._cache import input_key
from smartind.dates import Period
from smartind.errors import ReportDataError, ReportNotFoundError, ReportSyntaxError
from smartind.examples import bundled_example_path
from smartind.limits import MAX_INPUT_BYTES
from smartind.load import load_report, loads_report

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links and pipes")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "rapport"
    shutil.copytree(bundled_example_path(), target)
    return target


def _with_toml(folder: Path, change: str) -> Path:
    toml = folder / "report.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + change, encoding="utf-8")
    return toml


def _line_of_last(toml: Path) -> int:
    return len(toml.read_text(encoding="utf-8").splitlines())


@posix_only
def test_a_chapter_linking_out_of_the_report_folder_is_refused(folder: Path) -> None:
    (folder / "chapters" / "99-lösen.md").symlink_to("/etc/passwd")
    with pytest.raises(ReportNotFoundError, match="outside the report folder"):
        load_report(folder)


@posix_only
def test_a_chapter_linking_to_a_device_is_refused(folder: Path) -> None:
    (folder / "chapters" / "99-noll.md").symlink_to("/dev/zero")
    with pytest.raises(ReportNotFoundError, match=r"99-noll\.md: is a link to /dev/zero"):
        load_report(folder)


@posix_only
def test_a_chapter_linking_inside_the_report_folder_is_read(folder: Path) -> None:
    shared = folder / "delat" / "bilaga.md"
    shared.parent.mkdir()
    shared.write_text("# Bilaga\n", encoding="utf-8")
    (folder / "chapters" / "99-bilaga.md").symlink_to("../delat/bilaga.md")
    texts = {chapter.name: chapter.text for chapter in load_report(folder).chapters}
    assert texts["99-bilaga.md"] == "# Bilaga\n"


@posix_only
def test_a_named_pipe_as_a_chapter_is_refused_without_waiting(folder: Path) -> None:
    os.mkfifo(folder / "chapters" / "99-rör.md")
    with pytest.raises(ReportNotFoundError, match="is a named pipe, not a regular file"):
        load_report(folder)


@posix_only
def test_the_cache_does_not_read_a_named_pipe_either(folder: Path) -> None:
    os.mkfifo(folder / "chapters" / "99-rör.md")
    assert input_key(folder, None) is None


@posix_only
def test_a_report_toml_linking_out_of_the_folder_is_refused(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "annan.toml"
    (folder / "report.toml").rename(outside)
    (folder / "report.toml").symlink_to(outside)
    with pytest.raises(ReportNotFoundError, match="outside the report folder"):
        load_report(folder)


def test_a_chapter_larger_than_the_limit_is_refused_unread(folder: Path) -> None:
    with (folder / "chapters" / "99-stor.md").open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: takes no disk space
    with pytest.raises(ReportNotFoundError, match="larger than 64 MiB"):
        load_report(folder)


@pytest.mark.parametrize("bracket", ["[", "{a = "])
def test_data_nested_a_thousand_deep_is_refused_with_its_line(folder: Path, bracket: str) -> None:
    closing = "]" if bracket == "[" else "}"
    toml = _with_toml(folder, f"\nx = {bracket * 1000}1{closing * 1000}\n")
    with pytest.raises(ReportSyntaxError) as raised:
        load_report(folder)
    message = str(raised.value)
    assert f"report.toml:{_line_of_last(toml)}: arrays or tables nest more than 32" in message


def test_json_nested_a_thousand_deep_is_refused() -> None:
    with pytest.raises(ReportSyntaxError, match="nest more than 32 levels deep"):
        loads_report("[" * 5000 + "]" * 5000, format="json")


def test_an_integer_of_thousands_of_digits_is_refused_with_its_line(folder: Path) -> None:
    toml = _with_toml(folder, "\nx = " + "9" * 5000 + "\n")
    with pytest.raises(ReportSyntaxError, match=rf":{_line_of_last(toml)}: a number with"):
        load_report(folder)


@pytest.mark.parametrize(
    ("before", "after", "key"),
    [
        ("date = 2019-02-27", "date = 3001-02-27", "metadata.date"),
        ("start = 2016-01-01", "start = 1850-01-01", "assignment.period.start"),
    ],
)
def test_dates_outside_1900_to_2999_are_refused_at_their_key(
    folder: Path, before: str, after: str, key: str
) -> None:
    toml = folder / "report.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(before, after, 1), encoding="utf-8")
    with pytest.raises(ReportDataError, match=rf"{re.escape(key)}: .*in the years 1900 to 2999"):
        load_report(folder)


def test_a_period_built_in_python_is_held_to_the_same_years() -> None:
    with pytest.raises(TypeError, match="in the years 1900 to 2999, not 1850-01-01"):
        Period(date(1850, 1, 1), date(2018, 12, 31))
