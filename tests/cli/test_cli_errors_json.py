"""Input errors carry their location as data: ``--errors json`` and the exception's attributes."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from smartind.cli import main
from smartind.errors import ReportDataError
from smartind.examples import bundled_example_path
from smartind.load import load_report
from smartind.validation import validate


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    assert main(["init", str(tmp_path / "r")]) == 0
    return tmp_path / "r"


def _json_error(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(list(argv)) == 2
    err = capsys.readouterr().err
    parsed: dict[str, object] = json.loads(err)
    return parsed


def test_a_toml_syntax_error_has_file_line_and_column(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = folder / "report.toml"
    lines = toml.read_text(encoding="utf-8").count("\n")
    toml.write_text(toml.read_text(encoding="utf-8") + "[oavslutad\n", encoding="utf-8")
    capsys.readouterr()
    error = _json_error(capsys, "render", str(folder), "--errors", "json", "-o", "x.docx")
    assert error["error"] == "ReportSyntaxError"
    assert (error["file"], error["line"], error["column"]) == (str(toml), lines + 1, 11)


def test_a_data_error_has_the_key_path_and_line_of_each_problem(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = folder / "report.toml"
    text = toml.read_text(encoding="utf-8")
    line = text[: text.index('kind = "implementation"')].count("\n") + 1
    toml.write_text(text.replace('kind = "implementation"', 'kind = "nonsense"', 1))
    capsys.readouterr()
    error = _json_error(capsys, "check", str(folder), "--errors", "json")
    assert (error["error"], error["key_path"], error["line"]) == (
        "ReportDataError",
        "projects[0].kind",
        line,
    )
    (problem,) = error["problems"]  # type: ignore[misc]
    assert "prestudy, implementation" in problem["message"]


def test_a_chapter_error_names_the_chapter_and_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "chapters" / "99-x.md").write_text("# X\n\nText\n\n{{ nope( }}\n")
    capsys.readouterr()
    error = _json_error(capsys, "render", str(folder), "--errors", "json", "-o", "x.md")
    assert (error["error"], error["chapter"], error["line"]) == ("ChapterError", "99-x.md", 5)
    assert error["key_path"] is None


def test_check_with_json_findings_prints_errors_as_json_too(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "report.toml").write_text("[oavslutad\n", encoding="utf-8")
    capsys.readouterr()
    assert _json_error(capsys, "check", str(folder), "--format", "json")["line"] == 1


def test_errors_stay_text_by_default(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "report.toml").write_text("[oavslutad\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(folder)]) == 2
    assert capsys.readouterr().err.startswith(f"smartind: {folder / 'report.toml'}:1:")


def test_validate_gives_each_problem_its_key_path() -> None:
    report = load_report(bundled_example_path())
    first, second, *rest = report.projects
    twice = attrs.evolve(report, projects=[first, attrs.evolve(second, id=first.id), *rest])
    with pytest.raises(ReportDataError) as caught:
        validate(twice)
    assert caught.value.key_path == "projects[1].id"
    assert caught.value.problems[0].key_path == "projects[1].id"
    assert all(p.message for p in caught.value.problems)
